import type { Language } from "../i18n/config";

/**
 * Machine translation is optional and pluggable (issue 11, docs/decisions/033): one interface,
 * one adapter per service, none unless the environment names one.
 */
export type Engine = "libretranslate" | "deepl";

/** For each language Mitplan may send a text in, the languages it may come back in. */
export type LanguagePairs = Partial<Record<Language, Language[]>>;

export interface Translator {
  readonly engine: Engine;
  /**
   * Whether Mitplan would ever send this pair to this service, answered without asking it: the
   * languages it has no code for (and Kurmanji and Leichte Sprache, which none is given) never leave.
   */
  accepts(from: Language, to: Language): boolean;
  /** The pairs the service offers now, among those it accepts. */
  languages(): Promise<LanguagePairs>;
  /** One translation per text, in the same order. Throws a TranslatorError. */
  translate(texts: readonly string[], from: Language, to: Language): Promise<string[]>;
}

/**
 * Never sent to a machine. Kurmanji: LibreTranslate has no model, and DeepL offers it only as a
 * beta language, outside its contract. Leichte Sprache: rules for easy language (short sentences,
 * explained words) that no service applies; a machine's German is not Leichte Sprache.
 */
export const neverMachineTranslated: readonly Language[] = ["kmr", "de-x-ls"];

export type TranslatorErrorKind = "unavailable" | "rate-limited" | "timeout" | "unsupported-language";

/**
 * Why a service gave no translation. The message names the service's status and its own short
 * reason, never the texts (they are participants' comments) nor the key.
 */
export class TranslatorError extends Error {
  readonly status?: number;
  /** For `rate-limited`: when the service said to come back, if it did. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly kind: TranslatorErrorKind,
    readonly engine: Engine,
    message: string,
    options: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(`${engine} ${kind}: ${message}`, { cause: options.cause });
    this.name = "TranslatorError";
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** A translator's languages as pairs: every accepted source with every accepted target. */
export function pairsOf(accepted: (from: Language, to: Language) => boolean, all: readonly Language[]): LanguagePairs {
  const pairs: LanguagePairs = {};
  for (const from of all) {
    const targets = all.filter((to) => accepted(from, to));
    if (targets.length > 0) pairs[from] = targets;
  }
  return pairs;
}
