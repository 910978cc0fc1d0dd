ALTER TABLE "proposals" ADD COLUMN "title_cy" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "description_cy" text;