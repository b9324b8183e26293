import { z } from "zod";
import { languages as mitplanLanguages, type Language } from "../i18n/config";
import { defaultTimeoutMs, reasonOf, requestJson, type Answer } from "./http.server";
import { TranslatorError, type LanguagePairs, type Translator } from "./translator";

/**
 * Mitplan's languages by LibreTranslate's codes (Argos Translate models). Which of them a server
 * offers depends on the models it loaded (`--load-only`); `languages()` asks it.
 */
const codes: Partial<Record<Language, string>> = {
  de: "de",
  en: "en",
  tr: "tr",
  ar: "ar",
  uk: "uk",
  ru: "ru",
  pl: "pl",
  fa: "fa",
};

export type LibreTranslateOptions = {
  /** The server's address, such as `http://translate.intern:5000`; a path prefix (`--url-prefix`) is kept. */
  url: string;
  /** Only for servers run with `--api-keys`. */
  apiKey?: string;
  timeoutMs?: number;
};

const translatedSchema = z.object({ translatedText: z.array(z.string()) });
const languagesSchema = z.array(z.object({ code: z.string(), targets: z.array(z.string()).optional() }));

export function libreTranslate(options: LibreTranslateOptions): Translator {
  const engine = "libretranslate" as const;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const base = options.url.endsWith("/") ? options.url : `${options.url}/`;
  const endpoint = (path: string) => new URL(path, base);
  const accepts = (from: Language, to: Language) => from !== to && codes[from] !== undefined && codes[to] !== undefined;

  function failure(answer: Answer): TranslatorError {
    const reason = reasonOf(answer.body, "error");
    const status = answer.status;
    if (status === 429) {
      return new TranslatorError("rate-limited", engine, reason, {
        status,
        retryAfterSeconds: answer.retryAfterSeconds,
      });
    }
    // 400 also says a missing API key or a too long text; only these two name a language.
    if (status === 400 && /not supported|not available as a target language/i.test(reason)) {
      return new TranslatorError("unsupported-language", engine, reason, { status });
    }
    return new TranslatorError("unavailable", engine, `HTTP ${status}: ${reason}`, { status });
  }

  return {
    engine,
    accepts,

    async languages(): Promise<LanguagePairs> {
      const answer = await requestJson(
        engine,
        endpoint("languages"),
        { headers: { accept: "application/json" } },
        timeoutMs,
      );
      if (answer.status !== 200) throw failure(answer);
      const parsed = languagesSchema.safeParse(answer.body);
      if (!parsed.success) throw new TranslatorError("unavailable", engine, "unexpected answer to /languages");
      const ours = (code: string) => mitplanLanguages.find((language) => codes[language] === code);
      const pairs: LanguagePairs = {};
      for (const { code, targets = [] } of parsed.data) {
        const from = ours(code);
        if (!from) continue;
        const to = targets.map(ours).filter((language): language is Language => !!language && accepts(from, language));
        if (to.length > 0) pairs[from] = to;
      }
      return pairs;
    },

    async translate(texts, from, to) {
      if (!accepts(from, to)) {
        throw new TranslatorError("unsupported-language", engine, `${from} → ${to} is not sent to LibreTranslate`);
      }
      if (texts.length === 0) return [];
      const body = {
        q: texts,
        source: codes[from],
        target: codes[to],
        format: "text",
        ...(options.apiKey ? { api_key: options.apiKey } : {}),
      };
      const answer = await requestJson(
        engine,
        endpoint("translate"),
        {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(body),
        },
        timeoutMs,
      );
      if (answer.status !== 200) throw failure(answer);
      const parsed = translatedSchema.safeParse(answer.body);
      if (!parsed.success || parsed.data.translatedText.length !== texts.length) {
        throw new TranslatorError("unavailable", engine, "unexpected answer to /translate", { status: answer.status });
      }
      return parsed.data.translatedText;
    },
  };
}
