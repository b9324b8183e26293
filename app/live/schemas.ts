import { z } from "zod";
import { languages } from "../i18n/config";
import { translationsSchema } from "../i18n/content-input";
import { commentBodyMax, criterionMax, noteMax, participantGroups, proposalBodyMax, proposalTitleMax, questionMax, rankingMeasuresMax } from "./limits";
import { optionalText, text } from "../text";

/** Input schemas of every live-session command; the same ones serve forms and sockets. */
export const uuid = z.string().uuid();
export const clientId = z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);


const activitiesSchema = z.object({
  comments: z.boolean(),
  dots: z.object({ maxPerItem: z.number().int().min(1).max(50) }).nullable(),
  rating: z
    .object({
      criteria: z.array(text({ min: 1, max: criterionMax })).min(1).max(8),
      min: z.literal(1),
      max: z.number().int().min(3).max(10),
      // By the German criterion; the domain function checks the languages against the conference's.
      // None leaves the stored settings as they were before translations existed.
      criterionTranslations: z
        .record(text({ min: 1, max: criterionMax }), translationsSchema(criterionMax))
        .optional()
        .transform((map) => (map && Object.keys(map).length > 0 ? map : undefined)),
    })
    .superRefine((rating, context) => {
      for (const criterion of Object.keys(rating.criterionTranslations ?? {})) {
        if (!rating.criteria.includes(criterion)) {
          context.addIssue({ code: "custom", path: ["criterionTranslations", criterion], params: { messageKey: "live:error.criterionNotListed" } });
        }
      }
    })
    .nullable(),
  scale: z
    .object({ min: z.literal(1), max: z.literal(10), label: text({ max: 120 }).nullable() })
    .nullable(),
  ranking: z.boolean(),
});

export const createLiveSessionSchema = z.object({
  conferenceId: uuid,
  title: text({ min: 1, max: 200 }),
  dotsPerParticipant: z.coerce.number().int().min(1).max(50),
});

/** Every kind of item may carry a note for the room under its heading (docs/decisions/046). */
const note = { note: optionalText(noteMax), noteTranslations: translationsSchema(noteMax) };

const agendaEntrySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("measure"), measureCode: text({ min: 1, max: 40 }), ...note }),
  z.object({ kind: z.literal("cluster"), clusterKey: text({ min: 1, max: 100 }), ...note }),
  z.object({ kind: z.literal("goal"), goalKey: text({ min: 1, max: 100 }), ...note }),
  z.object({ kind: z.literal("question"), question: text({ min: 1, max: questionMax }), questionTranslations: translationsSchema(questionMax), ...note }),
  // The room orders these measures, given by code in the moderator's order; each code once.
  z.object({
    kind: z.literal("ranking"),
    question: text({ min: 1, max: questionMax }),
    questionTranslations: translationsSchema(questionMax),
    ...note,
    measureCodes: z.array(text({ min: 1, max: 40 })).superRefine((codes, context) => {
      const size = codes.length < 2 ? "live:error.rankingTooFew" : codes.length > rankingMeasuresMax ? "live:error.rankingTooMany" : null;
      if (size) context.addIssue({ code: "custom", params: { messageKey: size } });
      if (new Set(codes.map((c) => c.toLowerCase())).size !== codes.length) {
        context.addIssue({ code: "custom", params: { messageKey: "live:error.rankingDuplicate" } });
      }
    }),
  }),
]);

export type AgendaEntry = z.output<typeof agendaEntrySchema>;

export const addAgendaItemsSchema = z.object({
  liveSessionId: uuid,
  entries: z.array(agendaEntrySchema).min(1).max(100),
});

export const updateActivitiesSchema = z.object({ agendaItemId: uuid, activities: activitiesSchema });
export const moveAgendaItemSchema = z.object({ agendaItemId: uuid, direction: z.enum(["up", "down"]) });
export const agendaItemRefSchema = z.object({ agendaItemId: uuid });
export const liveSessionRefSchema = z.object({ liveSessionId: uuid });

/**
 * A screen's watch. `reader` is the language of a page that shows one reader (a phone): its
 * snapshots then carry that language's translations only, as the page's own data does.
 */
export const watchSchema = liveSessionRefSchema.extend({ reader: z.enum(languages).optional() });

