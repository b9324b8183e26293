import { createInstance, type i18n } from "i18next";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { fallbackLanguage, namespaces } from "./config";
import type { Messages } from "./resources";

export type PageMessages = { language: string; messages: Record<string, Messages> };

function createI18n({ language, messages }: PageMessages): i18n {
  const instance = createInstance();
  // The messages arrive with the root loader's data, so init is synchronous on server and client.
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: fallbackLanguage,
    ns: [...namespaces],
    defaultNS: "common",
    resources: { [language]: messages },
    initImmediate: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}

export function MessagesProvider({ page, children }: { page: PageMessages; children: ReactNode }) {
  const { language, messages } = page;
  const instance = useMemo(() => createI18n({ language, messages }), [language, messages]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}
