import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { languages } from "../../app/i18n/config";
import { deepl, deeplFreeUrl, deeplProUrl, deeplUrlFor } from "../../app/translation/deepl.server";
import { TranslatorError } from "../../app/translation/translator";
import { fakeDeepL, type FakeService } from "../support/fake-translators";

const apiKey = "0e1f2a3b-test:fx";
let service: FakeService;

beforeEach(async () => {
  service = await fakeDeepL({ apiKey });
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

type DeepLBody = { text: string[]; source_lang: string; target_lang: string };

describe("the DeepL adapter", () => {
  it("posts the texts with source_lang and target_lang to /v2/translate, the key in a DeepL-Auth-Key header", async () => {
    const translator = deepl({ apiKey, url: service.url });
    const translations = await translator.translate(["Mehr Bänke im Park", "Zweiter Satz"], "de", "ar");

    expect(translations).toEqual(["AR: Mehr Bänke im Park", "AR: Zweiter Satz"]);
    const [request] = service.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v2/translate" });
    expect(request!.headers.authorization).toBe(`DeepL-Auth-Key ${apiKey}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body).toEqual({
      text: ["Mehr Bänke im Park", "Zweiter Satz"],
      source_lang: "DE",
      target_lang: "AR",
    });
    expect(JSON.stringify(request!.body)).not.toContain(apiKey);
  });

  it("uses DeepL's codes: English out as EN-GB, in as EN", async () => {
    const translator = deepl({ apiKey, url: service.url });
    await translator.translate(["Hallo"], "de", "en");
    await translator.translate(["Hello"], "en", "uk");
    await translator.translate(["Merhaba"], "tr", "pl");
    await translator.translate(["Привет"], "ru", "de");
    const codes = service.requests.map((r) => [(r.body as DeepLBody).source_lang, (r.body as DeepLBody).target_lang]);
    expect(codes).toEqual([
      ["DE", "EN-GB"],
      ["EN", "UK"],
      ["TR", "PL"],
      ["RU", "DE"],
    ]);
  });

  it("sends neither Persian (a DeepL beta language) nor Kurmanji nor Leichte Sprache", async () => {
    const translator = deepl({ apiKey, url: service.url });
    for (const never of ["fa", "kmr", "de-x-ls"] as const) {
      for (const language of languages) {
        expect(translator.accepts(never, language)).toBe(false);
        expect(translator.accepts(language, never)).toBe(false);
      }
      expect((await failureOf(translator.translate(["Text"], never, "de"))).kind).toBe("unsupported-language");
      expect((await failureOf(translator.translate(["Text"], "de", never))).kind).toBe("unsupported-language");
    }
    expect(service.requests).toHaveLength(0);
    expect(await translator.languages()).toEqual({
      de: ["en", "tr", "ar", "uk", "ru", "pl"],
      en: ["de", "tr", "ar", "uk", "ru", "pl"],
      tr: ["de", "en", "ar", "uk", "ru", "pl"],
      ar: ["de", "en", "tr", "uk", "ru", "pl"],
      uk: ["de", "en", "tr", "ar", "ru", "pl"],
      ru: ["de", "en", "tr", "ar", "uk", "pl"],
      pl: ["de", "en", "tr", "ar", "uk", "ru"],
    });
  });

  it("sends at most 50 texts a request, keeping their order", async () => {
    const texts = Array.from({ length: 51 }, (_, i) => `Satz ${i}`);
    const translations = await deepl({ apiKey, url: service.url }).translate(texts, "de", "tr");
    expect(service.requests.map((r) => (r.body as DeepLBody).text.length)).toEqual([50, 1]);
    expect(translations).toEqual(texts.map((t) => `TR: ${t}`));
  });

  it("reports a refused key (403) as unavailable, without the key", async () => {
    const error = await failureOf(deepl({ apiKey: "wrong-key", url: service.url }).translate(["Hallo"], "de", "en"));
    expect(error).toMatchObject({ kind: "unavailable", status: 403 });
    expect(error.message).not.toContain("wrong-key");
  });

  it("reports too many requests (429) and a used-up quota (456) as rate-limited", async () => {
    const translator = deepl({ apiKey, url: service.url });
    service.reply(
      { status: 429, body: { message: "Too many requests" }, headers: { "retry-after": "5" } },
      { status: 456, body: { message: "Quota exceeded" } },
    );
    expect(await failureOf(translator.translate(["Hallo"], "de", "en"))).toMatchObject({
      kind: "rate-limited",
      status: 429,
      retryAfterSeconds: 5,
    });
    const quota = await failureOf(translator.translate(["Hallo"], "de", "en"));
    expect(quota).toMatchObject({ kind: "rate-limited", status: 456 });
    expect(quota.message).toContain("quota exceeded");
  });

  it("reports a language DeepL refuses (400) as unsupported, and a server error as unavailable", async () => {
    const translator = deepl({ apiKey, url: service.url });
    service.reply({ status: 400, body: { message: "Value for 'target_lang' not supported." } });
    expect(await failureOf(translator.translate(["Hallo"], "de", "tr"))).toMatchObject({
      kind: "unsupported-language",
      status: 400,
    });
    service.reply({ status: 500, body: { message: "Internal error" } }, { status: 503, body: "Service Unavailable" });
    expect(await failureOf(translator.translate(["Hallo"], "de", "tr"))).toMatchObject({
      kind: "unavailable",
      status: 500,
    });
    expect(await failureOf(translator.translate(["Hallo"], "de", "tr"))).toMatchObject({
      kind: "unavailable",
      status: 503,
    });
  });

  it("gives up on a service that never answers after its time-out", async () => {
    service.reply("hang");
    const error = await failureOf(deepl({ apiKey, url: service.url, timeoutMs: 50 }).translate(["Hallo"], "de", "en"));
    expect(error.kind).toBe("timeout");
  });

  it("picks the free host for a free key (…:fx) and the pro host for others", () => {
    expect(deeplUrlFor("abc:fx")).toBe(deeplFreeUrl);
    expect(deeplUrlFor("abc")).toBe(deeplProUrl);
    expect(deeplFreeUrl).toBe("https://api-free.deepl.com");
    expect(deeplProUrl).toBe("https://api.deepl.com");
  });
});