export const setPhaseSchema = z.object({
  agendaItemId: uuid,
  phase: z.enum(["discuss", "prioritise", "results"]),
});
export const itemSettingsSchema = z.object({
  agendaItemId: uuid,
  commentsOpen: z.boolean().optional(),
  votingState: z.enum(["closed", "open", "hidden"]).optional(),
  resultsVisible: z.boolean().optional(),
  commentsPremoderated: z.boolean().optional(),
});
export const setCurrentItemSchema = z.object({ liveSessionId: uuid, agendaItemId: uuid });


export const joinSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6}$/),
  language: z.enum(languages),
  displayName: optionalText(60),
  group: z
    .enum(participantGroups)
    .or(z.literal("").transform(() => null))
    .nullish(),
  // Checked against the conference's list by joinLiveSession.
  district: optionalText(80),
});

const ratingAnswer = z.object({ criterion: text({ min: 1, max: criterionMax }), value: z.number().int().min(1).max(10) });

export const castVoteSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dots"), clientId, agendaItemId: uuid, value: z.number().int().min(-50).max(50).refine((v) => v !== 0) }),
  // One criterion (`criterion`, `value`), or a whole rating at once (`ratings`), which is stored all or nothing.
  z.object({
    kind: z.literal("rating"),
    clientId,
    agendaItemId: uuid,
    criterion: ratingAnswer.shape.criterion.optional(),
    value: ratingAnswer.shape.value.optional(),
    ratings: z.array(ratingAnswer).min(1).max(10).optional(),
  }),
  z.object({ kind: z.literal("scale"), clientId, agendaItemId: uuid, value: z.number().int().min(1).max(10) }),
]).superRefine((vote, context) => {
  if (vote.kind === "rating" && !vote.ratings && (vote.criterion === undefined || vote.value === undefined)) {
    context.addIssue({ code: "custom", path: ["ratings"], message: "a rating needs its answers" });
  }
});

export const castRankingSchema = z.object({
  clientId,
  agendaItemId: uuid,
  order: z.array(text({ min: 1, max: 40 })).min(1).max(rankingMeasuresMax),
});

export const paperVoteSchema = z.object({
  clientId,
  agendaItemId: uuid,
  kind: z.enum(["dots", "rating", "scale"]),
  criterion: text({ min: 1, max: criterionMax }).nullish(),
  value: z.number().int().min(1).max(10_000),
  weight: z.number().int().min(1).max(10_000),
});

export const paperVoteRefSchema = z.object({ voteId: uuid });
/** A batch keeps its kind (withdraw it and enter another for a different kind); the rest may be put right. */
export const correctPaperVoteSchema = z.object({
  voteId: uuid,
  criterion: paperVoteSchema.shape.criterion,
  value: paperVoteSchema.shape.value,
  weight: paperVoteSchema.shape.weight,
});

export const postCommentSchema = z.object({
  agendaItemId: uuid,
  body: text({ min: 1, max: commentBodyMax }),
  parentId: uuid.nullish(),
  clientId: clientId.optional(),
});
export const commentRefSchema = z.object({ commentId: uuid });
export const moderateCommentSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("hide"), commentId: uuid, reason: text({ min: 1, max: 300 }) }),
  z.object({ action: z.enum(["approve", "unhide", "pin", "unpin", "flag", "unflag"]), commentId: uuid }),
  z.object({ action: z.literal("merge"), commentId: uuid, intoCommentId: uuid }),
]);

export const submitProposalSchema = z.object({
  liveSessionId: uuid,
  agendaItemId: uuid.nullish(),
  kind: z.enum(["new_measure", "change_measure"]),
  measureCode: text({ max: 40 }).nullish(),
  title: text({ min: 1, max: proposalTitleMax }),
  body: text({ min: 1, max: proposalBodyMax }),
  clientId: clientId.optional(),
});
export const moderateProposalSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("hide"), proposalId: uuid, reason: text({ min: 1, max: 300 }) }),
  z.object({ action: z.literal("unhide"), proposalId: uuid }),
  z.object({ action: z.literal("merge"), proposalId: uuid, intoProposalId: uuid }),
]);

export type JoinInput = z.infer<typeof joinSchema>;
