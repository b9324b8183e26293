-- Conference series (docs/decisions/045-conference-series.md): recurring Zukunftskonferenzen or
-- district forums on one plan; a conference belongs to at most one.
CREATE TYPE "series_kind" AS ENUM('recurring', 'district');--> statement-breakpoint
CREATE TABLE "conference_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "series_kind" NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "conference" ADD CONSTRAINT "conference_series_id_conference_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."conference_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_series_id" ON "conference" ("series_id");
