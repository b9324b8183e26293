import { z } from "zod";
import type { Db } from "../../db/client";
import type { Actor } from "../auth/actor";
import { participantGroups } from "../auth/participant-data.server";
import { authorize } from "../auth/permissions";
import { cataloguePlace, measureSummaries, type CataloguePlace } from "../catalogue/summaries.server";
import { conferenceRefs } from "../conferences/conferences.server";
import { parseInput, notFound } from "../errors";
import { commentsByIds, itemPlaces, proposalsByIds } from "../live/inputs.server";
import type { ItemResult } from "../live/views";
import { frozenResults } from "../results/frozen.server";
import { loadDecisions, type DecisionView } from "./views.server";

type Reader = Pick<Db, "select">;

const inputKinds = ["proposal", "result", "comment"] as const;
export type InputKind = (typeof inputKinds)[number];

type MeasureRef = { code: string; title: string };
export type { CataloguePlace };
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

/** The plan and conference an input was made in, as the decide page heads it. */
async function contextOf(db: Reader, conferenceId: string): Promise<Pick<Context, "plan" | "conference">> {
  const conference = (await conferenceRefs(db, [conferenceId])).get(conferenceId)!;
  const { slug, title, language } = conference.plan;
  return { plan: { slug, title, language }, conference: { id: conference.id, title: conference.title } };
}

async function measureRef(db: Reader, measureId: string | null): Promise<MeasureRef | null> {
  const measure = measureId ? (await measureSummaries(db, [measureId])).get(measureId) : undefined;
  return measure ? { code: measure.code, title: measure.title } : null;
}

async function groupOf(db: Reader, participantId: string | null): Promise<string | null> {
  return participantId ? ((await participantGroups(db, [participantId])).get(participantId) ?? null) : null;
}

/** A measure's item gives its section and focus theme; a focus theme's item the theme alone. */
async function placeOf(db: Reader, agendaItemId: string | null): Promise<CataloguePlace> {
  const item = agendaItemId ? (await itemPlaces(db, [agendaItemId])).get(agendaItemId) : undefined;
  return item ? cataloguePlace(db, item) : { sectionKey: null, clusterKey: null };
}

/**
 * A proposal, a prioritised measure's result (by its agenda item) or a comment, with where it came
 * from. The inbox lists open inputs only; this also reads decided ones, so the page can show what
 * was decided after the planner sent the form.
 */
export async function decisionInput(db: Reader, actor: Actor, input: unknown): Promise<DecisionInput> {
  authorize(actor, "decision.write");
  const { kind, id } = parseInput(inputRef, input);
  if (kind === "proposal") {
    const [p] = await proposalsByIds(db, [id]);
    if (!p) throw notFound();
    const [context, measure, authorGroup, place, decisionViews] = await Promise.all([
      contextOf(db, p.conferenceId),
      measureRef(db, p.measureId),
      groupOf(db, p.participantId),
      placeOf(db, p.agendaItemId),
      loadDecisions(db, { proposalIds: [id] }),
    ]);
    return {
      kind,
      id,
      ...context,
      decisions: decisionViews,
      proposal: { kind: p.kind, title: p.title, body: p.body, language: p.language, authorGroup, measure, hidden: p.hiddenAt !== null },
      place,
    };
  }
  if (kind === "result") {
    const item = (await itemPlaces(db, [id])).get(id);
    const measure = item && (await measureRef(db, item.measureId));
    if (!item || !measure) throw notFound();
    const [context, frozen, decisionViews] = await Promise.all([
      contextOf(db, item.conferenceId),
      frozenResults(db, [id]),
      loadDecisions(db, { agendaItemIds: [id] }),
    ]);
    const { status, ...liveSession } = item.liveSession;
    return {
      kind,
      id,
      ...context,
      decisions: decisionViews,
      liveSession: { ...liveSession, closed: status === "closed" },
      measure,
      result: frozen.get(id) ?? null,
    };
  }
  const [comment] = await commentsByIds(db, [id]);
  if (!comment) throw notFound();
  const item = (await itemPlaces(db, [comment.agendaItemId])).get(comment.agendaItemId)!;
  const [context, measure, authorGroup, place, decisionViews] = await Promise.all([
    contextOf(db, comment.conferenceId),
    measureRef(db, item.measureId),
    groupOf(db, comment.participantId),
    cataloguePlace(db, item),
    loadDecisions(db, { commentIds: [id] }),
  ]);
  return {
    kind,
    id,
    ...context,
    decisions: decisionViews,
    comment: {
      body: comment.body,
      language: comment.language,
      supportCount: comment.supportCount,
      authorGroup,
      hidden: comment.hiddenAt !== null,
    },
    about: measure ?? { question: item.question },
    place,
  };
}

/** The participant group each proposal's author gave when joining (null: not stated, or a moderator's). */
export async function authorGroups(db: Reader, proposalIds: string[]): Promise<Record<string, string | null>> {
  const list = await proposalsByIds(db, proposalIds);
  const groups = await participantGroups(db, list.flatMap((p) => (p.participantId ? [p.participantId] : [])));
  return Object.fromEntries(list.map((p) => [p.id, p.participantId ? (groups.get(p.participantId) ?? null) : null]));
}
