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
 * A schema failure as a DomainError: one message key per field (`common:validation.<issue>`, or
 * a refinement's own `params.messageKey`).
 */
export function invalidInput(error: ZodError, messageKey = "common:validation.invalid"): DomainError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    if (fields[field]) continue;
    const own: unknown = issue.code === "custom" ? issue.params?.messageKey : undefined;
    fields[field] =
      typeof own === "string"
        ? own
        : issue.code === "too_big"
        ? "common:validation.tooLong"
        : issue.code === "too_small"
          ? "common:validation.required"
          : "common:validation.invalidValue";
  }
  return new DomainError("invalid", messageKey, fields);
}

export const statusOf: Record<DomainErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/** The HTTP answer to a refusal: its status, and when a limit says so, when to come back. */
export function refusalInit(error: DomainError): ResponseInit {
  if (error.retryAfterSeconds === undefined) return { status: statusOf[error.code] };
  return { status: statusOf[error.code], headers: { "Retry-After": String(error.retryAfterSeconds) } };
}

/** Validates a command's input inside the domain function; a failure changes nothing. */
export function parseInput<S extends ZodTypeAny>(schema: S, input: unknown, messageKey?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, messageKey);
  return parsed.data;
}
