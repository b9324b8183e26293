import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, liveSessions, proposals } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { participantNameOf } from "../auth/participant-profiles.server";
import { authorize } from "../auth/permissions";
import { limitContribution } from "../auth/rate-limit.server";
import { staffNameOf } from "../auth/staff-names.server";
import { resolveCatalogueRefs, planIdOf, measureSummaries } from "../catalogue/summaries.server";
import { getConference } from "../conferences/conferences.server";
import { authorizeConference } from "../conferences/team.server";
import { DomainError, parseInput, notFound } from "../errors";
import type { LiveDeps } from "./events";
import { proposable } from "./rules";
import { moderateProposalSchema, submitProposalSchema, uuid } from "./schemas";
import { translateLater } from "./machine-translations.server";
import { withProposalTranslations } from "./translations.server";
import type { ProposalView } from "./views";

type Reader = Pick<Db, "select">;

export async function loadProposals(db: Reader, where: SQL): Promise<ProposalView[]> {
  const rows = await db
    .select({ proposal: proposals, authorName: participantNameOf(proposals.participantId), hiddenByName: staffNameOf(proposals.hiddenBy) })
    .from(proposals)
    .where(where)
    .orderBy(desc(proposals.createdAt))
    .limit(500);
  const measures = await measureSummaries(db, rows.flatMap((r) => (r.proposal.measureId ? [r.proposal.measureId] : [])));
  const views = rows.map(({ proposal: p, authorName, hiddenByName }) => ({
    id: p.id,
    agendaItemId: p.agendaItemId,
    kind: p.kind,
    measureCode: p.measureId ? (measures.get(p.measureId)?.code ?? null) : null,
    title: p.title,
    body: p.body,
    language: p.language,
    authorName: authorName ?? null,
    createdAt: p.createdAt.toISOString(),
    hidden: p.hiddenAt ? { reason: p.hiddenReason ?? "", at: p.hiddenAt.toISOString(), by: hiddenByName ?? null } : null,
    mergedIntoId: p.mergedIntoId,
  }));
  return withProposalTranslations(db, views);
}

/**
 * A participant's idea: a new measure, or a change to a measure of the conference's plan.
 * Re-sent with the same clientId, it is stored once.
 */
export async function submitProposal(deps: LiveDeps, actor: Actor, input: unknown): Promise<ProposalView> {
  authorize(actor, "proposal.write");
  if (actor.kind !== "participant") throw new DomainError("forbidden", "live:error.notInConference");
  const data = parseInput(submitProposalSchema, input);
  const { id, duplicate } = await deps.db.transaction(async (tx) => {
    const [session] = await tx.select().from(liveSessions).where(eq(liveSessions.id, data.liveSessionId));
    if (!session) throw notFound();
    if (session.conferenceId !== actor.conferenceId) throw new DomainError("forbidden", "live:error.notInConference");
    if (!proposable(session)) throw new DomainError("conflict", "live:error.sessionClosed");
    if (data.agendaItemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, data.agendaItemId), eq(agendaItems.liveSessionId, session.id)));
      if (!item) throw notFound();
    }
    let measureId: string | null = null;
    if (data.kind === "change_measure") {
      const conference = (await getConference(tx, session.conferenceId))!;
      const planId = (await planIdOf(tx, conference.planSlug))!;
      const refs = await resolveCatalogueRefs(tx, planId, { measureCodes: [data.measureCode ?? ""], clusterKeys: [] });
      measureId = refs.measures.get((data.measureCode ?? "").toLowerCase()) ?? null;
      if (!measureId) {
        throw new DomainError("invalid", "live:error.unknownCatalogueEntry", { measureCode: "common:validation.invalidValue" });
      }
    }
    const [row] = await tx
      .insert(proposals)
      .values({
        conferenceId: session.conferenceId,
        agendaItemId: data.agendaItemId ?? null,
        participantId: actor.participantId,
        kind: data.kind,
        measureId,
        title: data.title,
        body: data.body,
        language: actor.language,
        clientId: data.clientId ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: proposals.id });
    if (row) {
      await limitContribution(tx, actor.participantId, session.id);
      return { id: row.id, duplicate: false };
    }
    const [earlier] = await tx
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.participantId, actor.participantId), eq(proposals.clientId, data.clientId!)));
    return { id: earlier!.id, duplicate: true };
  });
  const [proposal] = await loadProposals(deps.db, eq(proposals.id, id));
  if (!duplicate) {
    deps.publish({ type: "proposal.added", liveSessionId: data.liveSessionId, audience: "moderators", proposal: proposal! });
    translateLater(deps, { kind: "proposal", id, liveSessionId: data.liveSessionId, from: proposal!.language, text: proposal!.body, title: proposal!.title });
  }
  return proposal!;
}

/**
 * Hide, unhide or merge a proposal, in one transaction: the session is locked against closing,
 * then the proposals (in id order, so two merges cannot deadlock), and every check reads them
 * under those locks.
 */
export async function moderateProposal(
  deps: LiveDeps,
  actor: Actor,
  input: unknown,
  liveSessionId: string,
): Promise<ProposalView> {
  authorize(actor, "comment.hide");
  const data = parseInput(moderateProposalSchema, input);
  if (!uuid.safeParse(liveSessionId).success) throw notFound();
  const ids = data.action === "merge" ? [data.proposalId, data.intoProposalId] : [data.proposalId];
  if (new Set(ids).size !== ids.length) throw notFound();
  await deps.db.transaction(async (tx) => {
    const [session] = await tx
      .select({ conferenceId: liveSessions.conferenceId })
      .from(liveSessions)
      .where(eq(liveSessions.id, liveSessionId))
      .for("share");
    const rows = await tx.select().from(proposals).where(inArray(proposals.id, ids)).orderBy(proposals.id).for("update");
    const [existing, target] = ids.map((id) => rows.find((row) => row.id === id));
    // The change is published to this session's moderators, so the proposals must be of its conference.
    if (!session || rows.length !== ids.length || rows.some((row) => row.conferenceId !== session.conferenceId)) throw notFound();
    await authorizeConference(tx, actor, "comment.hide", session.conferenceId);
    // Merged once, into a proposal that is itself not merged: no chain, and never a loop.
    if (data.action === "merge" && (existing!.mergedIntoId || target!.mergedIntoId)) {
      throw new DomainError("conflict", "live:error.alreadyMerged");
    }
    const changes =
      data.action === "hide"
        ? { hiddenAt: sql`now()`, hiddenBy: actor.kind === "staff" ? actor.userId : null, hiddenReason: data.reason }
        : data.action === "unhide"
          ? { hiddenAt: null, hiddenBy: null, hiddenReason: null }
          : { mergedIntoId: data.intoProposalId };
    await tx.update(proposals).set(changes).where(eq(proposals.id, data.proposalId));
  });
  const [proposal] = await loadProposals(deps.db, eq(proposals.id, data.proposalId));
  deps.publish({ type: "proposal.updated", liveSessionId, audience: "moderators", proposal: proposal! });
  return proposal!;
}
