CREATE TABLE "decision_signatures" (
	"decision_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"signed_as" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decision_signatures_decision_id_user_id_pk" PRIMARY KEY("decision_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"outcome" text NOT NULL,
	"rationale" text NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dissent" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"monitoring_plan" jsonb,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"record_id" uuid,
	CONSTRAINT "decisions_signed_with_record" CHECK (("decisions"."signed_at" is null) = ("decisions"."record_id" is null))
);
--> statement-breakpoint
ALTER TABLE "decision_signatures" ADD CONSTRAINT "decision_signatures_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_signatures" ADD CONSTRAINT "decision_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_record_id_decision_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."decision_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_signatures_position_unique" ON "decision_signatures" USING btree ("decision_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_proposal_round_unique" ON "decisions" USING btree ("proposal_id","round");--> statement-breakpoint
-- Appended by hand (drizzle cannot express triggers): db/sql/decisions-immutable.sql.
-- A decision may be re-recorded until someone signs it; from the first
-- signature its content is frozen, and once the last signature stamps
-- signed_at nothing about it changes again (appended to the decisions
-- migration; probity_refuse_change() is in append-only.sql).
CREATE OR REPLACE FUNCTION probity_guard_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'decision % is signed: % refused', OLD.id, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM decision_signatures s WHERE s.decision_id = OLD.id) AND (
    TG_OP = 'DELETE' OR
    (NEW.id, NEW.organisation_id, NEW.proposal_id, NEW.round, NEW.outcome, NEW.rationale, NEW.conditions,
     NEW.overrides, NEW.dissent, NEW.monitoring_plan, NEW.recorded_by, NEW.recorded_at)
    IS DISTINCT FROM
    (OLD.id, OLD.organisation_id, OLD.proposal_id, OLD.round, OLD.outcome, OLD.rationale, OLD.conditions,
     OLD.overrides, OLD.dissent, OLD.monitoring_plan, OLD.recorded_by, OLD.recorded_at)
  ) THEN
    RAISE EXCEPTION 'decision % has a signature: its content cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_frozen_once_signed BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION probity_guard_decision();
--> statement-breakpoint
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
  FOR EACH STATEMENT EXECUTE FUNCTION probity_refuse_change();
--> statement-breakpoint
CREATE TRIGGER decision_signatures_append_only BEFORE UPDATE OR DELETE ON decision_signatures
  FOR EACH ROW EXECUTE FUNCTION probity_refuse_change();
--> statement-breakpoint
CREATE TRIGGER decision_signatures_no_truncate BEFORE TRUNCATE ON decision_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION probity_refuse_change();
