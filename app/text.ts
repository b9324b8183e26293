import { z } from "zod";

/**
 * The one schema for every text a person types: form fields and socket payloads alike
 * (docs/decisions/016-text-input-rules.md). PostgreSQL cannot store NUL, so it and the other
 * control characters are refused before they reach a query; bidi overrides and isolates are
 * refused because they let a name or comment display as something other than what it is; text
 * made only of invisible characters counts as empty. Zero-width joiners inside text stay: Persian,
 * Kurdish and emoji sequences need them.
 */

// Control characters (C0, DEL, C1) except tab and line breaks, lone surrogates, noncharacters.
const controlCharacters = /(?![\t\n\r])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/u;
// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. The plain marks LRM and RLM stay allowed.
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/u;
const invisible = /[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

const textMessages = {
  control: "common:validation.controlCharacters",
  bidi: "common:validation.bidiControls",
} as const;

/** Trimmed, NFC-normalised text of at most `max` characters; `min: 1` makes it required. */
export function text({ min = 0, max }: { min?: number; max: number }) {
  return z
    .string()
    .superRefine((value, context) => {
      if (controlCharacters.test(value)) context.addIssue({ code: "custom", params: { messageKey: textMessages.control } });
      if (bidiControls.test(value)) context.addIssue({ code: "custom", params: { messageKey: textMessages.bidi } });
    })
    .transform((value) => {
      const trimmed = value.normalize("NFC").trim();
      return trimmed.replace(invisible, "") === "" ? "" : trimmed;
    })
    .pipe(z.string().min(min).max(max));
}

/** An optional text field: empty (or invisible) becomes `null`. */
export function optionalText(max: number) {
  return text({ max })
    .transform((value) => value || null)
    .nullish();
}
