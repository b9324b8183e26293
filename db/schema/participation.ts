import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clusters, goals, indicators, indicatorValues, measures, plans } from "./catalogue";

export const conferenceKind = pgEnum("conference_kind", [
  "future_conference",
  "workshop",
  "district_talk",
]);
/** A series of conferences on one plan: recurring Zukunftskonferenzen, or district forums (Stadtteilgespräche). */
export const seriesKind = pgEnum("series_kind", ["recurring", "district"]);
export const liveSessionStatus = pgEnum("live_session_status", ["draft", "live", "closed"]);
export const agendaItemKind = pgEnum("agenda_item_kind", ["measure", "cluster", "question", "ranking", "goal"]);
/**
 * The two steps of the Integrationskonzept's prioritisation (docs/decisions/051): working groups
 * (Teilprojektgruppen), one per field of action, prioritise measures; the steering group
 * (Lenkungsgruppe) then rates the goals (Oberziele).
 */
export const prioritisationStep = pgEnum("prioritisation_step", ["working_group", "steering_group"]);
export const phase = pgEnum("phase", ["discuss", "prioritise", "results"]);
export const votingState = pgEnum("voting_state", ["closed", "open", "hidden"]);
export const participantGroup = pgEnum("participant_group", [
  "citizen",
  "migrant_organisation",
  "welfare_organisation",
  "administration",
  "youth",
]);
export const voteKind = pgEnum("vote_kind", ["dots", "rating", "scale", "ranking"]);
export const voteSource = pgEnum("vote_source", ["online", "paper"]);
export const proposalKind = pgEnum("proposal_kind", ["new_measure", "change_measure"]);

/** The activities a moderator enabled on an agenda item. */
export type AgendaActivities = {
  comments: boolean;
  dots: { maxPerItem: number } | null;
  rating: {
    criteria: string[];
    min: number;
    max: number;
    /**
     * A moderator's own criterion in other languages: German criterion -> language -> text
     * (docs/decisions/046). Votes keep the German criterion; items saved before 0020 lack it.
     */
    criterionTranslations?: Record<string, Record<string, string>>;
  } | null;
  scale: { min: number; max: number; label: string | null } | null;
  ranking: boolean;
};

/**
 * Conferences held again and again on the same plan, whose results are read over time, or one
 * per district, whose results are compared side by side (docs/decisions/045-conference-series.md).
 */
export const conferenceSeries = pgTable("conference_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => plans.id),
  kind: seriesKind("kind").notNull(),
  title: text("title").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const conferences = pgTable("conference", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => plans.id),
  kind: conferenceKind("kind").notNull(),
  title: text("title").notNull(),
  /** The title in other languages than German, by language code (docs/decisions/046). */
  titleTranslations: jsonb("title_translations").$type<Record<string, string>>().notNull().default({}),
  /** What the conference is about, in German, for its pages and the phones; translations beside it. */
  description: text("description"),
  descriptionTranslations: jsonb("description_translations").$type<Record<string, string>>().notNull().default({}),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  place: text("place"),
  district: text("district"),
  /** The districts its participants choose from; null means Bielefeld's ten Stadtbezirke. */
  districts: text("districts").array(),
  languages: text("languages").array().notNull(),
  /** At most one series, of the same plan (checked by createConference). */
  seriesId: uuid("series_id").references(() => conferenceSeries.id, { onDelete: "set null" }),
  /**
   * Set for a two-step prioritisation (docs/decisions/051): how many goals the steering group's
   * ranking names first (the Integrationskonzept's 16); null for a conference with a free agenda.
   */
  goalsNamedFirst: integer("goals_named_first"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("conference_series_id").on(t.seriesId)]);

/**
 * Who may steer a conference besides the admins: its creator from the start, then the moderators
 * and planners the team adds. Membership only; the account's role says what a member does
 * (docs/decisions/015-conference-team.md).
 */
export const conferenceTeamMembers = pgTable(
  "conference_team_member",
  {
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    addedBy: uuid("added_by").references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.userId] }), index("conference_team_member_user").on(t.userId)],
);

export const liveSessions = pgTable("live_session", {
  id: uuid("id").primaryKey().defaultRandom(),
  conferenceId: uuid("conference_id")
    .notNull()
    .references(() => conferences.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  joinCode: text("join_code").unique(),
  status: liveSessionStatus("status").notNull().default("draft"),
  dotsPerParticipant: integer("dots_per_participant").notNull().default(5),
  currentAgendaItemId: uuid("current_agenda_item_id").references(
    (): AnyPgColumn => agendaItems.id,
  ),
  startedAt: timestamp("started_at", { withTimezone: true }),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  /**
   * The projector shows the wall of comments in the room's main language (the conference's first)
   * and in this one, which the moderator picks; null: the main language only (decision 042).
   */
  wallLanguage: text("wall_language"),
  /** Its step in a two-step prioritisation; null in a conference with a free agenda (docs/decisions/051). */
  step: prioritisationStep("step"),
  /** A working group's field of action (a cluster of the conference's plan). */
  clusterId: uuid("cluster_id").references(() => clusters.id),
});

export const agendaItems = pgTable(
  "agenda_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    liveSessionId: uuid("live_session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: agendaItemKind("kind").notNull(),
    measureId: uuid("measure_id").references(() => measures.id),
    clusterId: uuid("cluster_id").references(() => clusters.id),
    /** A goal (Oberziel) the steering group rates (docs/decisions/051). */
    goalId: uuid("goal_id").references(() => goals.id),
    question: text("question"),
    /** The question in other languages than German, by language code (docs/decisions/039). */
    questionTranslations: jsonb("question_translations").$type<Record<string, string>>().notNull().default({}),
    /** The moderator's note under the item's heading, in German, with its translations (docs/decisions/046). */
    note: text("note"),
    noteTranslations: jsonb("note_translations").$type<Record<string, string>>().notNull().default({}),
    /** A ranking item's measures in the moderator's order (2 or more of the conference's plan); null for other kinds. */
    measureIds: uuid("measure_ids").array(),
    activities: jsonb("activities").$type<AgendaActivities>().notNull(),
    phase: phase("phase").notNull().default("discuss"),
    commentsOpen: boolean("comments_open").notNull().default(true),
    votingState: votingState("voting_state").notNull().default("closed"),
    resultsVisible: boolean("results_visible").notNull().default(false),
    /** Comments on this item reach the other participants only once a moderator approved them. */
    commentsPremoderated: boolean("comments_premoderated").notNull().default(false),
  },
  (t) => [index("agenda_item_session").on(t.liveSessionId, t.position)],
);

