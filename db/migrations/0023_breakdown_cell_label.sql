-- Each breakdown cell's kind, dimension, criterion and key as the JSON a read sends on
-- (docs/decisions/052-breakdown-cell-labels.md): a whole session reads ~40,000 cells, and
-- escaping their texts at every read took more of the query than finding the cells. Kept by
-- PostgreSQL whenever the trigger writes a cell, so a read only concatenates.
-- IMMUTABLE, as a generated column needs: to_json of text and an enum's label depend on no setting.
CREATE FUNCTION "breakdown_label"(k "vote_kind", crit text, dim text, cell_key text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT '"' || k::text || '","' || dim || '",' || coalesce(to_json(crit)::text, 'null') || ',' || coalesce(to_json(cell_key)::text, 'null') $$;
--> statement-breakpoint
ALTER TABLE "breakdown_cell" ADD COLUMN "label" text NOT NULL
  GENERATED ALWAYS AS ("breakdown_label"("kind", "criterion", "dimension", "key")) STORED;
