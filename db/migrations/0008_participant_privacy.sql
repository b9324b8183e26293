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