/** An anonymous person in a conference, known only by a cookie token `id.secret` (secret hashed). */
export const participants = pgTable("participant", {
  id: uuid("id").primaryKey().defaultRandom(),
  conferenceId: uuid("conference_id")
    .notNull()
    .references(() => conferences.id, { onDelete: "cascade" }),
  secretHash: text("secret_hash").notNull(),
  displayName: text("display_name"),
  group: participantGroup("group"),
  district: text("district"),
  language: text("language").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Profile and token erased by the retention rule; the row stays only as an anonymous voter. */
  anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
  /**
   * The hash of the secret in the participant's return link (docs/decisions/031): a second token
   * of the same identity, for another browser; null until one is made, replaced by a new one.
   */
  returnHash: text("return_hash"),
  /** Where to tell the participant about a decision on their input, given with consent at `notifyConsentedAt`. */
  notifyEmail: text("notify_email"),
  notifyConsentedAt: timestamp("notify_consented_at", { withTimezone: true }),
});

export const comments = pgTable(
  "comment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").references(() => participants.id),
    authorUserId: uuid("author_user_id").references(() => users.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.id),
    body: text("body").notNull(),
    language: text("language").notNull(),
    pinned: boolean("pinned").notNull().default(false),
    flaggedRelevant: boolean("flagged_relevant").notNull().default(false),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenBy: uuid("hidden_by").references(() => users.id),
    hiddenReason: text("hidden_reason"),
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => comments.id),
    /** Posted under pre-moderation and not approved yet: only its author and the moderators see it. */
    awaitingApproval: boolean("awaiting_approval").notNull().default(false),
    /** Made by the participant's page, so a comment re-sent after a lost answer is stored once. */
    clientId: text("client_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("comment_agenda_item").on(t.agendaItemId, t.createdAt),
    uniqueIndex("comment_client_id").on(t.participantId, t.clientId),
  ],
);

export const commentSupports = pgTable(
  "comment_support",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.participantId] })],
);

/**
 * One stored vote. `clientId` is made by the client so that a retried vote counts once;
 * paper votes counted in the room carry a `weight` and no participant.
 */
export const votes = pgTable(
  "vote",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id").notNull(),
    liveSessionId: uuid("live_session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").references(() => participants.id),
    enteredBy: uuid("entered_by").references(() => users.id),
    kind: voteKind("kind").notNull(),
    criterion: text("criterion"),
    value: integer("value").notNull(),
    weight: integer("weight").notNull().default(1),
    source: voteSource("source").notNull().default("online"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The participant's profile when the vote was cast, set by a trigger (migration 0014,
     * docs/decisions/038-breakdown-cells.md): breakdowns count it, not the profile as it is now.
     */
    group: participantGroup("group"),
    district: text("district"),
    language: text("language"),
  },
  (t) => [
    uniqueIndex("vote_client_id").on(t.liveSessionId, t.clientId),
    index("vote_agenda_item").on(t.agendaItemId, t.kind),
    index("vote_participant").on(t.participantId, t.liveSessionId),
    // Results: each participant's latest answer per question, read in index order without a sort
    // (DISTINCT ON), and everything a result sums, so the votes table itself is not read.
    index("vote_answer").on(t.agendaItemId, t.participantId, t.kind, t.criterion, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.value, t.weight),
  ],
);

export const proposals = pgTable(
  "proposal",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    participantId: uuid("participant_id").references(() => participants.id),
    kind: proposalKind("kind").notNull(),
    measureId: uuid("measure_id").references(() => measures.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    language: text("language").notNull(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenBy: uuid("hidden_by").references(() => users.id),
    hiddenReason: text("hidden_reason"),
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => proposals.id),
    /** As for comments: a proposal re-sent after a lost answer is stored once. */
    clientId: text("client_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("proposal_client_id").on(t.participantId, t.clientId)],
);

/** A result frozen when its live session closed. */
export const resultSnapshots = pgTable("result_snapshot", {
  agendaItemId: uuid("agenda_item_id")
    .primaryKey()
    .references(() => agendaItems.id, { onDelete: "cascade" }),
  frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
});

/**
 * An indicator value that is a live session's result (docs/decisions/043): the scale item it came
 * from and what was taken of it. The value itself is the catalogue's; this is the link back. One
 * item is recorded once per indicator, so a form sent twice records one value.
 */
export const indicatorValueSources = pgTable(
  "indicator_value_source",
  {
    indicatorValueId: uuid("indicator_value_id")
      .primaryKey()
      .references(() => indicatorValues.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    /** "mean": the statistic recorded; answers: how many it was taken over. */
    statistic: text("statistic").notNull(),
    answers: integer("answers").notNull(),
  },
  (t) => [uniqueIndex("indicator_value_source_item").on(t.agendaItemId, t.indicatorId)],
);
