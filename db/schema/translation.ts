import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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
