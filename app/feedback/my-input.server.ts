import { z } from "zod";
import type { Actor } from "../auth/actor";
import { conferenceRefs, getConference, type ConferenceView } from "../conferences/conferences.server";
import { DomainError, parseInput } from "../errors";
import { languages } from "../i18n/config";
import { loadItems } from "../live/items.server";
import { commentsOf, liveSessionsOf, proposalsByIds, proposalsOf } from "../live/inputs.server";
import type { AgendaItemView, CommentView } from "../live/views";
import type { CriterionTranslations } from "../live/ui/criteria";
import { myVotes } from "../live/my-votes.server";
import type { Reader } from "../results/answers.server";
import { frozenResults } from "../results/frozen.server";
import { loadDecisions, standing } from "../decisions/views.server";
import { mergedWith, outcomeFor, readersTranslation, type Outcome, type ProposalFeedback } from "./feedback.server";
import type { MeasureName } from "../catalogue/translated";
import { namedResult, type ShownResult } from "../live/ranking-names";
import { decisionCodes, measureNamer, rankedCodes, readersQuestion } from "./measure-names.server";

/** Which agenda item an input was about, its measure and question in the reader's language where translated. */
export type About = Pick<AgendaItemView, "kind" | "question" | "questionTranslations"> & {
  measure: MeasureName | null;
  cluster: { key: string; title: string } | null;
  goal: { key: string; number: number | null; title: string } | null;
};

/** A returning participant's own input and what became of each (hidden ones with the moderator's reason). */
export type MyInput = {
  conference: ConferenceView;
  /** The plan's language, which the conference's title and untranslated content are written in. */
  contentLanguage: string;
  /** Each with its translation into the reader's language only, as on the feedback page. */
  comments: (Pick<CommentView, "id" | "body" | "language" | "createdAt" | "supportCount" | "translations"> & {
    hidden: { reason: string; at: string } | null;
    about: About | null;
    decision: Outcome | null;
  })[];
  /** Each item the participant voted on: their answers, the frozen result once the session closed, the decision on it. */
  votes: {
    agendaItemId: string;
    liveSession: { id: string; title: string; closed: boolean };
    about: About;
    mine: { dots: number | null; ratings: Record<string, number>; scale: number | null; ranking: string[] | null };
    /** The top of the item's rating scale, when it had one. */
    ratingMax: number | null;
    /** The names its moderator gave their own criteria in other languages (decision 046). */
    criterionTranslations: CriterionTranslations;
    result: ShownResult | null;
    decision: Outcome | null;
  }[];
  proposals: (ProposalFeedback & { hidden: { reason: string; at: string } | null })[];
};

const myInputSchema = z.object({ language: z.enum(languages).optional() });

export async function myInput(db: Reader, actor: Actor, input: unknown): Promise<MyInput> {
  if (actor.kind !== "participant") {
    throw new DomainError(actor.kind === "anonymous" ? "unauthenticated" : "forbidden", "common:error.forbiddenText");
  }
  const language = parseInput(myInputSchema, input).language ?? actor.language;
  const conference = (await getConference(db, actor.conferenceId))!;
  const plan = (await conferenceRefs(db, [conference.id])).get(conference.id)!.plan;
  const sessions = await liveSessionsOf(db, conference.id, { closedOnly: false, order: "startedAt" });
  const perSession = await Promise.all(
    sessions.map(async (session) => ({ session, items: await loadItems(db, session.id), mine: await myVotes(db, actor.participantId, session.id) })),
  );
  const [commentList, proposalList] = await Promise.all([
    commentsOf(db, { participantId: actor.participantId }, { withHidden: true, limit: 1000 }),
    proposalsOf(db, { participantId: actor.participantId }),
  ]);
  const items = new Map(perSession.flatMap(({ items: list }) => list.map((i) => [i.id, i])));
  const voted = perSession.flatMap(({ session, items: list, mine }) =>
    list
      .filter((i) => mine.dotsByItem[i.id] || mine.ratings[i.id] || mine.scale[i.id] !== undefined || mine.ranking[i.id])
      .map((item) => ({ session, item, mine })),
  );
  const votedIds = voted.map((v) => v.item.id);
  const [frozen, decisionViews] = await Promise.all([
    frozenResults(db, votedIds),
    loadDecisions(db, {
      proposalIds: proposalList.map((p) => p.mergedIntoId ?? p.id),
      agendaItemIds: votedIds,
      commentIds: commentList.map((c) => c.id),
    }),
  ]);
  const answers = standing(decisionViews);
  const itemCodes = [...items.values()].flatMap((i) => (i.measure ? [i.measure.code] : []));
  const ranked = [...frozen.values()].flatMap(rankedCodes);
  const name = await measureNamer(db, plan, language, [...itemCodes, ...ranked, ...decisionCodes(answers.values())]);
  const outcome = (id: string) => {
    const view = answers.get(id);
    return view ? outcomeFor(view, language, plan.language, name) : null;
  };
  const about = (item: AgendaItemView | undefined): About | null =>
    item
      ? {
          kind: item.kind,
          question: item.question,
          questionTranslations: readersQuestion(item.questionTranslations, language),
          measure: item.measure && name(item.measure),
          cluster: item.cluster ? { key: item.cluster.key, title: item.cluster.title } : null,
          goal: item.goal ? { key: item.goal.key, number: item.goal.number, title: item.goal.title } : null,
        }
      : null;
  // A proposal the moderators merged into someone else's: name the one it follows.
  const targets = proposalList.flatMap((p) => (p.mergedIntoId ? [p.mergedIntoId] : []));
  const targetsById = new Map((await proposalsByIds(db, targets)).map((p) => [p.id, p]));

  // Participants learn why something was hidden, never which moderator hid it.
  const withoutModerator = (hidden: { reason: string; at: string } | null) => (hidden ? { reason: hidden.reason, at: hidden.at } : null);
  return {
    conference,
    contentLanguage: plan.language,
    comments: commentList.map((c) => ({
      id: c.id,
      body: c.body,
      language: c.language,
      createdAt: c.createdAt,
      supportCount: c.supportCount,
      translations: readersTranslation(c, language),
      hidden: withoutModerator(c.hidden),
      about: about(items.get(c.agendaItemId)),
      decision: outcome(c.id),
    })),
    votes: voted.map(({ session, item, mine }) => ({
      agendaItemId: item.id,
      liveSession: { id: session.id, title: session.title, closed: session.status === "closed" },
      about: about(item)!,
      mine: {
        dots: mine.dotsByItem[item.id] || null,
        ratings: mine.ratings[item.id] ?? {},
        scale: mine.scale[item.id] ?? null,
        ranking: mine.ranking[item.id] ?? null,
      },
      ratingMax: item.activities.rating?.max ?? null,
      criterionTranslations: item.activities.rating?.criterionTranslations,
      result: frozen.has(item.id) ? namedResult(frozen.get(item.id)!, name) : null,
      decision: outcome(item.id),
    })),
    proposals: proposalList.map((p) => ({
      id: p.id,
      kind: p.kind,
      measureCode: p.measureCode,
      title: p.title,
      body: p.body,
      language: p.language,
      createdAt: p.createdAt,
      translations: readersTranslation(p, language),
      hidden: withoutModerator(p.hidden),
      mergedWith: mergedWith(p.mergedIntoId ? targetsById.get(p.mergedIntoId) : undefined),
      decision: outcome(p.mergedIntoId ?? p.id),
    })),
  };
}
