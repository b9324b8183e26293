import { data, type HeadersFunction } from "@remix-run/node";
import { DomainError, refusalInit } from "./errors";

/** A refusal as a page shows it: locale keys for the message and for each field. */
export type FormError = {
  code: DomainError["code"];
  messageKey: string;
  values: Record<string, string | number>;
  fields: Record<string, string>;
};

/**
 * Runs a domain function for a Remix action. A refusal becomes `{ error }` with the matching
 * HTTP status, which the page renders in the reader's language; anything else propagates.
 */
export async function perform<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof data<{ error: FormError }>> }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const formError: FormError = {
      code: error.code,
      messageKey: error.messageKey,
      values: error.values,
      fields: error.fields,
    };
    return { ok: false, response: data({ error: formError }, refusalInit(error)) };
  }
}

/** Form fields as a plain object; repeated names (checkboxes) become arrays. */
export function formObject(form: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    result[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return result;
}

/**
 * A route's `headers` for pages that can be rate-limited: Remix sends a loader's or action's
 * headers only through this export, and a limited client should learn when to come back.
 */
export function retryAfterHeaders({ actionHeaders, loaderHeaders }: Parameters<HeadersFunction>[0]): Record<string, string> {
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : {};
}
