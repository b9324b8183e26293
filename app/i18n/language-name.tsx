import { inLanguage } from "./parts";
import { isLanguage } from "./config";
import { languageNames } from "./language-names";

/** A language named in itself ("العربية"), marked as such for screen readers. */
export function LanguageName({ code }: { code: string }) {
  return <span {...inLanguage(code)}>{isLanguage(code) ? languageNames[code] : code}</span>;
}
