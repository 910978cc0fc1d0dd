CREATE TABLE "concern_endorsements" (
	"concern_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"endorser_id" uuid,
	"endorsed_on" date NOT NULL,
	CONSTRAINT "concern_endorsements_pk" PRIMARY KEY("concern_id","tag")
);
--> statement-breakpoint
CREATE TABLE "professional_body_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"body_name" text NOT NULL,
	"sent_on" date NOT NULL,
	"contact" text NOT NULL,
	"shared" text NOT NULL,
	"deadline" date NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"received_on" date,
	"response_summary" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"closed_note" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "professional_body_recommendations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"answer" text,
	"rationale" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "pb_recommendations_rationale_when_not_accepted" CHECK ("professional_body_recommendations"."answer" is distinct from 'not_accepted' or length(trim("professional_body_recommendations"."rationale")) > 0)
);
--> statement-breakpoint
CREATE TABLE "staff_concerns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"phase" text NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"author_id" uuid,
	"author_tag" text NOT NULL,
	"receipt_hash" text,
	"raised_on" date NOT NULL,
	"response" text,
	"response_condition" text,
	"responded_on" date,
	"responded_by" uuid,
	"hidden_reason" text,
	"hidden_on" date,
	"hidden_by" uuid,
	CONSTRAINT "staff_concerns_anonymous_has_no_author" CHECK (("staff_concerns"."anonymous" and "staff_concerns"."author_id" is null and "staff_concerns"."receipt_hash" is not null) or (not "staff_concerns"."anonymous" and "staff_concerns"."author_id" is not null and "staff_concerns"."receipt_hash" is null))
);
--> statement-breakpoint
CREATE TABLE "staff_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"summary" text NOT NULL,
	"opened_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "union_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"union_name" text NOT NULL,
	"consulted_on" date NOT NULL,
	"response" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "concern_endorsements" ADD CONSTRAINT "concern_endorsements_concern_id_staff_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."staff_concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_endorsements" ADD CONSTRAINT "concern_endorsements_endorser_id_users_id_fk" FOREIGN KEY ("endorser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_body_consultations" ADD CONSTRAINT "professional_body_consultations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_body_consultations" ADD CONSTRAINT "professional_body_consultations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_body_consultations" ADD CONSTRAINT "professional_body_consultations_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_body_consultations" ADD CONSTRAINT "professional_body_consultations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_body_recommendations" ADD CONSTRAINT "professional_body_recommendations_consultation_id_professional_body_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."professional_body_consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_body_recommendations" ADD CONSTRAINT "professional_body_recommendations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_concerns" ADD CONSTRAINT "staff_concerns_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_concerns" ADD CONSTRAINT "staff_concerns_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_concerns" ADD CONSTRAINT "staff_concerns_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_concerns" ADD CONSTRAINT "staff_concerns_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_consultations" ADD CONSTRAINT "staff_consultations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_consultations" ADD CONSTRAINT "staff_consultations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_consultations" ADD CONSTRAINT "union_consultations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_consultations" ADD CONSTRAINT "union_consultations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pb_consultations_proposal_round_unique" ON "professional_body_consultations" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "pb_recommendations_position_unique" ON "professional_body_recommendations" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE INDEX "staff_concerns_proposal_round_idx" ON "staff_concerns" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE INDEX "staff_concerns_author_idx" ON "staff_concerns" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_concerns_receipt_unique" ON "staff_concerns" USING btree ("receipt_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_consultations_proposal_round_unique" ON "staff_consultations" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE INDEX "union_consultations_proposal_round_idx" ON "union_consultations" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_status_idx" ON "outbox_messages" USING btree ("status","created_at");--> statement-breakpoint
-- A concern that breaks the code of conduct is hidden with a reason, never removed: the database refuses deletion.
CREATE TRIGGER staff_concerns_never_deleted BEFORE DELETE ON staff_concerns
  FOR EACH ROW EXECUTE FUNCTION probity_refuse_change();
--> statement-breakpoint
CREATE TRIGGER concern_endorsements_never_deleted BEFORE DELETE ON concern_endorsements
  FOR EACH ROW EXECUTE FUNCTION probity_refuse_change();
