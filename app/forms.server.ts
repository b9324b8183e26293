import { data, type HeadersFunction } from "@remix-run/node";
import { DomainError, refusalInit } from "./errors";
import type { FormError, FormReply, Sent } from "./forms";

/** One form post: its fields, the command it names and the form it came from. */
export type Submission = { fields: Sent; intent: string; formId: string };

/** Form fields as a plain object; repeated names (checkboxes) become arrays. */
export function formObject(form: FormData): Sent {
  const result: Sent = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    result[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return result;
}

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * The submission behind already-read fields (a multipart upload reads its own). `formId` names
 * the form when the post does not: a page whose action serves one form knows which it is.
 */
export function submissionOf(fields: Sent, formId = ""): Submission {
  // An id is only echoed back and compared; a hand-made request cannot make the answer large.
  return { fields, intent: text(fields.intent).slice(0, 100), formId: text(fields.formId).slice(0, 100) || formId };
}

/** Reads a form post (urlencoded or multipart without files) as a submission. */
export async function readSubmission(request: Request, formId = ""): Promise<Submission> {
  return submissionOf(formObject(await request.formData()), formId);
}

// Never sent back into a page: a password is typed again.
const secret = /password/i;

function sentBack(fields: Sent): Sent {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !secret.test(name)));
}

/** What was done, for the form that asked. */
export function accepted<Done>(submission: Submission, done: Done, init?: ResponseInit) {
  const reply: FormReply<Done> = { ok: true, formId: submission.formId, intent: submission.intent, done };
  return data(reply, init);
}

/** A refusal for the form that was sent, with its status and what was sent to fill it in again. */
export function refused(submission: Submission, error: DomainError, adapt?: (error: FormError) => FormError) {
  const formError: FormError = { code: error.code, messageKey: error.messageKey, values: error.values, fields: error.fields };
  const reply: FormReply<never> = {
    ok: false,
    formId: submission.formId,
    intent: submission.intent,
    error: adapt ? adapt(formError) : formError,
    sent: sentBack(submission.fields),
  };
  return data(reply, refusalInit(error));
}

/**
 * Runs a domain function for a Remix action. A refusal becomes the form's reply with the matching
 * HTTP status (`adapt` may name the fields as the form calls them); anything else propagates.
 */
export async function attempt<T>(
  submission: Submission,
  run: () => Promise<T>,
  adapt?: (error: FormError) => FormError,
): Promise<{ ok: true; value: T } | { ok: false; reply: ReturnType<typeof refused> }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, reply: refused(submission, error, adapt) };
  }
}

/**
 * A route's `headers` for pages that can be rate-limited: Remix sends a loader's or action's
 * headers only through this export, and a limited client should learn when to come back.
 */
export function retryAfterHeaders({ actionHeaders, loaderHeaders }: Parameters<HeadersFunction>[0]): Record<string, string> {
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : {};
}
