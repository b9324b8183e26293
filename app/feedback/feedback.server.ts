import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { conferenceRefs, getConference, type ConferenceView } from "../conferences/conferences.server";
import { parseInput, notFound } from "../errors";
import { languages } from "../i18n/config";
import { commentsOf, liveSessionsOf, proposalsOf } from "../live/inputs.server";
import type { CommentView, ProposalView } from "../live/views";
import { translationForReader, type TranslationView } from "../translation/views";
import { sessionResults, type ItemResults, type ResultsOptions, type SessionResults } from "../results/aggregate.server";
import type { Reader } from "../results/answers.server";
import { loadDecisions, reasonFor, standing, type DecisionView } from "../decisions/views.server";
import type { MeasureName } from "../catalogue/translated";
import { namedResult, type NameMeasure, type ShownResult } from "../live/ranking-names";
import { decisionCodes, measureNamer, rankedCodes, readersQuestion } from "./measure-names.server";

/**
 * A decision as participants read it: the reason in their language where the planner wrote one,
 * the measures it names in their language where translated.
 */
export type Outcome = Omit<DecisionView, "reasons" | "subject" | "measure" | "mergedInto"> & {
  reason: ReturnType<typeof reasonFor>;
  measure: MeasureName | null;
  mergedInto: ({ kind: "measure" } & MeasureName) | Extract<DecisionView["mergedInto"], { kind: "proposal" }> | null;
};

/**
 * A proposal as a reader gets it: as written, with `translations` holding at most the one into the
 * reader's language (readersTranslation), which the page shows beside the original.
 */
export type ProposalFeedback = Pick<ProposalView, "id" | "kind" | "measureCode" | "title" | "body" | "language" | "createdAt" | "translations"> & {
  /** A duplicate the moderators merged shares the decision of the proposal it was merged into, named in its author's language. */
  mergedWith: { title: string; language: string } | null;
  decision: Outcome | null;
};

/** An agenda item's result as a reader gets it: its measures named for them, its question's translation into their language only. */
export type FeedbackItem = Omit<ItemResults, "item" | "result"> & {
  item: Omit<ItemResults["item"], "measure"> & { measure: MeasureName | null };
  result: ShownResult;
};

export type ConferenceFeedback = {
  conference: ConferenceView;
  /** The frozen results of each closed session, each item with the decision on it. */
  sessions: (Omit<SessionResults, "items"> & { items: FeedbackItem[]; decisions: Record<string, Outcome> })[];
  proposals: ProposalFeedback[];
  /** Comments a planner answered, each with its translation into the reader's language only. */
  comments: (Pick<CommentView, "id" | "agendaItemId" | "body" | "language" | "createdAt" | "translations"> & { decision: Outcome })[];
};

const feedbackInput = z.object({ conferenceId: z.string().uuid(), language: z.enum(languages) });

export function outcomeFor(view: DecisionView, language: string, planLanguage: string, name: NameMeasure): Outcome {
  const { reasons: _r, subject: _s, measure, mergedInto, ...rest } = view;
  return {
    ...rest,
    reason: reasonFor(view, language, planLanguage),
    measure: measure && name(measure),
    mergedInto: mergedInto?.kind === "measure" ? { kind: "measure", ...name(mergedInto) } : mergedInto,
  };
}

/** An item's result for one reader. */
function itemForReader({ item, result, ...rest }: ItemResults, reader: string, name: NameMeasure): FeedbackItem {
  return {
    ...rest,
    item: { ...item, measure: item.measure && name(item.measure), questionTranslations: readersQuestion(item.questionTranslations, reader) },
    result: namedResult(result, name),
  };
}

/**
 * What a page for one reader carries of an input's translations (decision 042's rule): the one into
 * their language where they read another, else none. The other languages never reach the page.
 */
export function readersTranslation(input: { language: string; translations: TranslationView[] }, reader: string): TranslationView[] {
  const translation = translationForReader(input.translations, input.language, reader);
  return translation ? [translation] : [];
}

/** The proposal a duplicate was merged into, by its title in its author's language. */
export function mergedWith(target: Pick<ProposalView, "title" | "language"> | undefined): ProposalFeedback["mergedWith"] {
  return target ? { title: target.title, language: target.language } : null;
}

/** What became of a conference's input, public once its sessions are closed. */
export async function conferenceFeedback(db: Reader, actor: Actor, input: unknown, options: ResultsOptions = {}): Promise<ConferenceFeedback> {
  authorize(actor, "catalogue.read");
  const { conferenceId, language } = parseInput(feedbackInput, input);
  const conference = await getConference(db, conferenceId);
  if (!conference) throw notFound();
  const plan = (await conferenceRefs(db, [conferenceId])).get(conferenceId)!.plan;
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
  const itemCodes = sessions.flatMap((s) => s.items.flatMap((i) => [...(i.item.measure ? [i.item.measure.code] : []), ...rankedCodes(i.result)]));
  const name = await measureNamer(db, plan, language, [...itemCodes, ...decisionCodes(answers.values())]);
  const outcome = (id: string) => {
    const view = answers.get(id);
    return view ? outcomeFor(view, language, plan.language, name) : null;
  };
  const proposalsById = new Map(proposalList.map((p) => [p.id, p]));
  return {
    conference,
    sessions: sessions.map((s) => ({
      ...s,
      items: s.items.map((i) => itemForReader(i, language, name)),
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
      translations: readersTranslation(p, language),
      mergedWith: mergedWith(p.mergedIntoId ? proposalsById.get(p.mergedIntoId) : undefined),
      decision: outcome(p.mergedIntoId ?? p.id),
    })),
    comments: commentList.flatMap((c) => {
      const decision = outcome(c.id);
      return decision
        ? [{ id: c.id, agendaItemId: c.agendaItemId, body: c.body, language: c.language, createdAt: c.createdAt, translations: readersTranslation(c, language), decision }]
        : [];
    }),
  };
}
