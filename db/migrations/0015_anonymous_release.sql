CREATE TABLE "held_contributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"concern_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"round" integer,
	"phase" text,
	"category" text,
	"text" text,
	"receipt_hash" text,
	"held_on" date NOT NULL,
	CONSTRAINT "held_contributions_shape" CHECK (("held_contributions"."kind" = 'concern' and "held_contributions"."text" is not null and "held_contributions"."category" is not null and "held_contributions"."receipt_hash" is not null and "held_contributions"."round" is not null and "held_contributions"."phase" is not null) or ("held_contributions"."kind" = 'endorsement' and "held_contributions"."text" is null and "held_contributions"."receipt_hash" is null))
);
--> statement-breakpoint
ALTER TABLE "concern_endorsements" ADD COLUMN "released_seq" integer;--> statement-breakpoint
ALTER TABLE "staff_concerns" ADD COLUMN "released_seq" integer;--> statement-breakpoint
ALTER TABLE "held_contributions" ADD CONSTRAINT "held_contributions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "held_contributions_proposal_idx" ON "held_contributions" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "held_contributions_concern_tag_unique" ON "held_contributions" USING btree ("concern_id","tag");--> statement-breakpoint
CREATE UNIQUE INDEX "held_contributions_receipt_unique" ON "held_contributions" USING btree ("receipt_hash");