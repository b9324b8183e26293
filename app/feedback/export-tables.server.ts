import type { TFunction } from "i18next";
import { csvTime, type CsvFormat, type CsvValue } from "../csv";
import { languages } from "../i18n/config";
import { i18nServer } from "../i18n/i18n.server";
import { criterionLabel } from "../live/ui/criteria";
import type { CommentView, ProposalView } from "../live/views";
import type { ItemResults, SessionResults } from "../results/aggregate.server";
import { byCriterion } from "../results/criteria-order";
import type { DecisionView } from "../decisions/views.server";
import type { TranslationView } from "../translation/views";
import { entryTitle } from "../live/ranking-names";

/**
 * The CSV tables of a conference's exports, written for a person with a spreadsheet: headings and
 * words in their language, times as Bielefeld's clocks showed them, measures named by code and
 * title, one row per thing a reader counts (an agenda item, a proposal, a comment, a decision).
 * The JSON files keep the machine's names.
 */
export type CsvTable = { header: string[]; rows: CsvValue[][] };

export type ExportContext = {
  format: CsvFormat;
  /** A measure's code and title, by code: "W-1 Wohnungslosigkeit vermeiden". */
  measureName: (code: string | null) => string | null;
};

const translator = (format: CsvFormat): TFunction => i18nServer.getFixedT(format.language, "feedback");

/** Headings, yes/no, language names and times in the reader's language. */
export function words(format: CsvFormat) {
  const t = translator(format);
  return {
    t,
    column: (key: string, values?: Record<string, unknown>) => t(`feedback:export.column.${key}`, values ?? {}),
    yesNo: (value: boolean) => t(value ? "feedback:export.yes" : "feedback:export.no"),
    language: (code: string) => t(`conferences:language.${code}`, { defaultValue: code }),
    time: (value: string) => csvTime(value, format),
  };
}

const itemName = (item: ItemResults["item"]) =>
  item.measure ? `${item.measure.code} ${item.measure.title}` : (entryTitle(item) ?? item.question);

/** One row per agenda item: its figures side by side, a column per rating criterion asked in any of them. */
export function resultsTable(sessions: SessionResults[], { format }: ExportContext): CsvTable {
  const { t, column } = words(format);
  const entries = sessions.flatMap((s) => s.items.map((entry) => ({ session: s.liveSession.title, entry })));
  const criteria = byCriterion([...new Set(entries.flatMap(({ entry }) => (entry.result.rating ?? []).map((r) => r.criterion)))], (c) => c);
  const header = [
    column("session"),
    column("position"),
    column("item"),
    column("itemKind"),
    column("voters"),
    column("comments"),
    column("dots"),
    column("paperDots"),
    column("dotShare"),
    column("scaleMean"),
    column("scaleMedian"),
    column("scaleAtLeast7"),
    column("scaleConsensus"),
    ...criteria.map((c) => column("criterionMean", { criterion: criterionLabel(t, c) })),
    column("ranking"),
  ];
  const rows = entries.map(({ session, entry: { item, result, consensus } }) => {
    const rating = new Map((result.rating ?? []).map((r) => [r.criterion, r.summary.mean]));
    const ranking = (result.ranking ?? [])
      .map((r, i) => t("feedback:export.rankingEntry", { rank: i + 1, code: r.code, first: r.firstPlaces, count: r.points }))
      .join("\n");
    return [
      session,
      item.position + 1,
      itemName(item),
      t(`live:participant.kind.${item.kind}`),
      result.voterCount,
      result.commentCount,
      result.dots?.total,
      result.dots?.paper,
      result.dots?.share,
      result.scale?.mean,
      result.scale?.median,
      result.scale?.shareAtLeast7,
      consensus.scale?.value,
      ...criteria.map((c) => rating.get(c)),
      ranking || null,
    ];
  });
  return { header, rows };
}

/**
 * Each item's figures split by group, district and language, one row per cell. A suppressed row
 * has no segment and no figures: which small groups it holds is itself withheld.
 */
export function breakdownsTable(sessions: SessionResults[], { format }: ExportContext): CsvTable {
  const { t, column, yesNo, language } = words(format);
  const header = ["session", "position", "item", "figure", "dimension", "segment", "participants", "value", "scaleAtLeast7", "suppressed"].map((c) =>
    column(c),
  );
  const rows = sessions.flatMap((s) =>
    s.items.flatMap(({ item, breakdowns }) =>
      byCriterion(breakdowns, (b) => b.criterion).flatMap((b) =>
        b.cells.map((cell): CsvValue[] => {
          const figure = b.kind === "dots" ? t("results:plan.kind.dots") : b.kind === "scale" ? t("results:plan.kind.scale") : criterionLabel(t, b.criterion ?? "");
          const segment =
            cell.suppressed ? null
            : cell.key === null ? t("results:plan.notStated")
            : b.dimension === "group" ? t(`live:group.${cell.key}`, { defaultValue: cell.key })
            : b.dimension === "language" ? language(cell.key)
            : cell.key;
          const shown = cell.suppressed ? [null, null, null] : [cell.participants, cell.value, cell.shareAtLeast7];
          return [s.liveSession.title, item.position + 1, itemName(item), figure, t(`results:plan.dimension.${b.dimension}`), segment, ...shown, yesNo(cell.suppressed)];
        }),
      ),
    ),
  );
  return { header, rows };
}

