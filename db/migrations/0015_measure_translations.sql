-- Measure translations (docs/decisions/041-measure-translations.md): a short summary and every text
-- field, a state, who and when, and the plan revision whose German original they translated.
CREATE TYPE "public"."translation_state" AS ENUM('draft', 'machine', 'reviewed');--> statement-breakpoint
ALTER TABLE "measure_translation" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD COLUMN "stakeholders" text;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD COLUMN "responsible" text;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD COLUMN "data_sources" text;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD COLUMN "state" "translation_state" DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD COLUMN "base_revision_id" uuid;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Nothing wrote translations before; any that exist are taken to translate the measure as it stands.
UPDATE "measure_translation" t SET "base_revision_id" = m."revision_id" FROM "measure" m WHERE m."id" = t."measure_id";--> statement-breakpoint
ALTER TABLE "measure_translation" ALTER COLUMN "base_revision_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD CONSTRAINT "measure_translation_base_revision_id_plan_revision_id_fk" FOREIGN KEY ("base_revision_id") REFERENCES "public"."plan_revision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_translation" ADD CONSTRAINT "measure_translation_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;
