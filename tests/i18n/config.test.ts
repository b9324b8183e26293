import { describe, expect, it } from "vitest";
import { directionOf, fromAcceptLanguage, intlLocaleOf, languages, type Language } from "../../app/i18n/config";
import { formatDate } from "../../app/i18n/format";
import { i18nServer } from "../../app/i18n/i18n.server";
import { formatNumber } from "../../app/i18n/numbers";
import { resources } from "../../app/i18n/resources.server";
import { createTranslator } from "../../app/i18n/translate";

describe("the interface languages", () => {
  it("are the ten of issue 10, Arabic and Persian right to left", () => {
    expect([...languages].sort()).toEqual(["ar", "de", "de-x-ls", "en", "fa", "kmr", "pl", "ru", "tr", "uk"]);
    expect(languages.filter((l) => directionOf(l) === "rtl")).toEqual(["ar", "fa"]);
  });

  it("take the browser's languages in order of preference, by primary subtag, never guessing Leichte Sprache", () => {
    expect(fromAcceptLanguage("fr-FR,tr-DE;q=0.9,de;q=0.8")).toEqual(["tr", "de"]);
    expect(fromAcceptLanguage("de;q=0.5,fa-AF")).toEqual(["fa", "de"]);
    expect(fromAcceptLanguage("ku, ru;q=0")).toEqual(["kmr"]);
    expect(fromAcceptLanguage("de-DE", ["de-x-ls", "tr"])).toEqual([]);
    expect(fromAcceptLanguage("", ["tr"])).toEqual([]);
  });

  it("format numbers and dates in each language, with a sensible locale for Leichte Sprache and Kurmanji", () => {
    for (const language of languages) expect(() => formatDate("2026-12-02", language), language).not.toThrow();
    expect(intlLocaleOf("de-x-ls")).toBe("de");
    expect(formatNumber(1234.5, "de-x-ls")).toBe("1.234,5");
    expect(formatDate("2026-12-02", "de-x-ls")).toBe("2. Dezember 2026");
    expect(formatDate("2026-12-02", "kmr")).toMatch(/2026/);
    expect(formatDate("2026-12-02", "kmr")).not.toBe(formatDate("2026-12-02", "en"));
    // Persian digits, Gregorian calendar: the date of the city's invitation.
    expect(formatNumber(12, "fa")).toBe("۱۲");
    expect(formatDate("2026-12-02", "fa")).toContain("۲۰۲۶");
    expect(formatNumber(1234.5, "ar")).toBe("1,234.5");
  });

  it("write numbers inside messages in the language's digits, on pages and in loaders alike, grouping only from five digits", () => {
    const messages = { live: { present: { participants_one: "{{count}} نفر", participants_other: "{{count}} نفر" } } };
    expect(createTranslator("fa", messages)("live:present.participants", { count: 12 })).toBe("۱۲ نفر");
    expect(i18nServer.getFixedT("fa", "live")("present.participants", { count: 12 })).toMatch(/^۱۲ نفر/);
    expect(i18nServer.getFixedT("de", "live")("present.participants", { count: 2026 })).toBe("2026 Personen nehmen teil");
    expect(i18nServer.getFixedT("de", "live")("present.participants", { count: 12345 })).toBe("12.345 Personen nehmen teil");
    expect(createTranslator("de", { common: { error: { status: "Fehler {{status}}" } } })("common:error.status", { status: 2026 })).toBe("Fehler 2026");
    // Text stays text: a keyboard key or a code is not a number.
    expect(createTranslator("fa", { common: { k: "{{key}}" } })("common:k", { key: "1" })).toBe("1");
  });

  it("give a number of points or people the noun's form for that number (results on phone and projector)", () => {
    const t = (language: Language) => createTranslator(language, resources[language]);
    expect(t("de")("live:results.rankedFirst", { count: 1 })).toBe("Von 1 Person auf Platz 1 gesetzt");
    expect(t("de")("live:results.dotsTotal", { count: 1, paper: 0 })).toBe("1 Punkt, davon 0 auf Papier");
    expect(t("de")("live:results.dotsTotal", { count: 4, paper: 4 })).toBe("4 Punkte, davon 4 auf Papier");
    expect(t("en")("live:results.rankedFirst", { count: 1 })).toBe("Ranked first by 1 person");
    expect(t("ru")("live:results.rankedFirst", { count: 5 })).toBe("На первое место поставили 5 человек");
    expect(t("ru")("live:results.dotsTotal", { count: 3, paper: 1 })).toBe("3 балла, из них на бумаге: 1");
    expect(t("ar")("live:results.rankedFirst", { count: 2 })).toBe("وضعه شخصان في المرتبة الأولى");
    expect(t("fa")("live:results.dotsTotal", { count: 12, paper: 0 })).toBe("۱۲ امتیاز، از آن ۰ روی کاغذ");
  });

  it("give a number of dots, ballots or months next to its noun the noun's form for that number (console, inbox, export, phone)", () => {
    const t = (language: Language) => createTranslator(language, resources[language]);
    expect(t("de")("conferences:paper.batchDots", { count: 1 })).toBe("1 Punkt");
    expect(t("de")("conferences:paper.batchDots", { count: 2 })).toBe("2 Punkte");
    expect(t("de")("decisions:inbox.dots", { count: 1, share: "5 %" })).toBe("1 Punkt (5 % aller Punkte der Sitzung)");
    expect(t("de")("live:error.tooManyDotsOnItem", { count: 1 })).toBe("Auf ein Thema können Sie höchstens 1 Punkt setzen.");
    expect(t("de")("live:dots.remaining", { remaining: 0, count: 1 })).toBe("0 von 1 Punkt übrig");
    expect(t("de")("auth:retention.saved", { count: 1 })).toContain(" 1 Monat nach ");
    expect(t("de")("catalogue:plan.shown", { shown: 1, count: 1 })).toBe("1 von 1 Maßnahme");
    expect(t("en")("conferences:paper.batchAnswer", { kind: "Skala", value: 7, count: 1 })).toBe("Skala: value 7, 1 ballot");
    // The export is written on the server.
    const exported = i18nServer.getFixedT("de", "feedback");
    expect(exported("export.rankingEntry", { rank: 3, code: "J-1", first: 0, count: 1 })).toBe("3. J-1: 0× auf Platz 1, 1 Rangpunkt");
    expect(exported("export.rankingEntry", { rank: 1, code: "W-2", first: 3, count: 7 })).toBe("1. W-2: 3× auf Platz 1, 7 Rangpunkte");
    // Russian: one (1, 21), few (2–4), many (5–20).
    expect([1, 3, 5, 21].map((count) => t("ru")("conferences:paper.batchDots", { count }))).toEqual(["1 балл", "3 балла", "5 баллов", "21 балл"]);
    expect(t("ru")("catalogue:plan.shown", { shown: 3, count: 21 })).toBe("3 из 21 меры");
    expect(t("ru")("live:error.noDotsLeft", { count: 5 })).toBe("Баллов не осталось: вы распределили 5 баллов.");
    expect(t("ru")("feedback:privacy.retention", { count: 2 })).toMatch(/^Через 2 месяца после/);
    // Arabic: zero, one and two name no digit; few (3–10) takes the plural, many (11–99) the singular.
    expect([0, 1, 2, 3, 11, 100].map((count) => t("ar")("conferences:paper.batchDots", { count }))).toEqual([
      "لا نقاط",
      "نقطة واحدة",
      "نقطتان",
      "3 نقاط",
      "11 نقطة",
      "100 نقطة",
    ]);
  });
});
