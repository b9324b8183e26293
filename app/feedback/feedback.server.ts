import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { conferenceRefs, getConference, type ConferenceView } from "../conferences/conferences.server";
import { DomainError, parseInput } from "../errors";
import { languages } from "../i18n/config";
import { commentsOf, liveSessionsOf, proposalsOf } from "../live/inputs.server";
import type { CommentView, ProposalView } from "../live/views";
import { sessionResults, type ResultsOptions, type SessionResults } from "../results/aggregate.server";
import type { Reader } from "../results/answers.server";
import { loadDecisions, reasonFor, standing, type DecisionView } from "../decisions/views.server";

/** A decision as participants read it: the reason in their language where the planner wrote one. */
export type Outcome = Omit<DecisionView, "reasons" | "subject"> & { reason: ReturnType<typeof reasonFor> };

export type ProposalFeedback = Pick<ProposalView, "id" | "kind" | "measureCode" | "title" | "body" | "language" | "createdAt"> & {
  /** A duplicate the moderators merged shares the decision of the proposal it was merged into. */
  mergedIntoTitle: string | null;
  decision: Outcome | null;
};

export type ConferenceFeedback = {
  conference: ConferenceView;
  /** The frozen results of each closed session, each item with the decision on it. */
  sessions: (SessionResults & { decisions: Record<string, Outcome> })[];
  proposals: ProposalFeedback[];
  /** Comments a planner answered. */
  comments: (Pick<CommentView, "id" | "agendaItemId" | "body" | "language" | "createdAt"> & { decision: Outcome })[];
};

const feedbackInput = z.object({ conferenceId: z.string().uuid(), language: z.enum(languages) });
const notFound = () => new DomainError("not_found", "common:error.notFoundText");

export function outcomeFor(view: DecisionView, language: string, planLanguage: string): Outcome {
  const { reasons: _r, subject: _s, ...rest } = view;
  return { ...rest, reason: reasonFor(view, language, planLanguage) };
}

/** What became of a conference's input, public once its sessions are closed. */
export async function conferenceFeedback(db: Reader, actor: Actor, input: unknown, options: ResultsOptions = {}): Promise<ConferenceFeedback> {
  authorize(actor, "catalogue.read");
  const { conferenceId, language } = parseInput(feedbackInput, input);
  const conference = await getConference(db, conferenceId);
  if (!conference) throw notFound();
  const planLanguage = (await conferenceRefs(db, [conferenceId])).get(conferenceId)!.plan.language;
  const closed = await liveSessionsOf(db, conferenceId, { closedOnly: true, order: "closedAt" });
  const sessions = await Promise.all(closed.map((s) => sessionResults(db, actor, { liveSessionId: s.id }, options)));
  const itemIds = sessions.flatMap((s) => s.items.map((i) => i.item.id));
  const proposalList = (await proposalsOf(db, { conferenceId, withHidden: false })).reverse();
  const commentList = await commentsOf(db, { agendaItemIds: itemIds }, { withHidden: false, limit: 5000 });
  const answers = standing(
    await loadDecisions(db, {
      proposalIds: proposalList.map((p) => p.mergedIntoId ?? p.id),
      agendaItemIds: itemIds,
      commentIds: commentList.map((c) => c.id),
    }),
  );
  const outcome = (id: string) => {
    const view = answers.get(id);
    return view ? outcomeFor(view, language, planLanguage) : null;
  };
  const titles = new Map(proposalList.map((p) => [p.id, p.title]));
  return {
    conference,
    sessions: sessions.map((s) => ({
      ...s,
      decisions: Object.fromEntries(s.items.flatMap((i) => (answers.has(i.item.id) ? [[i.item.id, outcome(i.item.id)!]] : []))),
    })),
    proposals: proposalList.map((p) => ({
      id: p.id,
      kind: p.kind,
      measureCode: p.measureCode,
      title: p.title,
      body: p.body,
      language: p.language,
      createdAt: p.createdAt,
      mergedIntoTitle: p.mergedIntoId ? (titles.get(p.mergedIntoId) ?? null) : null,
      decision: outcome(p.mergedIntoId ?? p.id),
    })),
    comments: commentList.flatMap((c) => {
      const decision = outcome(c.id);
      return decision ? [{ id: c.id, agendaItemId: c.agendaItemId, body: c.body, language: c.language, createdAt: c.createdAt, decision }] : [];
    }),
  };
}
