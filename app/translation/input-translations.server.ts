import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { commentTranslations, proposalTranslations } from "../../db/schema";
import type { MachineTranslation } from "./machine-translate.server";
import type { TranslationView } from "./views";

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "insert">;

/** Whose translation: a comment's or a proposal's (the live room owns both and checks access). */
export type TranslationTarget = { kind: "comment"; id: string } | { kind: "proposal"; id: string };

type Row = {
  language: string;
  title?: string | null;
  text: string;
  kind: "person" | "machine";
  engine: string | null;
  createdAt: Date;
};

function viewOf(row: Row): TranslationView {
  return {
    language: row.language,
    title: row.title ?? null,
    text: row.text,
    kind: row.kind,
    engine: row.engine,
    translatedAt: row.createdAt.toISOString(),
  };
}

function grouped<R extends Row>(rows: (R & { owner: string })[]): Map<string, TranslationView[]> {
  const byOwner = new Map<string, TranslationView[]>();
  for (const row of [...rows].sort((a, b) => a.language.localeCompare(b.language))) {
    byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), viewOf(row)]);
  }
  return byOwner;
}

/** The comments' translations, by comment id, each list in language order. */
export async function commentTranslationsOf(db: Reader, commentIds: readonly string[]): Promise<Map<string, TranslationView[]>> {
  if (commentIds.length === 0) return new Map();
  const rows = await db
    .select({ owner: commentTranslations.commentId, language: commentTranslations.language, text: commentTranslations.text, kind: commentTranslations.kind, engine: commentTranslations.engine, createdAt: commentTranslations.createdAt })
    .from(commentTranslations)
    .where(inArray(commentTranslations.commentId, [...commentIds]));
  return grouped(rows);
}

/** The proposals' translations, by proposal id. */
export async function proposalTranslationsOf(db: Reader, proposalIds: readonly string[]): Promise<Map<string, TranslationView[]>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db
    .select({ owner: proposalTranslations.proposalId, language: proposalTranslations.language, title: proposalTranslations.title, text: proposalTranslations.text, kind: proposalTranslations.kind, engine: proposalTranslations.engine, createdAt: proposalTranslations.createdAt })
    .from(proposalTranslations)
    .where(inArray(proposalTranslations.proposalId, [...proposalIds]));
  return grouped(rows);
}

/**
 * A mediator's translation into one language: it replaces whatever stood there, a machine's or
 * an earlier person's (a correction). Called inside the live room's command transaction.
 */
export async function savePersonTranslation(
  tx: Writer,
  target: TranslationTarget,
  { language, title, text, userId }: { language: string; title: string | null; text: string; userId: string },
): Promise<TranslationView> {
  const person = { kind: "person" as const, text, translatedBy: userId, engine: null, createdAt: sql`now()` };
  if (target.kind === "comment") {
    const [row] = await tx
      .insert(commentTranslations)
      .values({ commentId: target.id, language, ...person })
      .onConflictDoUpdate({ target: [commentTranslations.commentId, commentTranslations.language], set: person })
      .returning();
    return viewOf(row!);
  }
  const withTitle = { ...person, title: title ?? "" };
  const [row] = await tx
    .insert(proposalTranslations)
    .values({ proposalId: target.id, language, ...withTitle })
    .onConflictDoUpdate({ target: [proposalTranslations.proposalId, proposalTranslations.language], set: withTitle })
    .returning();
  return viewOf(row!);
}

/**
 * A machine's translations, for the languages that have none yet: a person's translation (or a
 * machine's stored first) stays. Answers those stored now, so only they are announced.
 * For a proposal, `titles` holds the machine's title per language; a language lacking one is left out.
 */
export async function saveMachineTranslations(
  db: Writer,
  target: TranslationTarget,
  made: readonly MachineTranslation[],
  titles: readonly MachineTranslation[] = [],
): Promise<TranslationView[]> {
  const machine = (m: MachineTranslation) => ({ language: m.language, text: m.text, kind: "machine" as const, engine: m.engine, translatedBy: null });
  if (target.kind === "comment") {
    if (made.length === 0) return [];
    const rows = await db
      .insert(commentTranslations)
      .values(made.map((m) => ({ commentId: target.id, ...machine(m) })))
      .onConflictDoNothing()
      .returning();
    return rows.map(viewOf);
  }
  const both = made.flatMap((m) => {
    const title = titles.find((t) => t.language === m.language);
    return title ? [{ proposalId: target.id, ...machine(m), title: title.text }] : [];
  });
  if (both.length === 0) return [];
  const rows = await db.insert(proposalTranslations).values(both).onConflictDoNothing().returning();
  return rows.map(viewOf);
}
