import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { decisions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { measureSummaries, planIdOf } from "../catalogue/summaries.server";
import { conferencesOfPlan } from "../conferences/conferences.server";
import { DomainError, parseInput } from "../errors";
import { flaggedComments, itemPlaces, openProposals, votedMeasureItems } from "../live/inputs.server";
import { frozenResults } from "../results/frozen.server";
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

/** The plan's inputs a decision answered: finally (anything but deferred), or deferred only. */
async function answeredInputs(db: Reader, planId: string) {
  const rows = await db
    .select({ proposalId: decisions.proposalId, agendaItemId: decisions.agendaItemId, commentId: decisions.commentId, outcome: decisions.outcome })
    .from(decisions)
    .where(eq(decisions.planId, planId));
  const final = new Set<string>();
  const deferred = new Set<string>();
  for (const row of rows) {
    const id = (row.proposalId ?? row.agendaItemId ?? row.commentId)!;
    (row.outcome === "deferred" ? deferred : final).add(id);
  }
  return { final: [...final], deferred };
}

/** Most dots first, items without dots last; equal shares by measure code. */
const byDots = (a: { share: number | null; code: string }, b: { share: number | null; code: string }) =>
  (b.share ?? -Infinity) - (a.share ?? -Infinity) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export async function inbox(db: Reader, actor: Actor, input: unknown): Promise<Inbox> {
  authorize(actor, "decision.write");
  const { planSlug } = parseInput(inboxInput, input);
  const planId = await planIdOf(db, planSlug);
  if (!planId) throw new DomainError("not_found", "common:error.notFoundText");
  // An input is open while no final decision answers it.
  const [conferenceList, answered] = await Promise.all([conferencesOfPlan(db, planId), answeredInputs(db, planId)]);
  const conferenceIds = conferenceList.map((c) => c.id);
  const conferenceOf = new Map(conferenceList.map((c) => [c.id, c]));
  const [proposalRows, itemRows, commentRows] = await Promise.all([
    openProposals(db, conferenceIds, answered.final),
    votedMeasureItems(db, conferenceIds, answered.final),
    flaggedComments(db, conferenceIds, answered.final),
  ]);
  const [frozen, commentItems] = await Promise.all([
    frozenResults(db, itemRows.map((i) => i.id)),
    itemPlaces(db, commentRows.map((c) => c.agendaItemId)),
  ]);
  const measureIds = [...proposalRows.map((p) => p.measureId), ...itemRows.map((i) => i.measureId), ...[...commentItems.values()].map((i) => i.measureId)];
  const measureOf = await measureSummaries(db, [...new Set(measureIds.flatMap((id) => (id ? [id] : [])))]);
  const measure = (id: string | null) => {
    const found = id ? measureOf.get(id) : undefined;
    return found ? { code: found.code, title: found.title } : null;
  };

  // Only a result frozen when its session closed is one to decide.
  const results = itemRows.flatMap((item) => {
    const result = frozen.get(item.id);
    return result ? [{ item, result, measure: measure(item.measureId)! }] : [];
  });
  results.sort((a, b) => byDots({ share: a.result.dots?.share ?? null, code: a.measure.code }, { share: b.result.dots?.share ?? null, code: b.measure.code }));

  return {
    proposals: proposalRows.map((p) => ({
      id: p.id,
      conference: conferenceOf.get(p.conferenceId)!,
      kind: p.kind,
      measure: measure(p.measureId),
      title: p.title,
      body: p.body,
      language: p.language,
      createdAt: p.createdAt.toISOString(),
      deferred: answered.deferred.has(p.id),
    })),
    results: results.map(({ item, result, measure }) => ({
      agendaItemId: item.id,
      conference: conferenceOf.get(item.conferenceId)!,
      liveSession: { id: item.liveSession.id, title: item.liveSession.title },
      measure,
      deferred: answered.deferred.has(item.id),
      voterCount: result.voterCount,
      dots: result.dots ? { total: result.dots.total, share: result.dots.share } : null,
    })),
    comments: commentRows.map((c) => {
      const item = commentItems.get(c.agendaItemId)!;
      return {
        id: c.id,
        agendaItemId: c.agendaItemId,
        conference: conferenceOf.get(c.conferenceId)!,
        about: measure(item.measureId) ?? { question: item.question },
        body: c.body,
        language: c.language,
        supportCount: c.supportCount,
        createdAt: c.createdAt.toISOString(),
        deferred: answered.deferred.has(c.id),
      };
    }),
  };
}
