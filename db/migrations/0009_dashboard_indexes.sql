-- Indexes for the dashboards and the partnership register (db/dashboards.server.ts,
-- db/register.server.ts), measured by bench/dashboards.ts. The partial ones keep to the
-- few rows the dashboards look for. IF NOT EXISTS: a development database may have them
-- from an earlier draft of this migration.
CREATE INDEX IF NOT EXISTS "pb_recommendations_unanswered_idx" ON "professional_body_recommendations" USING btree ("consultation_id") WHERE "professional_body_recommendations"."answer" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "staff_concerns_unanswered_idx" ON "staff_concerns" USING btree ("proposal_id") WHERE "staff_concerns"."response" is null and "staff_concerns"."hidden_reason" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "decisions_org_signed_idx" ON "decisions" USING btree ("organisation_id","proposal_id","round") WHERE "decisions"."signed_at" is not null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "proposals_org_updated_idx" ON "proposals" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "privacy_answers_no_idx" ON "privacy_answers" USING btree ("proposal_id","round") WHERE "privacy_answers"."answer" = 'no';--> statement-breakpoint
-- The register keeps one risk band a proposal, its latest round's; earlier rounds' go.
DELETE FROM "proposal_risk_bands" b WHERE EXISTS (SELECT 1 FROM "proposal_risk_bands" n WHERE n."proposal_id" = b."proposal_id" AND n."round" > b."round");
