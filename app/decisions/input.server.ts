import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import {
  agendaItems,
  clusters,
  commentSupports,
  comments,
  conferences,
  decisions,
  liveSessions,
  measures,
  participants,
  plans,
  proposals,
  resultSnapshots,
  sections,
} from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError, parseInput } from "../errors";
import type { ItemResult } from "../live/views";
import { loadDecisions, type DecisionView } from "./views.server";

type Reader = Pick<Db, "select">;

const inputKinds = ["proposal", "result", "comment"] as const;
export type InputKind = (typeof inputKinds)[number];

type MeasureRef = { code: string; title: string };
/** Where in the catalogue an input arose: the section and focus theme of the agenda item it was made on. */
export type CataloguePlace = { sectionKey: string | null; clusterKey: string | null };
type Context = {
  id: string;
  plan: { slug: string; title: string; language: string };
  conference: { id: string; title: string };
  /** Newest first; the first one is the decision that stands. */
  decisions: DecisionView[];
};

/** One input as the planner's decide page shows it, with every decision taken on it so far. */
export type DecisionInput = Context &
  (
    | {
        kind: "proposal";
        proposal: {
          kind: "new_measure" | "change_measure";
          title: string;
          body: string;
          language: string;
          authorGroup: string | null;
          measure: MeasureRef | null;
          hidden: boolean;
        };
        place: CataloguePlace;
      }
    | {
        kind: "result";
        liveSession: { id: string; title: string; closed: boolean };
        measure: MeasureRef;
        /** The frozen result; null while the session runs (it cannot be decided yet). */
        result: ItemResult | null;
      }
    | {
        kind: "comment";
        comment: { body: string; language: string; supportCount: number; authorGroup: string | null; hidden: boolean };
        about: MeasureRef | { question: string | null };
        place: CataloguePlace;
      }
  );

const inputRef = z.object({ kind: z.enum(inputKinds), id: z.string().uuid() });
const notFound = () => new DomainError("not_found", "common:error.notFoundText");
const planColumns = { slug: plans.slug, title: plans.title, language: plans.language };
const conferenceColumns = { id: conferences.id, title: conferences.title };

/**
 * A proposal, a prioritised measure's result (by its agenda item) or a comment, with where it came
 * from. The inbox lists open inputs only; this also reads decided ones, so the page can show what
 * was decided after the planner sent the form.
 */
