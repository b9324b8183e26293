import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { languages } from "../../app/i18n/config";
import { libreTranslate } from "../../app/translation/libretranslate.server";
import { TranslatorError } from "../../app/translation/translator";
import { fakeLibreTranslate, type FakeService } from "../support/fake-translators";

let service: FakeService;

beforeEach(async () => {
  service = await fakeLibreTranslate({ apiKey: "lt-key" });
});
afterEach(async () => {
  await service.close();
});

async function failureOf(promise: Promise<unknown>): Promise<TranslatorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranslatorError);
  return error as TranslatorError;
}

describe("the LibreTranslate adapter", () => {
  it("posts the texts, the language codes, the format and the key as JSON to /translate", async () => {
    const translator = libreTranslate({ url: service.url, apiKey: "lt-key" });
    const translations = await translator.translate(["Mehr Bänke im Park", "Zweiter Satz"], "de", "tr");

    expect(translations).toEqual(["tr: Mehr Bänke im Park", "tr: Zweiter Satz"]);
    expect(service.requests).toHaveLength(1);
    const [request] = service.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/translate");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body).toEqual({
      q: ["Mehr Bänke im Park", "Zweiter Satz"],
      source: "de",
      target: "tr",
      format: "text",
      api_key: "lt-key",
    });
  });

  it("uses LibreTranslate's codes for Mitplan's languages and sends no api_key when none is set", async () => {
    const open = await fakeLibreTranslate();
    try {
      const translator = libreTranslate({ url: `${open.url}/` });
      for (const [from, to] of [
        ["ar", "de"],
        ["uk", "ru"],
        ["fa", "pl"],
        ["en", "tr"],
      ] as const) {
        await translator.translate(["x"], from, to);
      }
      expect(
        open.requests.map((r) => [(r.body as { source: string }).source, (r.body as { target: string }).target]),
      ).toEqual([
        ["ar", "de"],
        ["uk", "ru"],
        ["fa", "pl"],
        ["en", "tr"],
      ]);
      expect(open.requests.every((r) => !("api_key" in (r.body as object)))).toBe(true);
    } finally {
      await open.close();
    }
  });

  it("never sends Kurmanji or Leichte Sprache, nor a text into its own language", async () => {
    const translator = libreTranslate({ url: service.url, apiKey: "lt-key" });
    for (const language of languages) {
      expect(translator.accepts("kmr", language)).toBe(false);
      expect(translator.accepts(language, "kmr")).toBe(false);
      expect(translator.accepts("de-x-ls", language)).toBe(false);
      expect(translator.accepts(language, "de-x-ls")).toBe(false);
      expect(translator.accepts(language, language)).toBe(false);
    }
    const error = await failureOf(translator.translate(["Ez ê werim"], "kmr", "de"));
    expect(error.kind).toBe("unsupported-language");
    expect((await failureOf(translator.translate(["Einfach"], "de-x-ls", "en"))).kind).toBe("unsupported-language");
    expect(service.requests).toHaveLength(0);
  });

  it("answers an empty list without asking the server", async () => {
    const translator = libreTranslate({ url: service.url, apiKey: "lt-key" });
    expect(await translator.translate([], "de", "en")).toEqual([]);
    expect(service.requests).toHaveLength(0);
  });

  it("reads the server's language pairs from /languages, keeping only Mitplan's", async () => {
    const small = await fakeLibreTranslate({ languages: ["de", "en", "ar", "ja"] });
    try {
      const pairs = await libreTranslate({ url: small.url }).languages();
      expect(pairs).toEqual({ de: ["en", "ar"], en: ["de", "ar"], ar: ["de", "en"] });
      expect(small.requests[0]).toMatchObject({ method: "GET", path: "/languages" });
    } finally {
      await small.close();
    }
  });

  it("reports a language the server has not loaded as unsupported", async () => {
    const small = await fakeLibreTranslate({ languages: ["de", "en"] });
    try {
      const error = await failureOf(libreTranslate({ url: small.url }).translate(["Hallo"], "de", "uk"));
      expect(error.kind).toBe("unsupported-language");
      expect(error.message).toContain("uk is not supported");
    } finally {
      await small.close();
    }
  });

  it("reports a refused key (403) and a missing one (400) as unavailable", async () => {
    const wrong = await failureOf(
      libreTranslate({ url: service.url, apiKey: "wrong" }).translate(["Hallo"], "de", "en"),
    );
    expect(wrong).toMatchObject({ kind: "unavailable", status: 403 });
    expect(wrong.message).toContain("Invalid API key");
    expect(wrong.message).not.toContain("wrong");

    const missing = await failureOf(libreTranslate({ url: service.url }).translate(["Hallo"], "de", "en"));
    expect(missing).toMatchObject({ kind: "unavailable", status: 400 });
  });

  it("reports 429 as rate-limited with the server's Retry-After", async () => {
    service.reply({ status: 429, body: { error: "Slowdown: 30 per 1 minute" }, headers: { "retry-after": "30" } });
    const error = await failureOf(
      libreTranslate({ url: service.url, apiKey: "lt-key" }).translate(["Hallo"], "de", "en"),
    );
    expect(error).toMatchObject({ kind: "rate-limited", status: 429, retryAfterSeconds: 30 });
  });

  it("reports a server error and an answer of the wrong shape as unavailable", async () => {
    const translator = libreTranslate({ url: service.url, apiKey: "lt-key" });
    service.reply({ status: 500, body: { error: "Cannot translate text: model failed" } });
    expect(await failureOf(translator.translate(["Hallo"], "de", "en"))).toMatchObject({
      kind: "unavailable",
      status: 500,
    });

    service.reply({ status: 200, body: { translatedText: ["nur eine"] } });
    expect(await failureOf(translator.translate(["eins", "zwei"], "de", "en"))).toMatchObject({ kind: "unavailable" });
  });

  it("gives up on a server that never answers after its time-out", async () => {
    service.reply("hang");
    const error = await failureOf(
      libreTranslate({ url: service.url, apiKey: "lt-key", timeoutMs: 50 }).translate(["Hallo"], "de", "en"),
    );
    expect(error.kind).toBe("timeout");
  });

  it("reports a server that is not running as unavailable", async () => {
    const gone = await fakeLibreTranslate();
    await gone.close();
    const error = await failureOf(libreTranslate({ url: gone.url }).translate(["Hallo"], "de", "en"));
    expect(error.kind).toBe("unavailable");
  });
});
