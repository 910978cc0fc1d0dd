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
