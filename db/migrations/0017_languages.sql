ALTER TABLE "users" ADD COLUMN "preferred_language" text;--> statement-breakpoint
-- Every existing library service keeps working in English until its administrator says otherwise.
UPDATE "organisations" SET "settings" = jsonb_set("settings", '{languages}', '"en"') WHERE NOT ("settings" ? 'languages');
