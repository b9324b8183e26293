import { inLanguage } from "./parts";
import { useLanguageNames } from "./provider";

/** A language named in itself ("العربية"), marked as such for screen readers. */
export function LanguageName({ code }: { code: string }) {
  const name = useLanguageNames().find((l) => l.code === code)?.name ?? code;
  return <span {...inLanguage(code)}>{name}</span>;
}
