-- Each breakdown cell's kind, dimension, criterion and key as the JSON a read sends on
-- (docs/decisions/052-breakdown-cell-labels.md): a whole session reads ~40,000 cells, and
-- escaping their texts at every read took more of the query than finding the cells. Written
-- once, when the vote trigger creates the cell; adding to or taking from a cell leaves it alone.
-- A plain SQL function of the same volatility as its body, so PostgreSQL inlines it.
CREATE FUNCTION "breakdown_label"(k "vote_kind", crit text, dim text, cell_key text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT '"' || k::text || '","' || dim || '",' || coalesce(to_json(crit)::text, 'null') || ',' || coalesce(to_json(cell_key)::text, 'null') $$;
--> statement-breakpoint
ALTER TABLE "breakdown_cell" ADD COLUMN "label" text;
--> statement-breakpoint
UPDATE "breakdown_cell" SET "label" = "breakdown_label"("kind", "criterion", "dimension", "key");
--> statement-breakpoint
ALTER TABLE "breakdown_cell" ALTER COLUMN "label" SET NOT NULL;
--> statement-breakpoint
-- 0014's function, the new cell with its label.
CREATE OR REPLACE FUNCTION "breakdown_cell_move"(item uuid, k "vote_kind", crit text, dim text, cell_key text,
  d_people integer, d_answers integer, d_total integer, d_high integer, adding boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF adding THEN
    INSERT INTO "breakdown_cell" AS c (agenda_item_id, kind, criterion, dimension, key, participants, answers, total, at_least_7, label)
      VALUES (item, k, crit, dim, cell_key, d_people, d_answers, d_total, d_high, "breakdown_label"(k, crit, dim, cell_key))
      ON CONFLICT ON CONSTRAINT "breakdown_cell_key" DO UPDATE
      SET participants = c.participants + excluded.participants, answers = c.answers + excluded.answers,
        total = c.total + excluded.total, at_least_7 = c.at_least_7 + excluded.at_least_7;
  ELSE
    UPDATE "breakdown_cell" SET participants = participants + d_people, answers = answers + d_answers,
        total = total + d_total, at_least_7 = at_least_7 + d_high
      WHERE agenda_item_id = item AND kind = k AND criterion IS NOT DISTINCT FROM crit AND dimension = dim
        AND key IS NOT DISTINCT FROM cell_key;
  END IF;
END
$$;
