import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/permissions";
import type { ExportFile } from "../files.server";
import { measureTitles } from "../catalogue/summaries.server";
import { conferenceRefs } from "../conferences/conferences.server";
import { maySteerConference } from "../conferences/team.server";
import { csvFormatOf, toCsv } from "../csv";
import { DomainError, parseInput } from "../errors";
import { fallbackLanguage, languages } from "../i18n/config";
import { loadItems } from "../live/items.server";
import { commentsOf, inputIdsOf, liveSessionsOf, proposalsOf } from "../live/inputs.server";
import { sessionResults } from "../results/aggregate.server";
import { twoStepRanking } from "../results/two-step.server";
import type { Reader } from "../results/answers.server";
import { loadDecisions, standing } from "../decisions/views.server";
import { contentTranslations, contentTranslationsTable } from "./content-translations.server";
import { decisionCodes } from "./measure-names.server";
import { prioritisationTable } from "./prioritisation-table.server";
import { breakdownsTable, commentsTable, decisionsTable, proposalsTable, resultsTable, type CsvTable, type ExportContext } from "./export-tables.server";
import { entryTitle } from "../live/ranking-names";

const exportInput = z.object({
  conferenceId: z.string().uuid(),
  dataset: z.enum(["results", "breakdowns", "proposals", "comments", "decisions", "translations", "prioritisation"]),
  format: z.enum(["json", "csv"]),
  /** The reader's language: the CSV's headings and words, its separator and decimal mark. */
  language: z.enum(languages).default(fallbackLanguage),
});

/**
 * A conference's results, breakdowns, proposals, comments or decisions (or a two-step
 * prioritisation's combined ranking) for download, in the
 * catalogue's German (the record), or the translations of the measures and questions they name.
 * Its team
 * gets every session; everybody else what the public feedback page shows: closed sessions only,
 * and nothing a moderator hid. Nobody gets who wrote what.
 */
export async function exportConference(db: Reader, actor: Actor, input: unknown): Promise<ExportFile> {
  authorize(actor, "catalogue.read");
  const { conferenceId, dataset, format, language } = parseInput(exportInput, input);
  const conference = (await conferenceRefs(db, [conferenceId])).get(conferenceId);
  if (!conference) throw new DomainError("not_found", "common:error.notFoundText");
  // Staff of another conference's team get what the public gets.
  const team = await maySteerConference(db, actor, conferenceId);
  const staff = team && can(actor, "results.view");
  const withHidden = team && can(actor, "comment.hide");
  const sessions = await liveSessionsOf(db, conferenceId, { closedOnly: !staff, order: "startedAt" });
  const sessionIds = sessions.map((s) => s.id);
  const items = (await Promise.all(sessionIds.map((id) => loadItems(db, id)))).flat();
  const itemIds = items.map((i) => i.id);
  const titles = await measureTitles(db, conference.planId);
  const context: ExportContext = {
    format: csvFormatOf(language),
    measureName: (code) => (code === null ? null : `${code} ${titles.get(code) ?? ""}`.trim()),
  };

  const table = await (async (): Promise<{ json: unknown; csv: () => CsvTable }> => {
    if (dataset === "results" || dataset === "breakdowns") {
      const results = await Promise.all(sessionIds.map((id) => sessionResults(db, actor, { liveSessionId: id })));
      return { json: results, csv: () => (dataset === "results" ? resultsTable : breakdownsTable)(results, context) };
    }
    if (dataset === "prioritisation") {
      // Only a two-step prioritisation has one (else not found); its team's includes running sessions.
      const ranking = await twoStepRanking(db, actor, { conferenceId });
      return { json: ranking, csv: () => prioritisationTable(ranking, context) };
    }
    if (dataset === "proposals") {
      const list = (await proposalsOf(db, { conferenceId, withHidden })).reverse().map(({ authorName: _a, ...p }) => p);
      const decided = standing(await loadDecisions(db, { proposalIds: list.map((p) => p.id) }));
      const json = list.map((p) => ({ ...p, decision: decided.get(p.id)?.outcome ?? null }));
      return { json, csv: () => proposalsTable(json, context) };
    }
    if (dataset === "comments") {
      const list = (await commentsOf(db, { agendaItemIds: itemIds }, { withHidden, limit: 100_000 })).reverse().map(({ authorName: _a, ...c }) => c);
      const decided = standing(await loadDecisions(db, { commentIds: list.map((c) => c.id) }));
      const json = list.map((c) => ({ ...c, decision: decided.get(c.id)?.outcome ?? null }));
      const about = new Map(items.map((i) => [i.id, i.measure ? `${i.measure.code} ${i.measure.title}` : (entryTitle(i) ?? i.question)]));
      return { json, csv: () => commentsTable(json, about, context) };
    }
    const { proposalIds, commentIds } = await inputIdsOf(db, { conferenceId, agendaItemIds: itemIds, withHidden });
    const list = await loadDecisions(db, { proposalIds, agendaItemIds: itemIds, commentIds });
    if (dataset === "decisions") return { json: list, csv: () => decisionsTable(list, context) };
    const proposed = (await proposalsOf(db, { conferenceId, withHidden })).flatMap((p) => (p.measureCode ? [p.measureCode] : []));
    const named = [...proposed, ...decisionCodes(list)].map((code) => ({ code, title: titles.get(code) ?? "" }));
    const translations = await contentTranslations(db, { id: conference.planId }, items, named);
    return { json: translations, csv: () => contentTranslationsTable(translations, context) };
  })();

  const filename = `${dataset}-${conference.title.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || conference.id}`;
  if (format === "json") {
    return { filename: `${filename}.json`, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(table.json, null, 2)}\n` };
  }
  const { header, rows } = table.csv();
  return { filename: `${filename}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(header, rows, context.format) };
}
