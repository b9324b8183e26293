import { z } from "zod";
import { languages as mitplanLanguages, type Language } from "../i18n/config";
import { defaultTimeoutMs, reasonOf, requestJson, type Answer } from "./http.server";
import { pairsOf, TranslatorError, type Translator } from "./translator";

/**
 * Mitplan's languages by DeepL's codes. English comes out British (a German city's usage);
 * DeepL reads any English. Persian is missing: DeepL offers it only as a beta language, which its
 * terms (Pro licence §3.1.5) put outside the contract and so outside its data-processing promises.
 */
const sourceCodes: Partial<Record<Language, string>> = {
  de: "DE",
  en: "EN",
  tr: "TR",
  ar: "AR",
  uk: "UK",
  ru: "RU",
  pl: "PL",
};
const targetCodes: Partial<Record<Language, string>> = { ...sourceCodes, en: "EN-GB" };

/** DeepL takes at most 50 texts in one request. */
const textsPerRequest = 50;

export const deeplFreeUrl = "https://api-free.deepl.com";
export const deeplProUrl = "https://api.deepl.com";

export type DeepLOptions = {
  apiKey: string;
  /** Else chosen by the key: DeepL's free keys end in `:fx` and work only on the free host. */
  url?: string;
  timeoutMs?: number;
};

const translatedSchema = z.object({ translations: z.array(z.object({ text: z.string() })) });

export function deeplUrlFor(apiKey: string): string {
  return apiKey.endsWith(":fx") ? deeplFreeUrl : deeplProUrl;
}

export function deepl(options: DeepLOptions): Translator {
  const engine = "deepl" as const;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const base = options.url ?? deeplUrlFor(options.apiKey);
  const endpoint = new URL("v2/translate", base.endsWith("/") ? base : `${base}/`);
  const accepts = (from: Language, to: Language) =>
    from !== to && sourceCodes[from] !== undefined && targetCodes[to] !== undefined;

  function failure(answer: Answer): TranslatorError {
    const reason = reasonOf(answer.body, "message");
    const status = answer.status;
    // 429: too many requests; 456: the month's characters (free) or the cost limit (pro) are used up.
    if (status === 429 || status === 456) {
      const what = status === 456 ? `quota exceeded: ${reason}` : reason;
      return new TranslatorError("rate-limited", engine, what, { status, retryAfterSeconds: answer.retryAfterSeconds });
    }
    if (status === 400 && /lang/i.test(reason)) {
      return new TranslatorError("unsupported-language", engine, reason, { status });
    }
    if (status === 403) {
      return new TranslatorError("unavailable", engine, `the API key was refused: ${reason}`, { status });
    }
    return new TranslatorError("unavailable", engine, `HTTP ${status}: ${reason}`, { status });
  }

  async function translateChunk(texts: readonly string[], from: Language, to: Language): Promise<string[]> {
    const answer = await requestJson(
      engine,
      endpoint,
      {
        method: "POST",
        headers: {
          authorization: `DeepL-Auth-Key ${options.apiKey}`,
          "content-type": "application/json",
          accept: "application/json",
          "user-agent": "Mitplan",
        },
        body: JSON.stringify({ text: texts, source_lang: sourceCodes[from], target_lang: targetCodes[to] }),
      },
      timeoutMs,
    );
    if (answer.status !== 200) throw failure(answer);
    const parsed = translatedSchema.safeParse(answer.body);
    if (!parsed.success || parsed.data.translations.length !== texts.length) {
      throw new TranslatorError("unavailable", engine, "unexpected answer to /v2/translate", { status: answer.status });
    }
    return parsed.data.translations.map((t) => t.text);
  }

  return {
    engine,
    accepts,

    /**
     * DeepL's own list (`/v2/languages`) is not asked: it long left out languages that text
     * translation already had (Arabic), and is deprecated. The fixed list above is what we send.
     */
    languages: async () => pairsOf(accepts, mitplanLanguages),

    async translate(texts, from, to) {
      if (!accepts(from, to)) {
        throw new TranslatorError("unsupported-language", engine, `${from} → ${to} is not sent to DeepL`);
      }
      const translations: string[] = [];
      for (let start = 0; start < texts.length; start += textsPerRequest) {
        translations.push(...(await translateChunk(texts.slice(start, start + textsPerRequest), from, to)));
      }
      return translations;
    },
  };
}
