import { useLocation, useMatches } from "@remix-run/react";
import type { LanguageChoice } from "../i18n/provider";
import { useTranslation } from "../i18n/translate";

/**
 * Ten languages in a GET form: a select fits a 360 px phone, works without JavaScript, and changes
 * the page only when the visitor submits (WCAG 3.2.2). The path and its filters stay; `lng` changes.
 * A module of its own so its weight on the phone can be measured (tests/i18n/pages.test.ts).
 */
export function LanguageSwitcher({ languageNames, current }: { languageNames: LanguageChoice[]; current: string }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const kept = [...new URLSearchParams(search)].filter(([name]) => name !== "lng");
  // A conference's pages offer the languages the conference chose (a loader says so as `offeredLanguages`).
  const offered = useMatches()
    .map((match) => (match.data as { offeredLanguages?: string[] } | undefined)?.offeredLanguages)
    .find(Boolean);
  const choices = offered ? languageNames.filter(({ code }) => offered.includes(code) || code === current) : languageNames;
  return (
    <form method="get" action={pathname} className="language-switcher" aria-label={t("common:nav.language")}>
      {kept.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="language-select" className="visually-hidden">
        {t("common:nav.language")}
      </label>
      <select id="language-select" name="lng" defaultValue={current}>
        {choices.map(({ code, name }) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary">
        {t("common:nav.languageSubmit")}
      </button>
    </form>
  );
}
