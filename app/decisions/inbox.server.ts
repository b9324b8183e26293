import { and, asc, eq, exists, isNull, ne, notExists, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { agendaItems, commentSupports, comments, conferences, decisions, liveSessions, measures, plans, proposals, resultSnapshots, votes } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput } from "../errors";
import type { ItemResult } from "../live/views";
import { text } from "../text";

type Reader = Pick<Db, "select">;
type Where = { conference: { id: string; title: string } };

/** Everything that still needs a planner's answer; `deferred` once a decision put it off. */
export type Inbox = {
  proposals: (Where & {
    id: string;
    kind: "new_measure" | "change_measure";
    measure: { code: string; title: string } | null;
    title: string;
    body: string;
    language: string;
    createdAt: string;
    deferred: boolean;
  })[];
  /** Measures prioritised in closed sessions, most dots first. */
  results: (Where & {
    agendaItemId: string;
    liveSession: { id: string; title: string };
    measure: { code: string; title: string };
    voterCount: number;
    dots: { total: number; share: number } | null;
    deferred: boolean;
  })[];
  /** Comments the moderators flagged as relevant for the planners. */
  comments: (Where & {
    id: string;
    agendaItemId: string;
    about: { code: string; title: string } | { question: string | null };
    body: string;
    language: string;
    supportCount: number;
    createdAt: string;
    deferred: boolean;
  })[];
};

const inboxInput = z.object({ planSlug: text({ min: 1, max: 100 }) });

/** An input is open while no final decision (anything but deferred) answers it. */
const decided = (db: Reader, column: SQL, outcome: "final" | "deferred") =>
  db
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(sql`${column}`, outcome === "final" ? ne(decisions.outcome, "deferred") : eq(decisions.outcome, "deferred")));

export async function inbox(db: Reader, actor: Actor, input: unknown): Promise<Inbox> {
  authorize(actor, "decision.write");
  const { planSlug } = parseInput(inboxInput, input);
  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.slug, planSlug));
  if (!plan) throw new DomainError("not_found", "common:error.notFoundText");
  const conference = { id: conferences.id, title: conferences.title };

  const proposalRows = await db
    .select({
      proposal: proposals,
      conference,
      measure: { code: measures.code, title: measures.title },
      deferred: sql<boolean>`${exists(decided(db, sql`${decisions.proposalId} = ${proposals.id}`, "deferred"))}`,
    })
    .from(proposals)
    .innerJoin(conferences, eq(conferences.id, proposals.conferenceId))
    .leftJoin(measures, eq(measures.id, proposals.measureId))
    .where(
      and(
        eq(conferences.planId, plan.id),
        isNull(proposals.hiddenAt),
        // A duplicate the moderator merged follows the proposal it was merged into.
        isNull(proposals.mergedIntoId),
        notExists(decided(db, sql`${decisions.proposalId} = ${proposals.id}`, "final")),
      ),
    )
    .orderBy(asc(proposals.createdAt));

  const resultRows = await db
    .select({
      agendaItemId: agendaItems.id,
      conference,
      liveSession: { id: liveSessions.id, title: liveSessions.title },
      measure: { code: measures.code, title: measures.title },
      data: resultSnapshots.data,
      deferred: sql<boolean>`${exists(decided(db, sql`${decisions.agendaItemId} = ${agendaItems.id}`, "deferred"))}`,
    })
    .from(agendaItems)
    .innerJoin(measures, eq(measures.id, agendaItems.measureId))
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(conferences, eq(conferences.id, liveSessions.conferenceId))
    .innerJoin(resultSnapshots, eq(resultSnapshots.agendaItemId, agendaItems.id))
    .where(
      and(
        eq(conferences.planId, plan.id),
        eq(liveSessions.status, "closed"),
        exists(db.select({ id: votes.id }).from(votes).where(eq(votes.agendaItemId, agendaItems.id))),
        notExists(decided(db, sql`${decisions.agendaItemId} = ${agendaItems.id}`, "final")),
      ),
    )
    .orderBy(sql`(${resultSnapshots.data}->'dots'->>'share')::numeric desc nulls last`, asc(measures.code));

  const commentRows = await db
    .select({
      comment: comments,
      conference,
      measure: { code: measures.code, title: measures.title },
      question: agendaItems.question,
      supportCount: sql<number>`(select count(*) from ${commentSupports} where ${commentSupports.commentId} = ${comments.id})::int`,
      deferred: sql<boolean>`${exists(decided(db, sql`${decisions.commentId} = ${comments.id}`, "deferred"))}`,
    })
    .from(comments)
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .leftJoin(measures, eq(measures.id, agendaItems.measureId))
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(conferences, eq(conferences.id, liveSessions.conferenceId))
    .where(
      and(
        eq(conferences.planId, plan.id),
        eq(comments.flaggedRelevant, true),
        isNull(comments.hiddenAt),
        isNull(comments.mergedIntoId),
        notExists(decided(db, sql`${decisions.commentId} = ${comments.id}`, "final")),
      ),
    )
    .orderBy(asc(comments.createdAt));

  return {
    proposals: proposalRows.map(({ proposal: p, conference, measure, deferred }) => ({
      id: p.id,
      conference,
      kind: p.kind,
      measure: measure?.code ? measure : null,
      title: p.title,
      body: p.body,
      language: p.language,
      createdAt: p.createdAt.toISOString(),
      deferred,
    })),
    results: resultRows.map(({ data, ...row }) => {
      const result = data as ItemResult;
      return { ...row, voterCount: result.voterCount, dots: result.dots ? { total: result.dots.total, share: result.dots.share } : null };
    }),
    comments: commentRows.map(({ comment: c, conference, measure, question, supportCount, deferred }) => ({
      id: c.id,
      agendaItemId: c.agendaItemId,
      conference,
      about: measure?.code ? measure : { question },
      body: c.body,
      language: c.language,
      supportCount: Number(supportCount),
      createdAt: c.createdAt.toISOString(),
      deferred,
    })),
  };
}
