import { z } from "zod";
import { measureChangesSchema, measureCodeInput, newMeasureSchema } from "../catalogue/revision-schemas";
import { languages } from "../i18n/config";
import { text } from "../text";

const uuid = z.string().uuid();

/** What a decision answers: a proposal, the result of a prioritised measure (its agenda item), a flagged comment. */
const decisionSubjectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("proposal"), proposalId: uuid }),
  z.object({ kind: z.literal("result"), agendaItemId: uuid }),
  z.object({ kind: z.literal("comment"), commentId: uuid }),
]);
export type DecisionSubject = z.infer<typeof decisionSubjectSchema>;

const decisionOutcomeSchema = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("accepted"),
    change: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("newMeasure"), measure: newMeasureSchema }),
      z.object({ kind: z.literal("changeMeasure"), code: measureCodeInput, changes: measureChangesSchema }),
    ]),
  }),
  z.object({
    outcome: z.literal("merged"),
    into: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("proposal"), proposalId: uuid }),
      z.object({ kind: z.literal("measure"), code: measureCodeInput }),
    ]),
  }),
  z.object({ outcome: z.literal("deferred") }),
  z.object({ outcome: z.literal("declined") }),
]);

/** One reason per language; participants read it in theirs where the planner wrote one. */
const reasonsSchema = z
  .array(z.object({ language: z.enum(languages), text: text({ min: 1, max: 4000 }) }))
  .min(1)
  .refine((reasons) => new Set(reasons.map((r) => r.language)).size === reasons.length, { message: "one reason per language" });

const subjectKey = (s: DecisionSubject) => (s.kind === "proposal" ? s.proposalId : s.kind === "result" ? s.agendaItemId : s.commentId);

/** Several inputs can be answered at once, e.g. three proposals taken into one new measure. */
export const decideSchema = z.object({
  subjects: z
    .array(decisionSubjectSchema)
    .min(1)
    .max(50)
    .refine((list) => new Set(list.map(subjectKey)).size === list.length, { message: "each input once" }),
  decision: decisionOutcomeSchema,
  reasons: reasonsSchema,
  /** Sent by the decide form: the same decision sent twice is stored once. */
  clientId: z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
});
export type DecideInput = z.infer<typeof decideSchema>;
