CREATE TABLE "decision_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_record_id" uuid,
	"reference" text NOT NULL,
	"proposal_title" text NOT NULL,
	"partner" text NOT NULL,
	"outcome" text NOT NULL,
	"sha256" text NOT NULL,
	"file_path" text NOT NULL,
	"byte_size" integer NOT NULL,
	"audit_head_hash" text NOT NULL,
	"audit_head_seq" integer NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_records_sha256_hex" CHECK ("decision_records"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "decision_records_parent_matches_kind" CHECK (("decision_records"."kind" = 'addendum') = ("decision_records"."parent_record_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "decision_records" ADD CONSTRAINT "decision_records_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_records" ADD CONSTRAINT "decision_records_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_records" ADD CONSTRAINT "decision_records_parent_record_id_decision_records_id_fk" FOREIGN KEY ("parent_record_id") REFERENCES "public"."decision_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_records_sha256_unique" ON "decision_records" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_records_file_path_unique" ON "decision_records" USING btree ("file_path");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_records_org_reference_unique" ON "decision_records" USING btree ("organisation_id","reference");--> statement-breakpoint
CREATE INDEX "decision_records_proposal_idx" ON "decision_records" USING btree ("proposal_id");--> statement-breakpoint
-- Appended by hand (drizzle cannot express triggers): a signed record is never changed or removed.
-- probity_refuse_change() comes from 0002_audit_append_only.
CREATE TRIGGER decision_records_append_only BEFORE UPDATE OR DELETE ON decision_records
  FOR EACH ROW EXECUTE FUNCTION probity_refuse_change();
--> statement-breakpoint
CREATE TRIGGER decision_records_no_truncate BEFORE TRUNCATE ON decision_records
  FOR EACH STATEMENT EXECUTE FUNCTION probity_refuse_change();
