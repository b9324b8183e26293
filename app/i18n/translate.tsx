import { cloneElement, createContext, Fragment, isValidElement, useContext, useMemo, type ReactElement, type ReactNode } from "react";
import { directionOf, intlLocaleOf } from "./config";
import { formatInMessage } from "./numbers";
import type { Messages } from "./resources";

/**
 * The pages' translator: the part of i18next they use (namespaces, `{{value}}`, plural forms by
 * `count` with `_zero` first for 0, `defaultValue`, `<name/>` placeholders for elements), written
 * out so the phone's bundle carries 2 KB of it instead of i18next and react-i18next (about 20 KB
 * compressed; docs/decisions/026). Loaders and scripts keep i18next (i18n.server.ts): both read
 * the same locale files the same way, which tests/i18n checks for every page in every language.
 */
export type TOptions = { count?: number; defaultValue?: string; [name: string]: unknown };
export type TFunction = (key: string, options?: TOptions) => string;
export type PageI18n = { language: string; dir(language?: string): "ltr" | "rtl" };

const defaultNamespace = "common";

/** A message the page's language lacks is a bug: said in the server's log and the browser's console. */
function reportMissing(language: string, namespace: string, key: string) {
  console.error(`missing message: ${language} ${namespace}:${key}`);
}

function lookUp(messages: Record<string, Messages>, namespace: string, path: string): string | undefined {
  let node: string | boolean | Messages | undefined = messages[namespace];
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** Numbers in the page's language (i18n.server.ts formats them the same way for loaders and e-mails). */
function interpolate(template: string, options: TOptions | undefined, language: string): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = options?.[name];
    if (value === undefined || value === null) return "";
    return typeof value === "number" ? formatInMessage(value, language) : String(value);
  });
}

/**
 * As i18next: an invalid or unknown language tag has no plural rule, and the bare key is read.
 * The rules are those of the locale `Intl` formats with (Kurmanji as `ku`), as the locale check expects.
 */
function pluralRulesOf(language: string): Intl.PluralRules | undefined {
  try {
    return new Intl.PluralRules(intlLocaleOf(language));
  } catch {
    return undefined;
  }
}

export function createTranslator(language: string, messages: Record<string, Messages>): TFunction {
  const rules = pluralRulesOf(language);
  return (key, options) => {
    const colon = key.indexOf(":");
    const namespace = colon > 0 ? key.slice(0, colon) : defaultNamespace;
    const path = colon > 0 ? key.slice(colon + 1) : key;
    const candidates: string[] = [];
    if (typeof options?.count === "number") {
      if (options.count === 0) candidates.push(`${path}_zero`);
      if (rules) candidates.push(`${path}_${rules.select(options.count)}`);
    }
    candidates.push(path);
    for (const candidate of candidates) {
      const found = lookUp(messages, namespace, candidate);
      if (found !== undefined) return interpolate(found, options, language);
    }
    reportMissing(language, namespace, path);
    return options?.defaultValue !== undefined ? interpolate(options.defaultValue, options, language) : path;
  };
}

type Translation = { t: TFunction; i18n: PageI18n };
const TranslationContext = createContext<Translation | null>(null);

export function TranslationProvider({
  language,
  messages,
  children,
}: {
  language: string;
  messages: Record<string, Messages>;
  children: ReactNode;
}) {
  const value = useMemo(
    () => ({ t: createTranslator(language, messages), i18n: { language, dir: (l = language) => directionOf(l) } }),
    [language, messages],
  );
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

export function useTranslation(): Translation {
  const translation = useContext(TranslationContext);
  if (!translation) throw new Error("useTranslation outside TranslationProvider");
  return translation;
}

/** A message with `<name/>` placeholders, each filled with the element of that name. */
export function Trans({
  i18nKey,
  values,
  components,
}: {
  i18nKey: string;
  values?: TOptions;
  components: Record<string, ReactElement>;
}) {
  const { t } = useTranslation();
  const parts = t(i18nKey, values).split(/<(\w+)\s*\/>/);
  return (
    <>
      {parts.map((part, index) => {
        if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
        const element = components[part];
        return isValidElement(element) ? cloneElement(element, { key: index }) : null;
      })}
    </>
  );
}
