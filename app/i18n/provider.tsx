import { createInstance, type i18n } from "i18next";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { namespaces } from "./config";
import type { Messages } from "./resources";

export type LanguageChoice = { code: string; name: string };
export type PageMessages = { language: string; messages: Record<string, Messages>; languageNames?: LanguageChoice[] };

/** A message the page's language lacks is a bug: said in the server's log and the browser's console. */
function reportMissing(languages: readonly string[], namespace: string, key: string) {
  console.error(`missing message: ${languages.join(",")} ${namespace}:${key}`);
}

function createI18n({ language, messages }: PageMessages): i18n {
  const instance = createInstance();
  // The messages arrive with the root loader's data, so init is synchronous on server and client.
  void instance.use(initReactI18next).init({
    lng: language,
    // Only this language's messages are here, and no page mixes languages (docs/decisions/021).
    fallbackLng: false,
    load: "currentOnly",
    ns: [...namespaces],
    defaultNS: "common",
    resources: { [language]: messages },
    initImmediate: false,
    saveMissing: true,
    missingKeyHandler: reportMissing,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}

const LanguageNames = createContext<LanguageChoice[]>([]);

/** Every interface language named in itself, as the root loader sent them. */
export function useLanguageNames(): LanguageChoice[] {
  return useContext(LanguageNames);
}

export function MessagesProvider({ page, children }: { page: PageMessages; children: ReactNode }) {
  const { language, messages, languageNames = [] } = page;
  const instance = useMemo(() => createI18n({ language, messages }), [language, messages]);
  return (
    <LanguageNames.Provider value={languageNames}>
      <I18nextProvider i18n={instance}>{children}</I18nextProvider>
    </LanguageNames.Provider>
  );
}
