import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { machineTranslations } from "../../db/schema";
import { languages, type Language } from "../i18n/config";
import { logError } from "../log.server";
import type { Engine, Translator } from "./translator";

export type MachineTranslation = { language: Language; text: string; engine: Engine; createdAt: Date };

const requestSchema = z.object({
  text: z.string(),
  from: z.enum(languages),
  to: z.array(z.enum(languages)),
});

export type MachineTranslationRequest = z.infer<typeof requestSchema>;

/** The cache's key for a text: the same words in another Unicode form are the same text. */
export function sourceHashOf(text: string): string {
  return createHash("sha256").update(text.normalize("NFC")).digest("hex");
}

/**
 * `text` (in `from`) in each of the languages `to`: from the cache, and what the cache lacks from
 * the translator, once, stored for the next reader. Never throws, so a caller's command (a comment
 * that was posted) never fails for it: a service that is down, slow or over its limit is logged
 * and its languages are simply missing from the answer, to be asked for again next time. With no
 * translator it answers from the cache alone. Languages the translator never accepts (Kurmanji,
 * Leichte Sprache) are not asked for.
 */
export async function machineTranslate(
  db: Db,
  translator: Translator | null,
  request: MachineTranslationRequest,
): Promise<MachineTranslation[]> {
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) {
    logError("machine translation: invalid request", parsed.error);
    return [];
  }
  const { from } = parsed.data;
  const text = parsed.data.text.normalize("NFC");
  const targets = [...new Set(parsed.data.to)].filter((to) => to !== from);
  if (text.trim() === "" || targets.length === 0) return [];
  const hash = sourceHashOf(text);

  let found: MachineTranslation[];
  try {
    found = await cached(db, hash, from, targets);
  } catch (error) {
    logError("machine translation: reading the cache", error);
    return [];
  }
  const missing = targets.filter((to) => !found.some((t) => t.language === to) && translator?.accepts(from, to));
  if (!translator || missing.length === 0) return found;

  const made = (
    await Promise.all(
      missing.map((to) =>
        translator.translate([text], from, to).then(
          ([translation]): MachineTranslation | null =>
            translation ? { language: to, text: translation, engine: translator.engine, createdAt: new Date() } : null,
          (error: unknown) => {
            logError(`machine translation ${translator.engine} ${from}→${to}`, error);
            return null;
          },
        ),
      ),
    )
  ).filter((m) => m !== null);
  if (made.length === 0) return found;
  try {
    // Another process may have stored the same translation meanwhile: the first one stays.
    await db
      .insert(machineTranslations)
      .values(
        made.map((m) => ({
          sourceHash: hash,
          sourceLanguage: from,
          targetLanguage: m.language,
          text: m.text,
          engine: m.engine,
        })),
      )
      .onConflictDoNothing();
    return await cached(db, hash, from, targets);
  } catch (error) {
    logError("machine translation: storing", error);
    return [...found, ...made];
  }
}

async function cached(db: Db, hash: string, from: Language, targets: Language[]): Promise<MachineTranslation[]> {
  const rows = await db
    .select()
    .from(machineTranslations)
    .where(
      and(
        eq(machineTranslations.sourceHash, hash),
        eq(machineTranslations.sourceLanguage, from),
        inArray(machineTranslations.targetLanguage, targets),
      ),
    );
  return targets.flatMap((language) => {
    const row = rows.find((r) => r.targetLanguage === language);
    return row ? [{ language, text: row.text, engine: row.engine as Engine, createdAt: row.createdAt }] : [];
  });
}

/**
 * Deletes the machine translations of these texts, in every language: for whoever deletes the
 * texts themselves (a participant deleting their data, docs/decisions/017), in their transaction.
 */
export async function forgetMachineTranslations(db: Pick<Db, "delete">, texts: readonly string[]): Promise<void> {
  if (texts.length === 0) return;
  await db.delete(machineTranslations).where(inArray(machineTranslations.sourceHash, texts.map(sourceHashOf)));
}
