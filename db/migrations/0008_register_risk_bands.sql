CREATE TABLE "proposal_risk_bands" (
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"band" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_risk_bands_proposal_id_round_pk" PRIMARY KEY("proposal_id","round")
);
--> statement-breakpoint
ALTER TABLE "proposal_risk_bands" ADD CONSTRAINT "proposal_risk_bands_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;