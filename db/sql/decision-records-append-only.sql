-- Signed decision records are never changed or removed (appended to the
-- decision_records migration; probity_refuse_change() is in append-only.sql).
CREATE TRIGGER decision_records_append_only BEFORE UPDATE OR DELETE ON decision_records
  FOR EACH ROW EXECUTE FUNCTION probity_refuse_change();
--> statement-breakpoint
CREATE TRIGGER decision_records_no_truncate BEFORE TRUNCATE ON decision_records
  FOR EACH STATEMENT EXECUTE FUNCTION probity_refuse_change();