type Decided = { decision: string | null };

/**
 * The translations of comments or proposals (decision 042): per language any of them has, one
 * column with the text and one saying who made it, a language mediator or a machine.
 */
function translationColumns(format: CsvFormat, list: { translations: TranslationView[] }[]) {
  const { t, column, language } = words(format);
  const present = languages.filter((l) => list.some((entry) => entry.translations.some((tr) => tr.language === l)));
  return {
    header: present.flatMap((l) => [column("translationIn", { language: language(l) }), column("translationKindIn", { language: language(l) })]),
    cells: (entry: { translations: TranslationView[] }): CsvValue[] =>
      present.flatMap((l) => {
        const translation = entry.translations.find((tr) => tr.language === l);
        if (!translation) return [null, null];
        const text = translation.title ? `${translation.title}: ${translation.text}` : translation.text;
        return [text, t(translation.kind === "person" ? "live:translation.byPerson" : "live:translation.byMachine")];
      }),
  };
}

export function proposalsTable(list: (Omit<ProposalView, "authorName"> & Decided)[], { format, measureName }: ExportContext): CsvTable {
  const { t, column, language, time } = words(format);
  const translated = translationColumns(format, list);
  const header = [...["id", "proposalKind", "measure", "title", "body", "language", "createdAt", "hiddenReason", "mergedIntoId", "decision"].map((c) => column(c)), ...translated.header];
  const rows = list.map((p) => [
    p.id,
    t(p.kind === "new_measure" ? "live:proposal.kindNew" : "live:proposal.kindChange"),
    measureName(p.measureCode),
    p.title,
    p.body,
    language(p.language),
    time(p.createdAt),
    p.hidden?.reason ?? null,
    p.mergedIntoId,
    p.decision && t(`feedback:outcome.${p.decision}`),
    ...translated.cells(p),
  ]);
  return { header, rows };
}

/** Comments named by the agenda item they were made on: a measure by code and title, a theme or a question by its text. */
export function commentsTable(list: (Omit<CommentView, "authorName"> & Decided)[], items: Map<string, string | null>, { format }: ExportContext): CsvTable {
  const { t, column, yesNo, language, time } = words(format);
  const translated = translationColumns(format, list);
  const header = [
    ...["id", "about", "parentId", "commentBody", "language", "writtenAt", "byStaff", "supportCount", "pinned", "flaggedRelevant", "hiddenReason", "mergedIntoId", "decision"].map((c) => column(c)),
    ...translated.header,
  ];
  const rows = list.map((c) => [
    c.id,
    items.get(c.agendaItemId) ?? null,
    c.parentId,
    c.body,
    language(c.language),
    time(c.createdAt),
    yesNo(c.byStaff),
    c.supportCount,
    yesNo(c.pinned),
    yesNo(c.flaggedRelevant),
    c.hidden?.reason ?? null,
    c.mergedIntoId,
    c.decision && t(`feedback:outcome.${c.decision}`),
    ...translated.cells(c),
  ]);
  return { header, rows };
}

/** One row per decision, with a reason column per language. */
export function decisionsTable(list: DecisionView[], { format }: ExportContext): CsvTable {
  const { t, column, language, time } = words(format);
  const header = [
    ...["id", "inputKind", "inputId", "decision", "decidedAt", "measure", "mergedInto", "revision"].map((c) => column(c)),
    ...languages.map((l) => column("reasonIn", { language: language(l) })),
  ];
  const rows = list.map((d) => {
    const into = d.mergedInto ? (d.mergedInto.kind === "measure" ? `${d.mergedInto.code} ${d.mergedInto.title}` : d.mergedInto.title) : null;
    return [
      d.id,
      t(`decisions:input.heading.${d.subject.kind}`),
      d.subject.id,
      t(`feedback:outcome.${d.outcome}`),
      time(d.decidedAt),
      d.measure && `${d.measure.code} ${d.measure.title}`,
      into,
      d.revision,
      ...languages.map((l) => d.reasons.find((r) => r.language === l)?.text ?? null),
    ];
  });
  return { header, rows };
}
