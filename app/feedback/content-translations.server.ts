import { translationsByCode } from "../catalogue/translations.server";
import type { TranslationState } from "../catalogue/translated";
import type { CsvValue } from "../csv";
import { languages } from "../i18n/config";
import { rankingOptions } from "../live/rules";
import type { AgendaItemView } from "../live/views";
import type { Reader } from "../results/answers.server";
import { words, type CsvTable, type ExportContext } from "./export-tables.server";

/**
 * One translation of content a conference's exports name (docs/decisions/047): a measure's
 * (title, summary, objective, with the catalogue's state and outdatedness) or a moderator's
 * question (`state` null: the moderator wrote it, nobody reviews it, and it cannot change).
 */
export type ContentTranslation = {
  kind: "measure" | "question" | "ranking";
  code: string | null;
  agendaItemId: string | null;
  /** The German it translates: the measure's title or the question. */
  original: string;
  language: string;
  state: TranslationState | null;
  outdated: boolean;
  title: string;
  summary: string | null;
  objective: string | null;
};

/** In the language switcher's order, as the comments' translation columns are. */
const order = (language: string) => (languages as readonly string[]).indexOf(language);
const byLanguage = (a: { language: string }, b: { language: string }) => order(a.language) - order(b.language);

/**
 * The translations of the measures and questions the other datasets name, in every language:
 * the items' measures (with a ranking's or focus theme's), the measures proposals and decisions
 * name, and the items' questions. Measures first, in the order they first appear.
 */
export async function contentTranslations(
  db: Reader,
  plan: { id: string },
  items: AgendaItemView[],
  named: { code: string; title: string }[],
): Promise<ContentTranslation[]> {
  const measures = new Map<string, string>();
  for (const m of [...items.flatMap((i) => [...(i.measure ? [i.measure] : []), ...rankingOptions(i)]), ...named]) {
    if (!measures.has(m.code)) measures.set(m.code, m.title);
  }
  const translations = await translationsByCode(db, plan.id, [...measures.keys()]);
  const ofMeasures = [...measures].flatMap(([code, original]) =>
    [...(translations.get(code) ?? [])].sort(byLanguage).map(
      (t): ContentTranslation => ({
        kind: "measure",
        code,
        agendaItemId: null,
        original,
        language: t.language,
        state: t.state,
        outdated: t.outdated,
        title: t.fields.title ?? original,
        summary: t.fields.summary ?? null,
        objective: t.fields.objective ?? null,
      }),
    ),
  );
  const ofQuestions = items.flatMap(({ id, kind, question, questionTranslations }) =>
    question === null || (kind !== "question" && kind !== "ranking")
      ? []
      : Object.entries(questionTranslations)
          .flatMap(([language, text]) => (text ? [{ language, text }] : []))
          .sort(byLanguage)
          .map(
            ({ language, text }): ContentTranslation => ({
              kind,
              code: null,
              agendaItemId: id,
              original: question,
              language,
              state: null,
              outdated: false,
              title: text,
              summary: null,
              objective: null,
            }),
          ),
  );
  return [...ofMeasures, ...ofQuestions];
}

/**
 * One row per translation (a long table): a measure's translation would otherwise repeat in every
 * row that names the measure, and nine languages' text and state would add eighteen columns to
 * every table. The original names a measure as the other tables do, by code and German title.
 */
export function contentTranslationsTable(list: ContentTranslation[], { format, measureName }: ExportContext): CsvTable {
  const { t, column, yesNo, language } = words(format);
  const header = ["itemKind", "original", "language", "translation", "summary", "objective", "translationState", "outdated"].map((c) => column(c));
  const rows = list.map((entry): CsvValue[] => [
    t(`live:participant.kind.${entry.kind}`),
    entry.code === null ? entry.original : measureName(entry.code),
    language(entry.language),
    entry.title,
    entry.summary,
    entry.objective,
    entry.state === null ? t("feedback:export.byModerator") : t(`catalogue:translations.state.${entry.state}`),
    yesNo(entry.outdated),
  ]);
  return { header, rows };
}
