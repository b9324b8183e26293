ALTER TABLE "participant" ADD COLUMN "return_hash" text;
--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "notify_email" text;
--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "notify_consented_at" timestamp with time zone;
--> statement-breakpoint
CREATE TABLE "decision_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone,
	"done_at" timestamp with time zone,
	"sent" boolean DEFAULT false NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "decision_mail" ADD CONSTRAINT "decision_mail_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "decision_mail" ADD CONSTRAINT "decision_mail_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "decision_mail_once" ON "decision_mail" USING btree ("participant_id","decision_id");
--> statement-breakpoint
CREATE INDEX "decision_mail_pending" ON "decision_mail" USING btree ("done_at","claimed_until");
