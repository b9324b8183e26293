import { createCookie } from "@remix-run/node";
import { createInstance } from "i18next";
import { fallbackLanguage, fromAcceptLanguage, isLanguage, languages, namespaces, type Language, type Namespace } from "./config";
import { formatInMessage } from "./numbers";
import { messagePartsOf } from "./page-messages";
import type { Messages } from "./resources";
import { resources } from "./resources.server";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** For loaders, actions and scripts: messages outside React (page titles, error texts, e-mails). */
export const i18nServer = createInstance();
void i18nServer.init({
  supportedLngs: [...languages],
  // No fallback: a missing message is a bug the locale check and the page tests catch (021).
  fallbackLng: false,
  load: "currentOnly",
  defaultNS: "common",
  ns: [...namespaces],
  resources,
  initImmediate: false,
  // Numbers as the pages' translator writes them (translate.tsx): the reader's digits.
  interpolation: {
    escapeValue: false,
    alwaysFormat: true,
    // Anything else goes back untouched (i18next itself handles a missing value), whatever the type says.
    format: (value: unknown, _format?: string, language?: string): string =>
      typeof value === "number" && language ? formatInMessage(value, language) : (value as string),
  },
});

/** A language's messages as a page at this path ships them to the browser (page-messages.ts). */
export function messagesOf(language: Language, pathname = "/"): Partial<Record<Namespace, Messages>> {
  const parts = messagePartsOf(pathname);
  if (!parts) return resources[language];
  const chosen: Partial<Record<Namespace, Messages>> = {};
  for (const part of parts) {
    const [namespace, key] = part.split(":") as [Namespace, string | undefined];
    const all = resources[language][namespace];
    if (key === undefined) chosen[namespace] = all;
    else if (all[key] !== undefined) chosen[namespace] = { ...chosen[namespace], [key]: all[key] };
  }
  return chosen;
}

/** The language the visitor chose: `?lng=` on this request, else the cookie an earlier choice set. */
export async function chosenLanguageOf(request: Request): Promise<Language | undefined> {
  const asked = new URL(request.url).searchParams.get("lng");
  if (isLanguage(asked)) return asked;
  const remembered: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(remembered) ? remembered : undefined;
}

/** The page's language: the chosen one, else the browser's first that Mitplan speaks, else German. */
export async function languageOf(request: Request): Promise<Language> {
  return (
    (await chosenLanguageOf(request)) ??
    fromAcceptLanguage(request.headers.get("Accept-Language") ?? "")[0] ??
    fallbackLanguage
  );
}

/** A translation function for loaders and actions (page titles, error messages). */
export async function translatorFor(request: Request, namespace: "common" | "catalogue" = "common") {
  return i18nServer.getFixedT(await languageOf(request), namespace);
}
