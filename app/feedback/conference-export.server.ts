import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { comments, conferences, liveSessions, proposals } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/permissions";
import type { ExportFile } from "../files.server";
import { maySteerConference } from "../conferences/team.server";
import { toCsv, type CsvValue } from "../csv";
import { DomainError, parseInput } from "../errors";
import { languages } from "../i18n/config";
import { loadComments } from "../live/comments.server";
import { loadItems } from "../live/items.server";
import { loadProposals } from "../live/proposals.server";
import { resultsOf, type ItemResults, type SessionResults } from "../results/aggregate.server";
import type { Reader } from "../results/answers.server";
import { loadDecisions, standing, type DecisionView } from "../decisions/views.server";

const exportInput = z.object({
  conferenceId: z.string().uuid(),
  dataset: z.enum(["results", "proposals", "comments", "decisions"]),
  format: z.enum(["json", "csv"]),
});

/**
 * A conference's results, proposals, comments or decisions for download. Its team gets every
 * session; everybody else what the public feedback page shows: closed sessions only, and
 * nothing a moderator hid. Nobody gets who wrote what.
 */
export async function exportConference(db: Reader, actor: Actor, input: unknown): Promise<ExportFile> {
  authorize(actor, "catalogue.read");
  const { conferenceId, dataset, format } = parseInput(exportInput, input);
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
  const itemIds = (await Promise.all(sessionIds.map((id) => loadItems(db, id)))).flat().map((i) => i.id);

  const table = await (async (): Promise<{ json: unknown; header: string[]; rows: CsvValue[][] }> => {
    if (dataset === "results") {
      const results = await Promise.all(sessionIds.map((id) => resultsOf(db, id, null, {})));
      return { json: results, header: resultColumns, rows: results.flatMap(resultRows) };
    }
    if (dataset === "proposals") {
      const where: SQL = and(eq(proposals.conferenceId, conferenceId), withHidden ? undefined : isNull(proposals.hiddenAt))!;
      const list = (await loadProposals(db, where)).reverse().map(({ authorName: _a, ...p }) => p);
      const decided = standing(await loadDecisions(db, { proposalIds: list.map((p) => p.id) }));
      const json = list.map((p) => ({ ...p, decision: decided.get(p.id)?.outcome ?? null }));
      return {
        json,
        header: ["id", "kind", "measureCode", "title", "body", "language", "createdAt", "hiddenReason", "mergedIntoId", "decision"],
        rows: json.map((p) => [p.id, p.kind, p.measureCode, p.title, p.body, p.language, p.createdAt, p.hidden?.reason ?? null, p.mergedIntoId, p.decision]),
      };
    }
    if (dataset === "comments") {
      const list = itemIds.length
        ? (await loadComments(db, inArray(comments.agendaItemId, itemIds), { withHidden, limit: 100_000 })).reverse().map(({ authorName: _a, ...c }) => c)
        : [];
      const decided = standing(await loadDecisions(db, { commentIds: list.map((c) => c.id) }));
      const json = list.map((c) => ({ ...c, decision: decided.get(c.id)?.outcome ?? null }));
      return {
        json,
        header: ["id", "agendaItemId", "parentId", "body", "language", "createdAt", "byStaff", "supportCount", "pinned", "flaggedRelevant", "hiddenReason", "mergedIntoId", "decision"],
        rows: json.map((c) => [c.id, c.agendaItemId, c.parentId, c.body, c.language, c.createdAt, c.byStaff, c.supportCount, c.pinned, c.flaggedRelevant, c.hidden?.reason ?? null, c.mergedIntoId, c.decision]),
      };
    }
    const [proposalIds, commentIds] = await Promise.all([
      db.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.conferenceId, conferenceId), withHidden ? undefined : isNull(proposals.hiddenAt))),
      itemIds.length
        ? db.select({ id: comments.id }).from(comments).where(and(inArray(comments.agendaItemId, itemIds), withHidden ? undefined : isNull(comments.hiddenAt)))
        : Promise.resolve([]),
    ]);
    const list = await loadDecisions(db, { proposalIds: proposalIds.map((p) => p.id), agendaItemIds: itemIds, commentIds: commentIds.map((c) => c.id) });
    return {
      json: list,
      header: ["id", "inputKind", "inputId", "outcome", "decidedAt", "measureCode", "mergedInto", "revision", ...languages.map((l) => `reason_${l}`)],
      rows: list.map((d) => decisionRow(d)),
    };
  })();

  const filename = `${dataset}-${conference.title.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || conference.id}`;
  return format === "json"
    ? { filename: `${filename}.json`, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(table.json, null, 2)}\n` }
    : { filename: `${filename}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(table.header, table.rows) };
}

function decisionRow(d: DecisionView): CsvValue[] {
  const into = d.mergedInto ? (d.mergedInto.kind === "measure" ? d.mergedInto.code : d.mergedInto.title) : null;
  return [
    d.id,
    d.subject.kind,
    d.subject.id,
    d.outcome,
    d.decidedAt,
    d.measure?.code ?? null,
    into,
    d.revision,
    ...languages.map((l) => d.reasons.find((r) => r.language === l)?.text ?? null),
  ];
}

/** Results in long form: one row per figure, so items with different questions share the columns. */
const resultColumns = ["liveSession", "position", "item", "title", "figure", "criterion", "dimension", "segment", "participants", "count", "total", "paper", "share", "mean", "median", "shareAtLeast7", "consensus", "points", "firstPlaces", "suppressed"];

function resultRows(session: SessionResults): CsvValue[][] {
  return session.items.flatMap((entry) => itemRows(session.liveSession.title, entry));
}

function itemRows(sessionTitle: string, { item, result, consensus, breakdowns }: ItemResults): CsvValue[][] {
  const label = item.measure?.code ?? item.cluster?.key ?? null;
  const title = item.measure?.title ?? item.cluster?.title ?? item.question;
  const row = (figure: string, values: Partial<Record<(typeof resultColumns)[number], CsvValue>>) =>
    resultColumns.map((column) => ({ liveSession: sessionTitle, position: item.position + 1, item: label, title, figure, ...values })[column] ?? null);
  const rows = [row("voters", { count: result.voterCount }), row("comments", { count: result.commentCount })];
  if (result.dots) rows.push(row("dots", { total: result.dots.total, paper: result.dots.paper, share: result.dots.share }));
  if (result.scale) {
    const { count, mean, median, shareAtLeast7 } = result.scale;
    rows.push(row("scale", { count, mean, median, shareAtLeast7, consensus: consensus.scale?.value }));
  }
  for (const { criterion, summary } of result.rating ?? []) {
    const agreement = consensus.rating.find((c) => c.criterion === criterion)?.consensus?.value;
    rows.push(row("rating", { criterion, count: summary.count, mean: summary.mean, median: summary.median, consensus: agreement }));
  }
  for (const { code, points, firstPlaces } of result.ranking ?? []) rows.push(row("ranking", { criterion: code, points, firstPlaces }));
  for (const b of breakdowns) {
    for (const cell of b.cells) {
      const shown = cell.suppressed ? {} : { participants: cell.participants, [b.kind === "dots" ? "total" : "mean"]: cell.value, shareAtLeast7: cell.shareAtLeast7 };
      // The suppressed row has no segment: which small groups it holds is itself withheld.
      const segment = cell.suppressed ? null : (cell.key ?? "");
      rows.push(row(b.kind, { criterion: b.criterion, dimension: b.dimension, segment, suppressed: cell.suppressed, ...shown }));
    }
  }
  return rows;
}
