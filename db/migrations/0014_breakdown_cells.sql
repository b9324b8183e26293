-- Breakdown cells (docs/decisions/038-breakdown-cells.md): every vote carries the profile its
-- participant had when it was cast, and the vote trigger keeps, per agenda item, question and
-- breakdown dimension, the sums a breakdown shows.
ALTER TABLE "vote" ADD COLUMN "group" "participant_group";--> statement-breakpoint
ALTER TABLE "vote" ADD COLUMN "district" text;--> statement-breakpoint
ALTER TABLE "vote" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "latest_answer" ADD COLUMN "group" "participant_group";--> statement-breakpoint
ALTER TABLE "latest_answer" ADD COLUMN "district" text;--> statement-breakpoint
ALTER TABLE "latest_answer" ADD COLUMN "language" text;--> statement-breakpoint
CREATE TABLE "breakdown_cell" (
	"agenda_item_id" uuid NOT NULL,
	"kind" "vote_kind" NOT NULL,
	"criterion" text,
	"dimension" text NOT NULL,
	"key" text,
	"participants" integer DEFAULT 0 NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"at_least_7" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "breakdown_cell_key" UNIQUE NULLS NOT DISTINCT("agenda_item_id","kind","criterion","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "dot_holding" (
	"agenda_item_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text,
	"dots" integer NOT NULL,
	CONSTRAINT "dot_holding_key" UNIQUE NULLS NOT DISTINCT("agenda_item_id","participant_id","dimension","key")
);
--> statement-breakpoint
ALTER TABLE "breakdown_cell" ADD CONSTRAINT "breakdown_cell_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dot_holding" ADD CONSTRAINT "dot_holding_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dot_holding" ADD CONSTRAINT "dot_holding_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- The breakdown dimensions and a profile's key in each: the one list the trigger and the fill use.
CREATE FUNCTION "profile_keys"(grp "participant_group", dist text, lang text) RETURNS TABLE(dimension text, key text)
  LANGUAGE sql STABLE AS $$ VALUES ('group', grp::text), ('district', dist), ('language', lang) $$;
--> statement-breakpoint
-- Adds to one cell; taking back (negative figures, `adding` false) only updates, as in 0005.
CREATE FUNCTION "breakdown_cell_move"(item uuid, k "vote_kind", crit text, dim text, cell_key text,
  d_people integer, d_answers integer, d_total integer, d_high integer, adding boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF adding THEN
    INSERT INTO "breakdown_cell" AS c (agenda_item_id, kind, criterion, dimension, key, participants, answers, total, at_least_7)
      VALUES (item, k, crit, dim, cell_key, d_people, d_answers, d_total, d_high)
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
--> statement-breakpoint
-- One counted rating or scale answer in (direction 1) or out (-1) of its cells, under the profile
-- of the vote that gave it.
CREATE FUNCTION "breakdown_answer"(item uuid, k "vote_kind", crit text, grp "participant_group", dist text, lang text,
  val integer, direction integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  p record;
BEGIN
  FOR p IN SELECT * FROM "profile_keys"(grp, dist, lang) LOOP
    PERFORM "breakdown_cell_move"(item, k, crit, p.dimension, p.key, direction, direction, direction * val,
      CASE WHEN val >= 7 THEN direction ELSE 0 END, direction > 0);
  END LOOP;
END
$$;
--> statement-breakpoint
-- A participant's dot vote: their net dots on the item per profile key, and the cell's holders
-- (nonzero net dots) and dots.
CREATE FUNCTION "breakdown_dots"(v "vote", direction integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  p record;
  delta integer := direction * v.value;
  after integer;
  holders integer;
BEGIN
  FOR p IN SELECT * FROM "profile_keys"(v."group", v.district, v.language) LOOP
    IF direction > 0 THEN
      INSERT INTO "dot_holding" AS h (agenda_item_id, participant_id, dimension, key, dots)
        VALUES (v.agenda_item_id, v.participant_id, p.dimension, p.key, delta)
        ON CONFLICT ON CONSTRAINT "dot_holding_key" DO UPDATE SET dots = h.dots + excluded.dots
        RETURNING dots INTO after;
    ELSE
      UPDATE "dot_holding" SET dots = dots + delta
        WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id AND dimension = p.dimension
          AND key IS NOT DISTINCT FROM p.key
        RETURNING dots INTO after;
      -- Gone with its agenda item.
      CONTINUE WHEN NOT FOUND;
    END IF;
    holders := (after <> 0)::int - (after - delta <> 0)::int;
    PERFORM "breakdown_cell_move"(v.agenda_item_id, 'dots', NULL, p.dimension, p.key, holders, holders, delta, 0, direction > 0);
  END LOOP;
END
$$;
--> statement-breakpoint
-- 0005's function with the breakdown cells: the counted answer moves its cells with it, and a
-- participant's dots move their holding's.
CREATE OR REPLACE FUNCTION "vote_tally_apply"(v "vote", direction integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  counted "latest_answer";
  successor "vote";
  voter_votes integer := 0;
  voter_delta integer := 0;
  dot_delta integer := CASE WHEN v.kind = 'dots' THEN direction * v.value * v.weight ELSE 0 END;
BEGIN
  IF v.participant_id IS NOT NULL THEN
    IF direction > 0 THEN
      INSERT INTO "item_voter" AS iv (agenda_item_id, participant_id, votes) VALUES (v.agenda_item_id, v.participant_id, 1)
        ON CONFLICT (agenda_item_id, participant_id) DO UPDATE SET votes = iv.votes + 1
        RETURNING votes INTO voter_votes;
      IF voter_votes = 1 THEN voter_delta := 1; END IF;
    ELSE
      UPDATE "item_voter" SET votes = votes - 1
        WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id
        RETURNING votes INTO voter_votes;
      IF voter_votes = 0 THEN
        DELETE FROM "item_voter" WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id;
        voter_delta := -1;
      END IF;
    END IF;
    IF v.kind = 'dots' THEN PERFORM "breakdown_dots"(v, direction); END IF;
  END IF;

  IF voter_delta <> 0 OR dot_delta <> 0 THEN
    IF direction > 0 THEN
      INSERT INTO "item_tally" AS t (agenda_item_id, voters, dots, paper_dots)
        VALUES (v.agenda_item_id, voter_delta, dot_delta, CASE WHEN v.participant_id IS NULL THEN dot_delta ELSE 0 END)
        ON CONFLICT (agenda_item_id) DO UPDATE
        SET voters = t.voters + excluded.voters, dots = t.dots + excluded.dots, paper_dots = t.paper_dots + excluded.paper_dots;
    ELSE
      UPDATE "item_tally" SET voters = voters + voter_delta, dots = dots + dot_delta,
        paper_dots = paper_dots + CASE WHEN v.participant_id IS NULL THEN dot_delta ELSE 0 END
        WHERE agenda_item_id = v.agenda_item_id;
    END IF;
  END IF;

  IF v.kind NOT IN ('rating', 'scale') THEN RETURN; END IF;

  IF v.participant_id IS NULL THEN
    IF direction > 0 THEN
      PERFORM "answer_tally_add"(v.agenda_item_id, v.kind, v.criterion, v.value, v.weight);
    ELSE
      PERFORM "answer_tally_take"(v.agenda_item_id, v.kind, v.criterion, v.value, v.weight);
    END IF;
    RETURN;
  END IF;

  IF direction > 0 THEN
    INSERT INTO "latest_answer" (agenda_item_id, participant_id, kind, criterion, vote_id, created_at, value, weight, "group", district, language)
      VALUES (v.agenda_item_id, v.participant_id, v.kind, v.criterion, v.id, v.created_at, v.value, v.weight, v."group", v.district, v.language)
      ON CONFLICT ON CONSTRAINT "latest_answer_key" DO NOTHING;
    IF FOUND THEN
      PERFORM "answer_tally_add"(v.agenda_item_id, v.kind, v.criterion, v.value, v.weight);
      PERFORM "breakdown_answer"(v.agenda_item_id, v.kind, v.criterion, v."group", v.district, v.language, v.value, 1);
      RETURN;
    END IF;
  END IF;

  SELECT * INTO counted FROM "latest_answer"
    WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id AND kind = v.kind
      AND criterion IS NOT DISTINCT FROM v.criterion
    FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;

  IF direction > 0 THEN
    IF (v.created_at, v.id) <= (counted.created_at, counted.vote_id) THEN RETURN; END IF;
    successor := v;
  ELSE
    IF counted.vote_id <> v.id THEN RETURN; END IF;
    SELECT * INTO successor FROM "vote"
      WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id AND kind = v.kind
        AND criterion IS NOT DISTINCT FROM v.criterion AND id <> v.id
      ORDER BY created_at DESC, id DESC
      LIMIT 1;
  END IF;

  PERFORM "answer_tally_take"(v.agenda_item_id, v.kind, v.criterion, counted.value, counted.weight);
  PERFORM "breakdown_answer"(v.agenda_item_id, v.kind, v.criterion, counted."group", counted.district, counted.language, counted.value, -1);
  IF successor.id IS NULL THEN
    DELETE FROM "latest_answer"
      WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id AND kind = v.kind
        AND criterion IS NOT DISTINCT FROM v.criterion;
  ELSE
    UPDATE "latest_answer" SET vote_id = successor.id, created_at = successor.created_at, value = successor.value, weight = successor.weight,
        "group" = successor."group", district = successor.district, language = successor.language
      WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id AND kind = v.kind
        AND criterion IS NOT DISTINCT FROM v.criterion;
    PERFORM "answer_tally_add"(v.agenda_item_id, v.kind, v.criterion, successor.value, successor.weight);
    PERFORM "breakdown_answer"(v.agenda_item_id, v.kind, v.criterion, successor."group", successor.district, successor.language, successor.value, 1);
  END IF;
END
$$;
--> statement-breakpoint
-- A vote is counted under the profile its participant had when it was cast, whatever path
-- stores it; a later change of profile (joining again) does not move earlier answers.
CREATE FUNCTION "vote_profile"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.participant_id IS NULL THEN
    NEW."group" := NULL; NEW.district := NULL; NEW.language := NULL;
  ELSE
    SELECT p."group", p.district, p.language INTO NEW."group", NEW.district, NEW.language
      FROM "participant" p WHERE p.id = NEW.participant_id;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "vote_profile" BEFORE INSERT ON "vote" FOR EACH ROW EXECUTE FUNCTION "vote_profile"();
--> statement-breakpoint
-- Erasing a profile (decision 017: group and district; the language stays on the participant
-- too) erases its copies on the votes; the tally trigger then moves those answers to "not
-- stated", as when breakdowns read the current profile.
CREATE FUNCTION "participant_erased"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "vote" SET "group" = NULL, district = NULL
    WHERE participant_id = NEW.id AND ("group" IS NOT NULL OR district IS NOT NULL);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "participant_erased" AFTER UPDATE OF "anonymised_at" ON "participant" FOR EACH ROW
  WHEN (OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL) EXECUTE FUNCTION "participant_erased"();
--> statement-breakpoint
-- The fill: existing votes take their participant's profile as it is now (the best known).
UPDATE "vote" v SET "group" = p."group", district = p.district, language = p.language
  FROM "participant" p WHERE p.id = v.participant_id;
--> statement-breakpoint
UPDATE "latest_answer" l SET "group" = v."group", district = v.district, language = v.language
  FROM "vote" v WHERE v.id = l.vote_id;
--> statement-breakpoint
INSERT INTO "dot_holding" (agenda_item_id, participant_id, dimension, key, dots)
  SELECT v.agenda_item_id, v.participant_id, k.dimension, k.key, sum(v.value)
  FROM "vote" v, "profile_keys"(v."group", v.district, v.language) k
  WHERE v.participant_id IS NOT NULL AND v.kind = 'dots' GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO "breakdown_cell" (agenda_item_id, kind, criterion, dimension, key, participants, answers, total, at_least_7)
  SELECT l.agenda_item_id, l.kind, l.criterion, k.dimension, k.key, count(*), count(*), sum(l.value), count(*) FILTER (WHERE l.value >= 7)
  FROM "latest_answer" l, "profile_keys"(l."group", l.district, l.language) k GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT agenda_item_id, 'dots', NULL, dimension, key, count(*) FILTER (WHERE dots <> 0), count(*) FILTER (WHERE dots <> 0), sum(dots), 0
  FROM "dot_holding" GROUP BY 1, 4, 5;
