CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_intakes" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"service" text DEFAULT '' NOT NULL,
	"delivered_by" text,
	"delivery_notes" text DEFAULT '' NOT NULL,
	"sites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_date" date,
	"end_date" date,
	"renewal_terms" text DEFAULT '' NOT NULL,
	"income" text DEFAULT '' NOT NULL,
	"costs" text DEFAULT '' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"personal_data" boolean,
	"data_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shared_with_partner" boolean,
	"shared_with_government" boolean,
	"sharing_details" text DEFAULT '' NOT NULL,
	"retention" text DEFAULT '' NOT NULL,
	"processed_where" text DEFAULT '' NOT NULL,
	"user_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vulnerable_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vulnerable_other" text DEFAULT '' NOT NULL,
	"prior_engagement" boolean,
	"prior_engagement_details" text DEFAULT '' NOT NULL,
	"reviewer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_answers" (
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"answer" text,
	"evidence" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "privacy_answers_proposal_id_round_reviewer_id_item_key_pk" PRIMARY KEY("proposal_id","round","reviewer_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"criterion_key" text NOT NULL,
	"likelihood" smallint,
	"impact" smallint,
	"rationale" text DEFAULT '' NOT NULL,
	"mitigations" text DEFAULT '' NOT NULL,
	"residual_likelihood" smallint,
	"residual_impact" smallint,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_scores_proposal_id_round_reviewer_id_criterion_key_pk" PRIMARY KEY("proposal_id","round","reviewer_id","criterion_key"),
	CONSTRAINT "review_scores_likelihood_scale" CHECK ("review_scores"."likelihood" is null or "review_scores"."likelihood" between 1 and 5),
	CONSTRAINT "review_scores_impact_scale" CHECK ("review_scores"."impact" is null or "review_scores"."impact" between 1 and 5),
	CONSTRAINT "review_scores_residual_likelihood_scale" CHECK ("review_scores"."residual_likelihood" is null or "review_scores"."residual_likelihood" between 1 and 5),
	CONSTRAINT "review_scores_residual_impact_scale" CHECK ("review_scores"."residual_impact" is null or "review_scores"."residual_impact" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_reviewers" (
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"declared_at" timestamp with time zone,
	"conflict" boolean,
	"conflict_reason" text,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "screening_reviewers_proposal_id_round_reviewer_id_pk" PRIMARY KEY("proposal_id","round","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"rubric_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screenings_proposal_id_round_pk" PRIMARY KEY("proposal_id","round")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_intakes" ADD CONSTRAINT "proposal_intakes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_answers" ADD CONSTRAINT "privacy_answers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_answers" ADD CONSTRAINT "privacy_answers_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviewers" ADD CONSTRAINT "screening_reviewers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviewers" ADD CONSTRAINT "screening_reviewers_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_proposal_purpose_sha_unique" ON "attachments" USING btree ("proposal_id","purpose","sha256");--> statement-breakpoint
CREATE INDEX "attachments_org_sha_idx" ON "attachments" USING btree ("organisation_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_org_version_unique" ON "rubrics" USING btree ("organisation_id","version");