import { describe, expect, it } from "vitest";
import { pickText, translationsFromFields } from "../../app/i18n/content";

describe("picking a moderator's text for a reader", () => {
  const question = "Was fehlt in Ihrem Stadtteil?";
  const translations = { tr: "Mahallenizde ne eksik?", en: "What is missing in your district?" };

  it("gives the reader's language where the moderator wrote it", () => {
    expect(pickText(question, translations, "tr")).toEqual({ text: "Mahallenizde ne eksik?", language: "tr", fallback: false });
  });

  it("gives the German original, marked as a fallback, where there is no translation", () => {
    expect(pickText(question, translations, "ar")).toEqual({ text: question, language: "de", fallback: true });
    expect(pickText(question, {}, "de-x-ls")).toEqual({ text: question, language: "de", fallback: true });
    expect(pickText(question, null, "fa")).toEqual({ text: question, language: "de", fallback: true });
  });

  it("gives a German reader the original, never as a fallback, whatever the translations say", () => {
    expect(pickText(question, { ...translations, de: "anders" }, "de")).toEqual({ text: question, language: "de", fallback: false });
  });

  it("treats an empty translation as none", () => {
    expect(pickText(question, { tr: "" }, "tr")).toEqual({ text: question, language: "de", fallback: true });
  });

  it("reads a form's filled translation fields of known languages only", () => {
    const fields = { question, "question.tr": "Ne eksik?", "question.ar": "  ", "question.xx": "?", "question.en": ["Missing?", "again"] };
    expect(translationsFromFields(fields, "question")).toEqual({ tr: "Ne eksik?", en: "Missing?" });
  });
});
