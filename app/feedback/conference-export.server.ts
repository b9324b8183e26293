import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { comments, conferences, liveSessions, measures, proposals } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/permissions";
import type { ExportFile } from "../files.server";
import { maySteerConference } from "../conferences/team.server";
import { csvFormatOf, toCsv } from "../csv";
import { DomainError, parseInput } from "../errors";
import { fallbackLanguage, languages } from "../i18n/config";
import { loadComments } from "../live/comments.server";
import { loadItems } from "../live/items.server";
import { loadProposals } from "../live/proposals.server";
import { sessionResults } from "../results/aggregate.server";
import type { Reader } from "../results/answers.server";
import { loadDecisions, standing } from "../decisions/views.server";
import { breakdownsTable, commentsTable, decisionsTable, proposalsTable, resultsTable, type CsvTable, type ExportContext } from "./export-tables.server";

const exportInput = z.object({
  conferenceId: z.string().uuid(),
  dataset: z.enum(["results", "breakdowns", "proposals", "comments", "decisions"]),
  format: z.enum(["json", "csv"]),
  /** The reader's language: the CSV's headings and words, its separator and decimal mark. */
  language: z.enum(languages).default(fallbackLanguage),
});

/**
 * A conference's results, breakdowns, proposals, comments or decisions for download. Its team
 * gets every session; everybody else what the public feedback page shows: closed sessions only,
 * and nothing a moderator hid. Nobody gets who wrote what.
 */
export async function exportConference(db: Reader, actor: Actor, input: unknown): Promise<ExportFile> {
  authorize(actor, "catalogue.read");
  const { conferenceId, dataset, format, language } = parseInput(exportInput, input);
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
  if (!conference) throw new DomainError("not_found", "common:error.notFoundText");
  // Staff of another conference's team get what the public gets.
  const team = await maySteerConference(db, actor, conferenceId);
  const staff = team && can(actor, "results.view");
  const withHidden = team && can(actor, "comment.hide");
  const sessions = await db
    .select({ id: liveSessions.id })
    .from(liveSessions)
    .where(and(eq(liveSessions.conferenceId, conferenceId), staff ? undefined : eq(liveSessions.status, "closed")))
    .orderBy(asc(liveSessions.startedAt));
  const sessionIds = sessions.map((s) => s.id);
  const items = (await Promise.all(sessionIds.map((id) => loadItems(db, id)))).flat();
  const itemIds = items.map((i) => i.id);
  const measureTitles = new Map(
    (await db.select({ code: measures.code, title: measures.title }).from(measures).where(eq(measures.planId, conference.planId))).map((m) => [m.code, m.title]),
  );
  const context: ExportContext = {
    format: csvFormatOf(language),
    measureName: (code) => (code === null ? null : `${code} ${measureTitles.get(code) ?? ""}`.trim()),
  };

  const table = await (async (): Promise<{ json: unknown; csv: () => CsvTable }> => {
    if (dataset === "results" || dataset === "breakdowns") {
      const results = await Promise.all(sessionIds.map((id) => sessionResults(db, actor, { liveSessionId: id })));
      return { json: results, csv: () => (dataset === "results" ? resultsTable : breakdownsTable)(results, context) };
    }
    if (dataset === "proposals") {
      const where: SQL = and(eq(proposals.conferenceId, conferenceId), withHidden ? undefined : isNull(proposals.hiddenAt))!;
      const list = (await loadProposals(db, where)).reverse().map(({ authorName: _a, ...p }) => p);
      const decided = standing(await loadDecisions(db, { proposalIds: list.map((p) => p.id) }));
      const json = list.map((p) => ({ ...p, decision: decided.get(p.id)?.outcome ?? null }));
      return { json, csv: () => proposalsTable(json, context) };
    }
    if (dataset === "comments") {
      const list = itemIds.length
        ? (await loadComments(db, inArray(comments.agendaItemId, itemIds), { withHidden, limit: 100_000 })).reverse().map(({ authorName: _a, ...c }) => c)
        : [];
      const decided = standing(await loadDecisions(db, { commentIds: list.map((c) => c.id) }));
      const json = list.map((c) => ({ ...c, decision: decided.get(c.id)?.outcome ?? null }));
      const about = new Map(items.map((i) => [i.id, i.measure ? `${i.measure.code} ${i.measure.title}` : (i.cluster?.title ?? i.question)]));
      return { json, csv: () => commentsTable(json, about, context) };
    }
    const [proposalIds, commentIds] = await Promise.all([
      db.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.conferenceId, conferenceId), withHidden ? undefined : isNull(proposals.hiddenAt))),
      itemIds.length
        ? db.select({ id: comments.id }).from(comments).where(and(inArray(comments.agendaItemId, itemIds), withHidden ? undefined : isNull(comments.hiddenAt)))
        : Promise.resolve([]),
    ]);
    const list = await loadDecisions(db, { proposalIds: proposalIds.map((p) => p.id), agendaItemIds: itemIds, commentIds: commentIds.map((c) => c.id) });
    return { json: list, csv: () => decisionsTable(list, context) };
  })();

  const filename = `${dataset}-${conference.title.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || conference.id}`;
  if (format === "json") {
    return { filename: `${filename}.json`, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(table.json, null, 2)}\n` };
  }
  const { header, rows } = table.csv();
  return { filename: `${filename}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(header, rows, context.format) };
}
