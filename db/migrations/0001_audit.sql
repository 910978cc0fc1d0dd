CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"actor_id" uuid,
	"actor_kind" text NOT NULL,
	"event_type" text NOT NULL,
	"payload_digest" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"state_before" text NOT NULL,
	"state_after" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_entries_proposal_seq_unique" ON "audit_entries" USING btree ("proposal_id","seq");--> statement-breakpoint
CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" USING btree ("actor_id");