export async function decisionInput(db: Reader, actor: Actor, input: unknown): Promise<DecisionInput> {
  authorize(actor, "decision.write");
  const { kind, id } = parseInput(inputRef, input);
  if (kind === "proposal") {
    const [row] = await db
      .select({
        proposal: proposals,
        plan: planColumns,
        conference: conferenceColumns,
        measure: { code: measures.code, title: measures.title },
        group: participants.group,
      })
      .from(proposals)
      .innerJoin(conferences, eq(conferences.id, proposals.conferenceId))
      .innerJoin(plans, eq(plans.id, conferences.planId))
      .leftJoin(measures, eq(measures.id, proposals.measureId))
      .leftJoin(participants, eq(participants.id, proposals.participantId))
      .where(eq(proposals.id, id));
    if (!row) throw notFound();
    const p = row.proposal;
    return {
      kind,
      id,
      plan: row.plan,
      conference: row.conference,
      decisions: await loadDecisions(db, { proposalIds: [id] }),
      proposal: {
        kind: p.kind,
        title: p.title,
        body: p.body,
        language: p.language,
        authorGroup: row.group,
        measure: row.measure?.code ? row.measure : null,
        hidden: p.hiddenAt !== null,
      },
      place: await placeOf(db, p.agendaItemId),
    };
  }
  if (kind === "result") {
    const [row] = await db
      .select({
        plan: planColumns,
        conference: conferenceColumns,
        liveSession: { id: liveSessions.id, title: liveSessions.title, status: liveSessions.status },
        measure: { code: measures.code, title: measures.title },
        data: resultSnapshots.data,
      })
      .from(agendaItems)
      .innerJoin(measures, eq(measures.id, agendaItems.measureId))
      .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
      .innerJoin(conferences, eq(conferences.id, liveSessions.conferenceId))
      .innerJoin(plans, eq(plans.id, conferences.planId))
      .leftJoin(resultSnapshots, eq(resultSnapshots.agendaItemId, agendaItems.id))
      .where(eq(agendaItems.id, id));
    if (!row) throw notFound();
    const { status, ...liveSession } = row.liveSession;
    return {
      kind,
      id,
      plan: row.plan,
      conference: row.conference,
      decisions: await loadDecisions(db, { agendaItemIds: [id] }),
      liveSession: { ...liveSession, closed: status === "closed" },
      measure: row.measure,
      result: (row.data as ItemResult | null) ?? null,
    };
  }
  const [row] = await db
    .select({
      comment: comments,
      plan: planColumns,
      conference: conferenceColumns,
      measure: { code: measures.code, title: measures.title },
      question: agendaItems.question,
      group: participants.group,
      supportCount: sql<number>`(select count(*) from ${commentSupports} where ${commentSupports.commentId} = ${comments.id})::int`,
    })
    .from(comments)
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .leftJoin(measures, eq(measures.id, agendaItems.measureId))
    .innerJoin(liveSessions, eq(liveSessions.id, agendaItems.liveSessionId))
    .innerJoin(conferences, eq(conferences.id, liveSessions.conferenceId))
    .innerJoin(plans, eq(plans.id, conferences.planId))
    .leftJoin(participants, eq(participants.id, comments.participantId))
    .where(eq(comments.id, id));
  if (!row) throw notFound();
  return {
    kind,
    id,
    plan: row.plan,
    conference: row.conference,
    decisions: await loadDecisions(db, { commentIds: [id] }),
    comment: {
      body: row.comment.body,
      language: row.comment.language,
      supportCount: Number(row.supportCount),
      authorGroup: row.group,
      hidden: row.comment.hiddenAt !== null,
    },
    about: row.measure?.code ? row.measure : { question: row.question },
    place: await placeOf(db, row.comment.agendaItemId),
  };
}

/** A measure's item gives its section and focus theme; a focus theme's item the theme alone. */
async function placeOf(db: Reader, agendaItemId: string | null): Promise<CataloguePlace> {
  if (!agendaItemId) return { sectionKey: null, clusterKey: null };
  const [row] = await db
    .select({ sectionKey: sections.key, clusterKey: clusters.key })
    .from(agendaItems)
    .leftJoin(measures, eq(measures.id, agendaItems.measureId))
    .leftJoin(sections, eq(sections.id, measures.sectionId))
    .leftJoin(clusters, sql`${clusters.id} = coalesce(${agendaItems.clusterId}, ${measures.clusterId})`)
    .where(eq(agendaItems.id, agendaItemId));
  return { sectionKey: row?.sectionKey ?? null, clusterKey: row?.clusterKey ?? null };
}

/** The participant group each proposal's author gave when joining (null: not stated, or a moderator's). */
export async function authorGroups(db: Reader, proposalIds: string[]): Promise<Record<string, string | null>> {
  if (proposalIds.length === 0) return {};
  const rows = await db
    .select({ id: proposals.id, group: participants.group })
    .from(proposals)
    .leftJoin(participants, eq(participants.id, proposals.participantId))
    .where(inArray(proposals.id, proposalIds));
  return Object.fromEntries(rows.map((r) => [r.id, r.group]));
}

/**
 * The language of each input a revision names (history.server.ts gives their text only), so the
 * history page can mark a participant's Arabic proposal as Arabic.
 */
export async function inputLanguages(db: Reader, decisionIds: string[]): Promise<Record<string, string>> {
  if (decisionIds.length === 0) return {};
  const rows = await db
    .select({ id: decisions.id, proposal: proposals.language, comment: comments.language })
    .from(decisions)
    .leftJoin(proposals, eq(proposals.id, decisions.proposalId))
    .leftJoin(comments, eq(comments.id, decisions.commentId))
    .where(inArray(decisions.id, decisionIds));
  return Object.fromEntries(rows.flatMap((r) => (r.proposal ?? r.comment ? [[r.id, (r.proposal ?? r.comment)!]] : [])));
}
