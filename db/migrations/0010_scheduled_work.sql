CREATE TABLE "reminders_sent" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_kind_subject_id_period_pk" PRIMARY KEY("kind","subject_id","period")
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "queued_at" timestamp with time zone;