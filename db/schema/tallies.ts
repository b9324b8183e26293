import { integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { agendaItems, participantGroup, participants, voteKind } from "./participation";

/*
 * What the votes of an open agenda item add up to, kept by triggers on `vote` (migration 0005,
 * docs/decisions/011-vote-tallies.md), so that plan-wide results of live sessions read a few
 * rows per item instead of counting every vote. Only the triggers write these tables.
 */

/** Per agenda item: distinct voters, dots with their weight, and the paper part of those dots. */
export const itemTallies = pgTable("item_tally", {
  agendaItemId: uuid("agenda_item_id")
    .primaryKey()
    .references(() => agendaItems.id, { onDelete: "cascade" }),
  voters: integer("voters").notNull().default(0),
  dots: integer("dots").notNull().default(0),
  paperDots: integer("paper_dots").notNull().default(0),
});

/**
 * Per agenda item and question: the rating or scale answers that count, as the distribution
 * the results show (value → weighted count; a value nobody holds any more has no key).
 */
export const answerTallies = pgTable(
  "answer_tally",
  {
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    kind: voteKind("kind").notNull(),
    criterion: text("criterion"),
    distribution: jsonb("distribution").$type<Record<string, number>>().notNull(),
  },
  // The scale has no criterion: one null is one question.
  (t) => [unique("answer_tally_key").on(t.agendaItemId, t.kind, t.criterion).nullsNotDistinct()],
);

/** How many votes a participant cast on an item: the first one makes them a voter. */
export const itemVoters = pgTable(
  "item_voter",
  {
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    votes: integer("votes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.participantId] })],
);

/**
 * The rating or scale vote of a participant that answer_tally counts; its row lock is what
 * serialises concurrent answers to the same question.
 */
export const latestAnswers = pgTable(
  "latest_answer",
  {
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    kind: voteKind("kind").notNull(),
    criterion: text("criterion"),
    // No foreign key: when the vote is deleted, the trigger needs this row to take it back.
    voteId: uuid("vote_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    value: integer("value").notNull(),
    weight: integer("weight").notNull(),
    // The counted vote's profile (migration 0014).
    group: participantGroup("group"),
    district: text("district"),
    language: text("language"),
  },
  (t) => [unique("latest_answer_key").on(t.agendaItemId, t.participantId, t.kind, t.criterion).nullsNotDistinct()],
);

/**
 * Per agenda item, question, breakdown dimension and key (a group, district or language; null is
 * "not stated"): the sums a breakdown shows, counted as the results count (migration 0014,
 * docs/decisions/038-breakdown-cells.md). Rating and scale: each participant's latest answer
 * under the profile it was given with. Dots: `participants` are the holders of nonzero net dots.
 */
export const breakdownCells = pgTable(
  "breakdown_cell",
  {
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    kind: voteKind("kind").notNull(),
    criterion: text("criterion"),
    dimension: text("dimension").notNull(),
    key: text("key"),
    participants: integer("participants").notNull().default(0),
    answers: integer("answers").notNull().default(0),
    total: integer("total").notNull().default(0),
    atLeast7: integer("at_least_7").notNull().default(0),
    /** Kind, dimension, criterion and key as JSON array elements, written with the cell (migration 0023, decision 052). */
    label: text("label").notNull(),
  },
  (t) => [unique("breakdown_cell_key").on(t.agendaItemId, t.kind, t.criterion, t.dimension, t.key).nullsNotDistinct()],
);

/** A participant's net dots on an item per breakdown key, so a cell knows when a holder comes or goes. */
export const dotHoldings = pgTable(
  "dot_holding",
  {
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    dimension: text("dimension").notNull(),
    key: text("key"),
    dots: integer("dots").notNull(),
  },
  (t) => [unique("dot_holding_key").on(t.agendaItemId, t.participantId, t.dimension, t.key).nullsNotDistinct()],
);
