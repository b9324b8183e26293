import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/client";
import { machineTranslations } from "../../db/schema";
import { libreTranslate } from "../../app/translation/libretranslate.server";
import {
  forgetMachineTranslations,
  machineTranslate,
  sourceHashOf,
} from "../../app/translation/machine-translate.server";
import type { Translator } from "../../app/translation/translator";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { fakeLibreTranslate, type FakeService } from "../support/fake-translators";

let database: TestDatabase;
let service: FakeService;
let translator: Translator;
let logged: string[];

beforeAll(async () => {
  database = await openTestDatabase();
  service = await fakeLibreTranslate();
  translator = libreTranslate({ url: service.url });
});
afterAll(async () => {
  await service.close();
  await database.close();
});
beforeEach(async () => {
  await database.db.delete(machineTranslations);
  service.requests.length = 0;
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const comment = "Die Bänke am Kesselbrink fehlen.";
const targetsOf = () => service.requests.map((r) => (r.body as { target: string }).target).sort();

describe("machine translations, cached in the database", () => {
  it("translates into the missing languages once and stores them for the next reader", async () => {
    const first = await machineTranslate(database.db, translator, { text: comment, from: "de", to: ["tr", "ar"] });
    expect(first.map((t) => [t.language, t.text, t.engine])).toEqual([
      ["tr", `tr: ${comment}`, "libretranslate"],
      ["ar", `ar: ${comment}`, "libretranslate"],
    ]);
    expect(targetsOf()).toEqual(["ar", "tr"]);

    const again = await machineTranslate(database.db, translator, { text: comment, from: "de", to: ["ar", "tr"] });
    expect(again.map((t) => t.language)).toEqual(["ar", "tr"]);
    expect(again.map((t) => t.createdAt.getTime())).toEqual([
      first[1]!.createdAt.getTime(),
      first[0]!.createdAt.getTime(),
    ]);
    expect(service.requests).toHaveLength(2);

    const rows = await database.db.select().from(machineTranslations);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.sourceHash === sourceHashOf(comment) && r.sourceLanguage === "de")).toBe(true);
  });

  it("asks only for the languages the cache lacks", async () => {
    await machineTranslate(database.db, translator, { text: comment, from: "de", to: ["tr"] });
    const both = await machineTranslate(database.db, translator, { text: comment, from: "de", to: ["tr", "uk"] });
    expect(both.map((t) => t.language)).toEqual(["tr", "uk"]);
    expect(targetsOf()).toEqual(["tr", "uk"]);
  });

  it("keeps a translation per source language: the same words from another language are another text", async () => {
    await machineTranslate(database.db, translator, { text: "Salam", from: "fa", to: ["de"] });
    await machineTranslate(database.db, translator, { text: "Salam", from: "tr", to: ["de"] });
    expect(service.requests).toHaveLength(2);
  });

  it("never asks for Kurmanji, Leichte Sprache or the text's own language", async () => {
    const result = await machineTranslate(database.db, translator, {
      text: comment,
      from: "de",
      to: ["kmr", "de-x-ls", "de", "en", "en"],
    });
    expect(result.map((t) => t.language)).toEqual(["en"]);
    expect(targetsOf()).toEqual(["en"]);
    expect(await machineTranslate(database.db, translator, { text: "Ez ê werim", from: "kmr", to: ["de"] })).toEqual(
      [],
    );
    expect(service.requests).toHaveLength(1);
    expect(logged).toEqual([]);
  });

  it("treats the same words in another Unicode form as the same text", async () => {
    await machineTranslate(database.db, translator, { text: comment.normalize("NFC"), from: "de", to: ["en"] });
    const decomposed = await machineTranslate(database.db, translator, {
      text: comment.normalize("NFD"),
      from: "de",
      to: ["en"],
    });
    expect(decomposed).toHaveLength(1);
    expect(service.requests).toHaveLength(1);
  });

  it("answers from the cache alone when no translator is configured", async () => {
    await machineTranslate(database.db, translator, { text: comment, from: "de", to: ["en"] });
    const offline = await machineTranslate(database.db, null, { text: comment, from: "de", to: ["en", "tr"] });
    expect(offline.map((t) => t.language)).toEqual(["en"]);
    expect(service.requests).toHaveLength(1);
  });

  it("never throws when the service fails: it logs why, without the text, returns what it has, and asks again next time", async () => {
    await machineTranslate(database.db, translator, { text: comment, from: "de", to: ["en"] });
    service.reply({ status: 500, body: { error: "Cannot translate text: out of memory" } });
    const partial = await machineTranslate(database.db, translator, { text: comment, from: "de", to: ["en", "tr"] });
    expect(partial.map((t) => t.language)).toEqual(["en"]);
    const hung = await fakeLibreTranslate();
    hung.reply("hang");
    const impatient = libreTranslate({ url: hung.url, timeoutMs: 50 });
    expect(await machineTranslate(database.db, impatient, { text: comment, from: "de", to: ["ar"] })).toEqual([]);
    await hung.close();

    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain(
      "machine translation libretranslate de→tr: TranslatorError: libretranslate unavailable: HTTP 500",
    );
    expect(logged[1]).toContain("machine translation libretranslate de→ar: TranslatorError: libretranslate timeout");
    expect(logged.join("\n")).not.toContain("Kesselbrink");
    expect(await database.db.select().from(machineTranslations)).toHaveLength(1);

    const later = await machineTranslate(database.db, translator, {
      text: comment,
      from: "de",
      to: ["en", "tr", "ar"],
    });
    expect(later.map((t) => t.language)).toEqual(["en", "tr", "ar"]);
  });

  it("never throws when the service is not running", async () => {
    const gone = await fakeLibreTranslate();
    await gone.close();
    const result = await machineTranslate(database.db, libreTranslate({ url: gone.url }), {
      text: comment,
      from: "de",
      to: ["en"],
    });
    expect(result).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("libretranslate unavailable");
  });

  it("never throws for a bad request or a failing database", async () => {
    const bad = await machineTranslate(database.db, translator, { text: comment, from: "xx" as "de", to: ["en"] });
    expect(bad).toEqual([]);
    const broken = {
      select: () => {
        throw new Error("connection lost");
      },
    } as unknown as Db;
    expect(await machineTranslate(broken, translator, { text: comment, from: "de", to: ["en"] })).toEqual([]);
    expect(service.requests).toHaveLength(0);
    expect(logged).toHaveLength(2);
  });

  it("keeps the first translation when two requests for the same text race", async () => {
    const [a, b] = await Promise.all([
      machineTranslate(database.db, translator, { text: comment, from: "de", to: ["pl"] }),
      machineTranslate(database.db, translator, { text: comment, from: "de", to: ["pl"] }),
    ]);
    expect(a).toEqual(b);
    expect(await database.db.select().from(machineTranslations)).toHaveLength(1);
  });

  it("forgets the translations of deleted texts, in every language", async () => {
    await machineTranslate(database.db, translator, { text: comment, from: "de", to: ["en", "tr"] });
    await machineTranslate(database.db, translator, { text: "Anderer Kommentar", from: "de", to: ["en"] });
    await forgetMachineTranslations(database.db, [comment]);
    const left = await database.db.select().from(machineTranslations);
    expect(left.map((r) => r.sourceHash)).toEqual([sourceHashOf("Anderer Kommentar")]);
  });
});
