import {
  bigint,
  date,
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

export const maturity = pgEnum("maturity", ["A", "B", "C"]);
/** Reifegrad A "Wo wir stehen", B "Woran wir arbeiten", C "Woran wir arbeiten werden"; null: not rated. */
export type Maturity = (typeof maturity.enumValues)[number] | null;

export const plans = pgTable("plan", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  description: text("description"),
  publisher: text("publisher"),
  publishedOn: date("published_on"),
  source: text("source"),
  language: text("language").notNull().default("de"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every change to a plan's catalogue lands in a new revision: who, when, why. */
export const planRevisions = pgTable(
  "plan_revision",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plan_revision_number").on(t.planId, t.number)],
);

export const units = pgTable("unit", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
});

export const sections = pgTable(
  "section",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    title: text("title").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => sections.id),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("section_key").on(t.planId, t.key)],
);

export const clusters = pgTable(
  "cluster",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    budgetCents: bigint("budget_cents", { mode: "number" }),
    maturity: maturity("maturity"),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("cluster_key").on(t.planId, t.key)],
);

/**
 * A cluster's Reifegrad and budget as each plan revision left them (issue 12): the source's
 * figures at import, then every planner's change with the revision's reason.
 */
export const clusterVersions = pgTable(
  "cluster_version",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: uuid("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => planRevisions.id),
    budgetCents: bigint("budget_cents", { mode: "number" }),
    maturity: maturity("maturity"),
  },
  (t) => [uniqueIndex("cluster_version_revision").on(t.clusterId, t.revisionId)],
);

export const goals = pgTable(
  "goal",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    number: integer("number"),
    title: text("title").notNull(),
    description: text("description"),
    clusterId: uuid("cluster_id").references(() => clusters.id),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("goal_key").on(t.planId, t.key)],
);

/** The current state of a measure; its earlier states live in measure_version. */
export const measures = pgTable(
  "measure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    sectionId: uuid("section_id").references(() => sections.id),
    clusterId: uuid("cluster_id").references(() => clusters.id),
    goalId: uuid("goal_id").references(() => goals.id),
    unitId: uuid("unit_id").references(() => units.id),
    maturity: maturity("maturity"),
    situation: text("situation"),
    objective: text("objective"),
    actions: text("actions"),
    steps: text("steps"),
    stakeholders: text("stakeholders"),
    responsible: text("responsible"),
    dataSources: text("data_sources"),
    position: integer("position").notNull(),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => planRevisions.id),
  },
  (t) => [uniqueIndex("measure_code").on(t.planId, t.code)],
);

export const translationState = pgEnum("translation_state", ["draft", "machine", "reviewed"]);

/**
 * A measure in another language (docs/decisions/041-measure-translations.md): the title, a short
 * summary in plain words and any of the text fields; the German original stays in measure. It
 * translated the measure as it stood in `base_revision_id`: a later revision that changed a
 * German field it covers makes it outdated until someone updates or confirms it.
 */
export const measureTranslations = pgTable(
  "measure_translation",
  {
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    title: text("title").notNull(),
    summary: text("summary"),
    situation: text("situation"),
    objective: text("objective"),
    actions: text("actions"),
    steps: text("steps"),
    stakeholders: text("stakeholders"),
    responsible: text("responsible"),
    dataSources: text("data_sources"),
    state: translationState("state").notNull().default("draft"),
    baseRevisionId: uuid("base_revision_id")
      .notNull()
      .references(() => planRevisions.id),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.language] })],
);

/** A snapshot of a measure as it stood in one revision, for history and diffs. */
export const measureVersions = pgTable(
  "measure_version",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => planRevisions.id),
    fields: jsonb("fields").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex("measure_version_revision").on(t.measureId, t.revisionId)],
);

export const indicators = pgTable("indicator", {
  id: uuid("id").primaryKey().defaultRandom(),
  measureId: uuid("measure_id")
    .notNull()
    .references(() => measures.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  text: text("text").notNull(),
  targetValue: text("target_value"),
  dueDate: date("due_date"),
});

export const indicatorValues = pgTable("indicator_value", {
  id: uuid("id").primaryKey().defaultRandom(),
  indicatorId: uuid("indicator_id")
    .notNull()
    .references(() => indicators.id, { onDelete: "cascade" }),
  recordedOn: date("recorded_on").notNull(),
  value: text("value").notNull(),
  note: text("note"),
  revisionId: uuid("revision_id").references(() => planRevisions.id),
  recordedBy: uuid("recorded_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
