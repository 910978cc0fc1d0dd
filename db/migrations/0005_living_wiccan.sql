CREATE TABLE "condition_checks" (
	"review_id" uuid NOT NULL,
	"condition_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "condition_checks_review_id_condition_id_pk" PRIMARY KEY("review_id","condition_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_time" text,
	"location" text NOT NULL,
	"description" text NOT NULL,
	"roles_involved" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"action_taken" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incidents_time_format" CHECK ("incidents"."occurred_time" is null or "incidents"."occurred_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "indicator_library" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"direction" text NOT NULL,
	"threshold_kind" text NOT NULL,
	"threshold_value" double precision NOT NULL,
	"measure" text DEFAULT 'manual' NOT NULL,
	"retired_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_library_threshold_positive" CHECK ("indicator_library"."threshold_value" > 0)
);
--> statement-breakpoint
CREATE TABLE "monitoring_conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"reassessment_id" uuid
);
--> statement-breakpoint
CREATE TABLE "monitoring_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" double precision NOT NULL,
	"direction" text NOT NULL,
	"threshold_kind" text NOT NULL,
	"threshold_value" double precision NOT NULL,
	"measure" text DEFAULT 'manual' NOT NULL,
	"library_indicator_id" uuid,
	CONSTRAINT "monitoring_indicators_threshold_positive" CHECK ("monitoring_indicators"."threshold_value" > 0),
	CONSTRAINT "monitoring_indicators_percent_baseline" CHECK ("monitoring_indicators"."threshold_kind" <> 'percent' or "monitoring_indicators"."baseline" <> 0)
);
--> statement-breakpoint
CREATE TABLE "monitoring_plans" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"interval_months" integer NOT NULL,
	"starts_on" date NOT NULL,
	"responsible_id" uuid NOT NULL,
	"next_slot" integer DEFAULT 1 NOT NULL,
	"next_due_on" date NOT NULL,
	"overdue_notified_slot" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_plans_interval" CHECK ("monitoring_plans"."interval_months" between 1 and 36)
);
--> statement-breakpoint
CREATE TABLE "monitoring_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"due_on" date NOT NULL,
	"reviewed_on" date NOT NULL,
	"narrative" text NOT NULL,
	"status" text NOT NULL,
	"escalation" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reassessment_signatures" (
	"reassessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reassessment_signatures_reassessment_id_user_id_pk" PRIMARY KEY("reassessment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "reassessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"trigger" text NOT NULL,
	"trigger_summary" text NOT NULL,
	"review_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"rationale" text DEFAULT '' NOT NULL,
	"new_conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"addendum_id" uuid
);
--> statement-breakpoint
CREATE TABLE "review_readings" (
	"review_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"status" text NOT NULL,
	"breached" boolean NOT NULL,
	CONSTRAINT "review_readings_review_id_indicator_id_pk" PRIMARY KEY("review_id","indicator_id")
);
--> statement-breakpoint
ALTER TABLE "condition_checks" ADD CONSTRAINT "condition_checks_review_id_monitoring_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."monitoring_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_checks" ADD CONSTRAINT "condition_checks_condition_id_monitoring_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."monitoring_conditions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD CONSTRAINT "indicator_library_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD CONSTRAINT "indicator_library_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_conditions" ADD CONSTRAINT "monitoring_conditions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_conditions" ADD CONSTRAINT "monitoring_conditions_reassessment_id_reassessments_id_fk" FOREIGN KEY ("reassessment_id") REFERENCES "public"."reassessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_indicators" ADD CONSTRAINT "monitoring_indicators_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_indicators" ADD CONSTRAINT "monitoring_indicators_library_indicator_id_indicator_library_id_fk" FOREIGN KEY ("library_indicator_id") REFERENCES "public"."indicator_library"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_plans" ADD CONSTRAINT "monitoring_plans_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_plans" ADD CONSTRAINT "monitoring_plans_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reviews" ADD CONSTRAINT "monitoring_reviews_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reviews" ADD CONSTRAINT "monitoring_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessment_signatures" ADD CONSTRAINT "reassessment_signatures_reassessment_id_reassessments_id_fk" FOREIGN KEY ("reassessment_id") REFERENCES "public"."reassessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessment_signatures" ADD CONSTRAINT "reassessment_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessments" ADD CONSTRAINT "reassessments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessments" ADD CONSTRAINT "reassessments_review_id_monitoring_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."monitoring_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessments" ADD CONSTRAINT "reassessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_readings" ADD CONSTRAINT "review_readings_review_id_monitoring_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."monitoring_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_readings" ADD CONSTRAINT "review_readings_indicator_id_monitoring_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."monitoring_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_proposal_occurred_idx" ON "incidents" USING btree ("proposal_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_library_org_name_unique" ON "indicator_library" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_conditions_position_unique" ON "monitoring_conditions" USING btree ("proposal_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_indicators_position_unique" ON "monitoring_indicators" USING btree ("proposal_id","position");--> statement-breakpoint
CREATE INDEX "monitoring_plans_next_due_idx" ON "monitoring_plans" USING btree ("next_due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_reviews_slot_unique" ON "monitoring_reviews" USING btree ("proposal_id","slot");--> statement-breakpoint
CREATE INDEX "reassessments_proposal_idx" ON "reassessments" USING btree ("proposal_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reassessments_one_open" ON "reassessments" USING btree ("proposal_id") WHERE "reassessments"."closed_at" is null;