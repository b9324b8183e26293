import { intlLocaleOf, languages } from "./config";
import { inLanguage } from "./parts";
import { useLanguageNames } from "./provider";
import { useTranslation } from "./translate";

/** A language named in itself ("العربية"), marked as such for screen readers: for choosing one. */
export function LanguageName({ code }: { code: string }) {
  const name = useLanguageNames().find((l) => l.code === code)?.name ?? code;
  return <span {...inLanguage(code)}>{name}</span>;
}

/**
 * A language named in the reader's language ("Arabisch" to a German planner): for saying what
 * someone wrote in. The ten languages are named by the locale files (`conferences:language`), as
 * Intl knows neither Leichte Sprache nor, in every runtime, Kurmanji; any other code by Intl, else
 * by itself.
 */
export function LanguageLabel({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const known = (languages as readonly string[]).includes(code);
  return <>{known ? t(`conferences:language.${code}`) : intlLanguageName(code, i18n.language)}</>;
}

function intlLanguageName(code: string, reader: string): string {
  try {
    return new Intl.DisplayNames([intlLocaleOf(reader)], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    // Not a well-formed language tag: the code is all there is to say.
    return code;
  }
}
