ALTER TABLE "conference" ADD COLUMN "districts" text[];
--> statement-breakpoint
-- Districts were free text. Known Stadtbezirke (in any case, with "Bielefeld-" before them or
-- "oe" for "ö") keep their name; everything else is cleared, since it may be an address.
UPDATE "participant" SET "district" = CASE regexp_replace(replace(lower(btrim("district")), 'oe', 'ö'), '^bielefeld[- ]+', '')
  WHEN 'mitte' THEN 'Mitte'
  WHEN 'schildesche' THEN 'Schildesche'
  WHEN 'gadderbaum' THEN 'Gadderbaum'
  WHEN 'brackwede' THEN 'Brackwede'
  WHEN 'dornberg' THEN 'Dornberg'
  WHEN 'jöllenbeck' THEN 'Jöllenbeck'
  WHEN 'heepen' THEN 'Heepen'
  WHEN 'stieghorst' THEN 'Stieghorst'
  WHEN 'sennestadt' THEN 'Sennestadt'
  WHEN 'senne' THEN 'Senne'
  END
WHERE "district" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "anonymised_at" timestamp with time zone;
--> statement-breakpoint
CREATE TABLE "retention_setting" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"participant_months" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_setting_single_row" CHECK ("id"),
	CONSTRAINT "retention_setting_months" CHECK ("participant_months" BETWEEN 1 AND 120)
);
--> statement-breakpoint
ALTER TABLE "retention_setting" ADD CONSTRAINT "retention_setting_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
INSERT INTO "retention_setting" ("id", "participant_months") VALUES (true, 12);
