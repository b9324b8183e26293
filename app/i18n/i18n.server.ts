import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, isLanguage, languages, namespaces, type Language } from "./config";
import { resources } from "./resources";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...languages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: {
    supportedLngs: [...languages],
    fallbackLng: fallbackLanguage,
    defaultNS: "common",
    ns: [...namespaces],
    resources,
    interpolation: { escapeValue: false },
  },
});

/** Every namespace of one language: what a page ships to the browser. */
export function messagesOf(language: Language) {
  return resources[language];
}

export async function languageOf(request: Request): Promise<Language> {
  const detected = await i18nServer.getLocale(request);
  return isLanguage(detected) ? detected : fallbackLanguage;
}

/** A translation function for loaders and actions (page titles, error messages). */
export async function translatorFor(request: Request, namespace: "common" | "catalogue" = "common") {
  return i18nServer.getFixedT(await languageOf(request), namespace);
}
