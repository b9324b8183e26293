import type { FormError } from "../forms.server";

/**
 * What a moderator page's action answers: done, or refused with the reason in locale keys and,
 * for forms worth retyping, what was sent, so a page without JavaScript can fill it in again.
 */
export type ActionResult =
  | { ok: true; formId: string; intent: string }
  | { error: FormError; formId: string; values?: Record<string, string | string[]> };
