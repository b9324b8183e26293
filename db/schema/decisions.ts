import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { measures, planRevisions, plans } from "./catalogue";
import { agendaItems, comments, participants, proposals } from "./participation";

/** The planners' answers to participants' input (the decisions room), and the mails that tell them. */
export const decisionOutcome = pgEnum("decision_outcome", [
  "accepted",
  "merged",
  "deferred",
  "declined",
]);

/**
 * A planner's answer to one input: a proposal, the result of a prioritised measure (its agenda
 * item) or a flagged comment. `measureId` is the measure the decision took into the catalogue;
 * `revisionId` the plan revision that change landed in.
 */
export const decisions = pgTable(
  "decision",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    proposalId: uuid("proposal_id").references(() => proposals.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    measureId: uuid("measure_id").references(() => measures.id),
    commentId: uuid("comment_id").references(() => comments.id),
    outcome: decisionOutcome("outcome").notNull(),
    mergedIntoMeasureId: uuid("merged_into_measure_id").references(() => measures.id),
    mergedIntoProposalId: uuid("merged_into_proposal_id").references(() => proposals.id),
    revisionId: uuid("revision_id").references(() => planRevisions.id),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    /** The decide form's idempotency key: a double submit stores one decision per input. */
    clientId: text("client_id"),
  },
  (t) => [
    uniqueIndex("decision_client_id").on(t.clientId, sql`coalesce(${t.proposalId}, ${t.agendaItemId}, ${t.commentId})`),
    check("decision_one_input", sql`num_nonnulls(${t.proposalId}, ${t.agendaItemId}, ${t.commentId}) = 1`),
    index("decision_proposal").on(t.proposalId, t.decidedAt),
    index("decision_agenda_item").on(t.agendaItemId, t.decidedAt),
    index("decision_comment").on(t.commentId, t.decidedAt),
    index("decision_revision").on(t.revisionId),
  ],
);

export const decisionReasons = pgTable(
  "decision_reason",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.language] })],
);

/**
 * The outbox of decision e-mails: written in the decide transaction, sent after it committed and
 * marked sent, retried while `attempts` is below the limit. A participant's deletion takes theirs with it.
 */
export const decisionMails = pgTable(
  "decision_mail",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    /** The site address the link in the mail starts with (PUBLIC_URL, else the planner's). */
    origin: text("origin").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    /** A sender has taken the mail until then; after it, another may try. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    /** Sent, or settled without sending (the address was removed meanwhile). */
    doneAt: timestamp("done_at", { withTimezone: true }),
    sent: boolean("sent").notNull().default(false),
    lastError: text("last_error"),
  },
  (t) => [uniqueIndex("decision_mail_once").on(t.participantId, t.decisionId), index("decision_mail_pending").on(t.doneAt, t.claimedUntil)],
);
