CREATE TABLE "service_audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"actor_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"detail" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_audit_entries" ADD CONSTRAINT "service_audit_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_audit_entries_org_seq_unique" ON "service_audit_entries" USING btree ("organisation_id","seq");--> statement-breakpoint
CREATE INDEX "service_audit_entries_subject_idx" ON "service_audit_entries" USING btree ("subject_id");--> statement-breakpoint
-- Hand-written (ADR 031): the service's trail is append-only, like the proposals' (0002).
CREATE TRIGGER service_audit_entries_append_only BEFORE UPDATE OR DELETE ON service_audit_entries
  FOR EACH ROW EXECUTE FUNCTION probity_refuse_change();
--> statement-breakpoint
CREATE TRIGGER service_audit_entries_no_truncate BEFORE TRUNCATE ON service_audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION probity_refuse_change();
