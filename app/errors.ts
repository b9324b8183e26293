import type { z, ZodError, ZodTypeAny } from "zod";

export type DomainErrorCode = "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited";

/**
 * What a domain function throws when it refuses an action. `messageKey` is a locale key
 * (`ns:path`) so every adapter can tell the user why in their language; `fields` maps form
 * fields to their own message keys.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messageKey: string,
    readonly fields: Record<string, string> = {},
    readonly values: Record<string, string | number> = {},
    /** For `rate_limited`: when the client may try again, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "DomainError";
  }
}

/**
 * A schema failure as a DomainError: one message key per field (`common:validation.<issue>`, or the
 * key a custom issue names in its params). A custom key also becomes the error's message unless the
 * caller names one: forms that show no field messages (the phone's comment box) still say what is
 * wrong with the text.
 */
/** What a command says of something it cannot find, or that its actor may not know exists. */
export const notFound = () => new DomainError("not_found", "common:error.notFoundText");

export function invalidInput(error: ZodError, messageKey?: string): DomainError {
  const fields: Record<string, string> = {};
  let firstOwn: string | undefined;
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    if (fields[field]) continue;
    const own = issue.code === "custom" ? (issue.params as { messageKey?: string } | undefined)?.messageKey : undefined;
    firstOwn ??= own;
    fields[field] =
      own ??
      (issue.code === "too_big"
        ? "common:validation.tooLong"
        : issue.code === "too_small"
          ? "common:validation.required"
          : "common:validation.invalidValue");
  }
  return new DomainError("invalid", messageKey ?? firstOwn ?? "common:validation.invalid", fields);
}

const statusOf: Record<DomainErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/** Where a page answers some refusals otherwise: a malformed id in its URL is a 404, not a 400. */
export type StatusOverrides = Partial<Record<DomainErrorCode, number>>;

/** The HTTP answer to a refusal: its status, and when a limit says so, when to come back. */
export function refusalInit(error: DomainError, overrides: StatusOverrides = {}): ResponseInit {
  const status = overrides[error.code] ?? statusOf[error.code];
  if (error.retryAfterSeconds === undefined) return { status };
  return { status, headers: { "Retry-After": String(error.retryAfterSeconds) } };
}

/**
 * A loader's refusal as the Response it throws: the status (and Retry-After) of the error's kind,
 * which the root error page explains in the reader's language. The body stays empty: the page
 * names what the status means, and a refusal's own key may name a form field nobody sees here.
 */
export function domainResponse(error: DomainError, overrides: StatusOverrides = {}): Response {
  return new Response(null, refusalInit(error, overrides));
}

/**
 * The one way a loader reads through a domain function (decision 036): a refusal becomes its
 * HTTP answer (thrown, so Remix shows the error page), anything else propagates.
 */
export async function orRefuse<T>(read: Promise<T>, overrides: StatusOverrides = {}): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DomainError) throw domainResponse(error, overrides);
    throw error;
  }
}

/** Validates a command's input inside the domain function; a failure changes nothing. */
export function parseInput<S extends ZodTypeAny>(schema: S, input: unknown, messageKey?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, messageKey);
  return parsed.data;
}
