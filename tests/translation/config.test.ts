import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFromEnv } from "../../app/translation/config.server";
import { fakeDeepL, fakeLibreTranslate, type FakeService } from "../support/fake-translators";

let lt: FakeService;
let dl: FakeService;

beforeAll(async () => {
  lt = await fakeLibreTranslate({ apiKey: "lt-key" });
  dl = await fakeDeepL({ apiKey: "dl-key" });
});
afterAll(async () => {
  await lt.close();
  await dl.close();
});

describe("choosing the translator by environment", () => {
  it("chooses none by default, or when told off", () => {
    expect(translatorFromEnv({})).toBeNull();
    expect(translatorFromEnv({ TRANSLATOR: "" })).toBeNull();
    expect(translatorFromEnv({ TRANSLATOR: "off", DEEPL_API_KEY: "dl-key" })).toBeNull();
  });

  it("builds LibreTranslate from its URL and key", async () => {
    const translator = translatorFromEnv({
      TRANSLATOR: "libretranslate",
      LIBRETRANSLATE_URL: lt.url,
      LIBRETRANSLATE_API_KEY: "lt-key",
    });
    expect(translator?.engine).toBe("libretranslate");
    expect(await translator!.translate(["Hallo"], "de", "en")).toEqual(["en: Hallo"]);
    expect(lt.requests.at(-1)!.body).toMatchObject({ api_key: "lt-key" });
  });

  it("builds DeepL from its key, at DEEPL_API_URL when set", async () => {
    const translator = translatorFromEnv({ TRANSLATOR: "DeepL", DEEPL_API_KEY: "dl-key", DEEPL_API_URL: dl.url });
    expect(translator?.engine).toBe("deepl");
    expect(await translator!.translate(["Hallo"], "de", "en")).toEqual(["EN-GB: Hallo"]);
  });

  it("takes a time-out in milliseconds", async () => {
    const hung = await fakeLibreTranslate();
    hung.reply("hang");
    const translator = translatorFromEnv({
      TRANSLATOR: "libretranslate",
      LIBRETRANSLATE_URL: hung.url,
      TRANSLATOR_TIMEOUT_MS: "50",
    });
    await expect(translator!.translate(["Hallo"], "de", "en")).rejects.toMatchObject({ kind: "timeout" });
    await hung.close();
  });

  it("stops the start with the variable to fix when a setting cannot work", () => {
    expect(() => translatorFromEnv({ TRANSLATOR: "libretranslate" })).toThrow("LIBRETRANSLATE_URL");
    expect(() => translatorFromEnv({ TRANSLATOR: "libretranslate", LIBRETRANSLATE_URL: "translate.intern" })).toThrow(
      "LIBRETRANSLATE_URL=translate.intern is not a URL",
    );
    expect(() =>
      translatorFromEnv({ TRANSLATOR: "libretranslate", LIBRETRANSLATE_URL: "ftp://translate.intern" }),
    ).toThrow("http:// or https://");
    expect(() => translatorFromEnv({ TRANSLATOR: "deepl" })).toThrow("DEEPL_API_KEY");
    expect(() => translatorFromEnv({ TRANSLATOR: "google" })).toThrow("TRANSLATOR=google");
    expect(() => translatorFromEnv({ TRANSLATOR: "deepl", DEEPL_API_KEY: "k", TRANSLATOR_TIMEOUT_MS: "soon" })).toThrow(
      "TRANSLATOR_TIMEOUT_MS=soon",
    );
  });
});
