import type { DomainErrorCode } from "./errors";

/** What a form sent, as the page gets it back to fill the form in again (never a password). */
export type Sent = Record<string, string | string[]>;

/** A refusal as a page shows it: locale keys for the form's message and for each field. */
export type FormError = {
  code: DomainErrorCode;
  messageKey: string;
  values: Record<string, string | number>;
  fields: Record<string, string>;
};

/**
 * The one answer of every Remix action that does not redirect (docs/decisions/036): which form
 * (`formId`) and command (`intent`) it answers, and either what was done or why not, together
 * with what was sent. Pages and ActionForm read it through `formView`.
 */
export type FormReply<Done = null> =
  | { ok: true; formId: string; intent: string; done: Done }
  | { ok: false; formId: string; intent: string; error: FormError; sent: Sent };

export type Refused = Extract<FormReply, { ok: false }>;

const domId = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "-");

/** A reply as one form shows it: the ids and attributes that tie each message to its input. */
export type FormView<Done> = {
  error: FormError | undefined;
  /** The command went through. */
  accepted: boolean;
  /** What the command answered when it went through. */
  done: Done | undefined;
  /** What was sent when the command was refused, to fill the form in again. */
  sent: Sent | undefined;
  /** The id of the form-wide message (`role="alert"`). */
  errorId: string;
  /** The locale key of a field's own message, when it has one. */
  fieldKey(field: string): string | undefined;
  /** The id of a field's own message, when it has one. */
  fieldErrorId(field: string): string | undefined;
  /** Ties an input to its own error and to the form's message, for screen readers. */
  describe(field: string, hintId?: string): { "aria-invalid"?: true; "aria-describedby"?: string };
  /** A text the refused form sent, to put back into its field. */
  sentText(field: string): string | undefined;
};

/**
 * The reply as the form `formId` shows it; the form's messages take their ids from it. A reply
 * for another form on the page shows nothing here, unless the page has one message area for all
 * its forms (`wholePage`).
 */
export function formView<Done>(reply: FormReply<Done> | undefined, formId: string, { wholePage = false } = {}): FormView<Done> {
  const mine = reply && (wholePage || reply.formId === formId) ? reply : undefined;
  const error = mine && !mine.ok ? mine.error : undefined;
  const base = domId(formId);
  const errorId = `${base}-error`;
  const fieldErrorId = (field: string) => (error?.fields[field] ? `${base}-${domId(field)}-error` : undefined);
  const sent = mine && !mine.ok ? mine.sent : undefined;
  return {
    error,
    accepted: Boolean(mine?.ok),
    done: mine?.ok ? mine.done : undefined,
    sent,
    errorId,
    fieldKey: (field) => error?.fields[field],
    fieldErrorId,
    describe(field, hintId) {
      const own = fieldErrorId(field);
      const ids = [hintId, own, error ? errorId : undefined].filter(Boolean).join(" ");
      return { ...(own ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
    },
    sentText(field) {
      const value = sent?.[field];
      return typeof value === "string" ? value : undefined;
    },
  };
}
