import { deepl } from "./deepl.server";
import { libreTranslate } from "./libretranslate.server";
import type { Translator } from "./translator";

type Env = Record<string, string | undefined>;

/**
 * The translator the environment names, or null: none by default, so no comment leaves the
 * server unless the operator chose a service (README, "Machine translation (optional)").
 * A setting that cannot work stops the start with the variable to fix, as TRUST_PROXY does.
 */
export function translatorFromEnv(env: Env = process.env): Translator | null {
  const choice = env.TRANSLATOR?.trim().toLowerCase() ?? "";
  if (choice === "" || choice === "off" || choice === "none") return null;
  const timeoutMs = timeoutOf(env.TRANSLATOR_TIMEOUT_MS);
  if (choice === "libretranslate") {
    const url = env.LIBRETRANSLATE_URL?.trim();
    if (!url) {
      throw new Error("TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL, the server's address (http://…:5000)");
    }
    return libreTranslate({
      url: httpUrl("LIBRETRANSLATE_URL", url),
      apiKey: env.LIBRETRANSLATE_API_KEY?.trim() || undefined,
      timeoutMs,
    });
  }
  if (choice === "deepl") {
    const apiKey = env.DEEPL_API_KEY?.trim();
    if (!apiKey) throw new Error("TRANSLATOR=deepl needs DEEPL_API_KEY, the key from the DeepL API account");
    const url = env.DEEPL_API_URL?.trim();
    return deepl({ apiKey, url: url ? httpUrl("DEEPL_API_URL", url) : undefined, timeoutMs });
  }
  throw new Error(
    `TRANSLATOR=${env.TRANSLATOR}: use libretranslate, deepl, or leave it unset for no machine translation`,
  );
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}=${value} is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${name}=${value} must start with http:// or https://`);
  }
  return url.toString();
}

function timeoutOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(`TRANSLATOR_TIMEOUT_MS=${value} must be a whole number of milliseconds above 0`);
  }
  return ms;
}
