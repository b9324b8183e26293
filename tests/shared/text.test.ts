import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invalidInput } from "../../app/errors";
import { optionalText, text } from "../../app/text";

const required = text({ min: 1, max: 20 });
/** The message key a form would show for this value, or the stored value. */
function outcome(schema: z.ZodTypeAny, value: unknown): unknown {
  const parsed = z.object({ field: schema }).safeParse({ field: value });
  return parsed.success ? parsed.data.field : invalidInput(parsed.error).fields.field;
}

describe("the shared text schema", () => {
  it("refuses NUL and other control characters with its own message", () => {
    for (const value of ["a\u0000b", "\u0000", "a\u0007", "x\u001Bx", "\u007F", "a\u0085b", "\uD800x"]) {
      expect(outcome(required, value), JSON.stringify(value)).toBe("common:validation.controlCharacters");
    }
  });

  it("keeps tabs and line breaks, which comments and reasons contain", () => {
    expect(outcome(required, " Zeile 1\r\n\tZeile 2 ")).toBe("Zeile 1\r\n\tZeile 2");
  });

  it("counts text made only of invisible characters as empty", () => {
    for (const value of ["\u200B", "\u200B\u200C\u200D", " \u2060\uFEFF ", "\u00AD"]) {
      expect(outcome(required, value), JSON.stringify(value)).toBe("common:validation.required");
      expect(outcome(optionalText(20), value)).toBeNull();
    }
  });

  it("keeps zero-width joiners inside real text (Persian, emoji)", () => {
    expect(outcome(required, "می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(outcome(required, "👩\u200D👧")).toBe("👩\u200D👧");
  });

  it("refuses bidi overrides and isolates, but not the plain direction marks", () => {
    for (const value of ["Ali\u202Egnp.exe", "\u202Aabc", "a\u2066b\u2069", "\u202Dx"]) {
      expect(outcome(required, value), JSON.stringify(value)).toBe("common:validation.bidiControls");
    }
    expect(outcome(required, "Ali \u200Fعلي")).toBe("Ali \u200Fعلي");
  });

  it("normalises to NFC, so the same name is stored the same way", () => {
    expect(outcome(required, "Mu\u0308ller")).toBe("Müller");
  });

  it("keeps the length and required rules", () => {
    expect(outcome(required, "  ")).toBe("common:validation.required");
    expect(outcome(required, "x".repeat(21))).toBe("common:validation.tooLong");
    expect(outcome(optionalText(20), "")).toBeNull();
    expect(outcome(optionalText(20), undefined)).toBeUndefined();
  });
});
