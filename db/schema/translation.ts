import { pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { comments, proposals } from "./participation";

/**
 * Machine translations, made once per text and language pair (docs/decisions/033). The source
 * is kept as its SHA-256 (hex) only: the original lives with its comment, not twice. Whoever
 * deletes a text deletes its translations too (`forgetMachineTranslations`).
 */
export const machineTranslations = pgTable(
  "machine_translation",
  {
    sourceHash: text("source_hash").notNull(),
    sourceLanguage: text("source_language").notNull(),
    targetLanguage: text("target_language").notNull(),
    text: text("text").notNull(),
    /** The service that made it: `libretranslate` or `deepl`. */
    engine: text("engine").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sourceHash, t.sourceLanguage, t.targetLanguage] })],
);

/** Who made a translation of a participant's input: a person (a language mediator) or a machine. */
export const translationKind = pgEnum("translation_kind", ["person", "machine"]);

/**
 * A comment's translations, one per language (docs/decisions/042). The original stays in the
 * comment, in its author's language. A person's translation replaces a machine's for its language,
 * never the other way round. Gone with the comment.
 */
export const commentTranslations = pgTable(
  "comment_translation",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    text: text("text").notNull(),
    kind: translationKind("kind").notNull(),
    /** The mediator who wrote it (a person's translation); null for a machine's. */
    translatedBy: uuid("translated_by").references(() => users.id),
    /** The service that made it (a machine's translation): `libretranslate` or `deepl`. */
    engine: text("engine"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.language] })],
);

/** A proposal's translations (title and text), as for comments. */
export const proposalTranslations = pgTable(
  "proposal_translation",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    kind: translationKind("kind").notNull(),
    translatedBy: uuid("translated_by").references(() => users.id),
    engine: text("engine"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.language] })],
);
