import { createContext, useContext, type ReactNode } from "react";
import type { Messages } from "./resources";
import { TranslationProvider } from "./translate";

export type LanguageChoice = { code: string; name: string };
export type PageMessages = { language: string; messages: Record<string, Messages>; languageNames?: LanguageChoice[] };

const LanguageNames = createContext<LanguageChoice[]>([]);

/** Every interface language named in itself, as the root loader sent them. */
export function useLanguageNames(): LanguageChoice[] {
  return useContext(LanguageNames);
}

/** The messages arrive with the root loader's data, so translating is synchronous on server and client. */
export function MessagesProvider({ page, children }: { page: PageMessages; children: ReactNode }) {
  const { language, messages, languageNames = [] } = page;
  return (
    <LanguageNames.Provider value={languageNames}>
      <TranslationProvider language={language} messages={messages}>
        {children}
      </TranslationProvider>
    </LanguageNames.Provider>
  );
}
