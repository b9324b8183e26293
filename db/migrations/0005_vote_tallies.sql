CREATE TABLE "answer_tally" (
	"agenda_item_id" uuid NOT NULL,
	"kind" "vote_kind" NOT NULL,
	"criterion" text,
	"distribution" jsonb NOT NULL,
	CONSTRAINT "answer_tally_key" UNIQUE NULLS NOT DISTINCT("agenda_item_id","kind","criterion")
);
--> statement-breakpoint
CREATE TABLE "item_tally" (
	"agenda_item_id" uuid PRIMARY KEY NOT NULL,
	"voters" integer DEFAULT 0 NOT NULL,
	"dots" integer DEFAULT 0 NOT NULL,
	"paper_dots" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_voter" (
	"agenda_item_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"votes" integer NOT NULL,
	CONSTRAINT "item_voter_agenda_item_id_participant_id_pk" PRIMARY KEY("agenda_item_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "latest_answer" (
	"agenda_item_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" "vote_kind" NOT NULL,
	"criterion" text,
	"vote_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"value" integer NOT NULL,
	"weight" integer NOT NULL,
	CONSTRAINT "latest_answer_key" UNIQUE NULLS NOT DISTINCT("agenda_item_id","participant_id","kind","criterion")
);
--> statement-breakpoint
ALTER TABLE "answer_tally" ADD CONSTRAINT "answer_tally_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_tally" ADD CONSTRAINT "item_tally_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_voter" ADD CONSTRAINT "item_voter_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_voter" ADD CONSTRAINT "item_voter_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_answer" ADD CONSTRAINT "latest_answer_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "latest_answer" ADD CONSTRAINT "latest_answer_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE FUNCTION "answer_tally_add"(item uuid, k "vote_kind", crit text, val integer, w integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "answer_tally" AS t (agenda_item_id, kind, criterion, distribution) VALUES (item, k, crit, jsonb_build_object(val, w))
    ON CONFLICT ON CONSTRAINT "answer_tally_key" DO UPDATE
    SET distribution = t.distribution || jsonb_build_object(val, coalesce((t.distribution->>val::text)::int, 0) + w)
$$;
--> statement-breakpoint
CREATE FUNCTION "answer_tally_take"(item uuid, k "vote_kind", crit text, val integer, w integer) RETURNS void LANGUAGE sql AS $$
  UPDATE "answer_tally"
    SET distribution = CASE WHEN (distribution->>val::text)::int = w THEN distribution - val::text
      ELSE distribution || jsonb_build_object(val, (distribution->>val::text)::int - w) END
    WHERE agenda_item_id = item AND kind = k AND criterion IS NOT DISTINCT FROM crit
$$;
--> statement-breakpoint
-- Adds one vote to the tallies (direction 1) or takes it back (-1). A participant's rating or
-- scale vote moves their counted answer only if it is their latest (created_at, then id, as
-- DISTINCT ON orders them); the latest_answer row lock serialises concurrent answers.
-- Taking back only updates rows: when the agenda item itself is being deleted they are gone.
CREATE FUNCTION "vote_tally_apply"(v "vote", direction integer) RETURNS void LANGUAGE plpgsql AS $$
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
    INSERT INTO "latest_answer" (agenda_item_id, participant_id, kind, criterion, vote_id, created_at, value, weight)
      VALUES (v.agenda_item_id, v.participant_id, v.kind, v.criterion, v.id, v.created_at, v.value, v.weight)
      ON CONFLICT ON CONSTRAINT "latest_answer_key" DO NOTHING;
    IF FOUND THEN
      PERFORM "answer_tally_add"(v.agenda_item_id, v.kind, v.criterion, v.value, v.weight);
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
  IF successor.id IS NULL THEN
    DELETE FROM "latest_answer"
      WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id AND kind = v.kind
        AND criterion IS NOT DISTINCT FROM v.criterion;
  ELSE
    UPDATE "latest_answer" SET vote_id = successor.id, created_at = successor.created_at, value = successor.value, weight = successor.weight
      WHERE agenda_item_id = v.agenda_item_id AND participant_id = v.participant_id AND kind = v.kind
        AND criterion IS NOT DISTINCT FROM v.criterion;
    PERFORM "answer_tally_add"(v.agenda_item_id, v.kind, v.criterion, successor.value, successor.weight);
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "vote_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "vote_tally_apply"(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM "vote_tally_apply"(NEW, 1); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Deferred to commit: the tally rows every vote on an item touches stay locked only while the
-- vote commits, not for the rest of its transaction. A vote skipped by ON CONFLICT DO NOTHING
-- (a retried client id) fires no AFTER trigger, so it is not counted twice.
CREATE CONSTRAINT TRIGGER "vote_tally" AFTER INSERT OR UPDATE OR DELETE ON "vote"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "vote_tally"();
--> statement-breakpoint
INSERT INTO "item_voter" (agenda_item_id, participant_id, votes)
  SELECT agenda_item_id, participant_id, count(*) FROM "vote" WHERE participant_id IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO "item_tally" (agenda_item_id, voters, dots, paper_dots)
  SELECT agenda_item_id, count(DISTINCT participant_id),
    coalesce(sum(value * weight) FILTER (WHERE kind = 'dots'), 0),
    coalesce(sum(value * weight) FILTER (WHERE kind = 'dots' AND participant_id IS NULL), 0)
  FROM "vote" GROUP BY 1;
--> statement-breakpoint
INSERT INTO "latest_answer" (agenda_item_id, participant_id, kind, criterion, vote_id, created_at, value, weight)
  SELECT DISTINCT ON (agenda_item_id, participant_id, kind, criterion) agenda_item_id, participant_id, kind, criterion, id, created_at, value, weight
  FROM "vote" WHERE participant_id IS NOT NULL AND kind IN ('rating', 'scale')
  ORDER BY agenda_item_id, participant_id, kind, criterion, created_at DESC, id DESC;
--> statement-breakpoint
INSERT INTO "answer_tally" (agenda_item_id, kind, criterion, distribution)
  SELECT agenda_item_id, kind, criterion, jsonb_object_agg(value, n) FROM (
    SELECT agenda_item_id, kind, criterion, value, sum(weight) AS n FROM (
      SELECT agenda_item_id, kind, criterion, value, weight FROM "latest_answer"
      UNION ALL
      SELECT agenda_item_id, kind, criterion, value, weight FROM "vote" WHERE participant_id IS NULL AND kind IN ('rating', 'scale')
    ) answers GROUP BY 1, 2, 3, 4
  ) counts GROUP BY 1, 2, 3;
