import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { inLanguage } from "../../i18n/parts";
import { unitLabel } from "../units";

export type MeasureFilter = { q?: string; cluster?: string; unit?: string; maturity?: string };

type Props = {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string;
  /** The language the catalogue's titles are written in. */
  contentLanguage: string;
  filter: MeasureFilter;
  clusters: { key: string; title: string }[];
  /** Offered only where the page can filter by them. */
  units?: { code: string; name: string }[];
  maturity?: boolean;
  /** Kept across a search, e.g. the reader's chosen language. */
  hidden?: Record<string, string>;
  /** More actions beside the submit button (a reset link). */
  children?: ReactNode;
};

/**
 * Searching the catalogue by code or words, focus theme, unit and maturity: a plain GET form,
 * so a filtered catalogue is a link that can be shared and works without JavaScript.
 */
export function MeasureFilters({ idPrefix, contentLanguage, filter, clusters, units = [], maturity = false, hidden = {}, children }: Props) {
  const { t } = useTranslation();
  const content = inLanguage(contentLanguage);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <Form method="get" className="filters" role="search" aria-label={t("catalogue:filter.heading")}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field field--search">
        <label htmlFor={id("q")}>{t("catalogue:filter.search")}</label>
        <input id={id("q")} name="q" type="search" defaultValue={filter.q ?? ""} aria-describedby={id("q-hint")} />
        <span id={id("q-hint")} className="hint">
          {t("catalogue:filter.searchHint")}
        </span>
      </div>
      {clusters.length > 0 && (
        <div className="field">
          <label htmlFor={id("cluster")}>{t("catalogue:filter.cluster")}</label>
          <select id={id("cluster")} name="cluster" defaultValue={filter.cluster ?? ""}>
            <option value="">{t("catalogue:filter.all")}</option>
            {clusters.map((c) => (
              <option key={c.key} value={c.key} {...content}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {units.length > 0 && (
        <div className="field">
          <label htmlFor={id("unit")}>{t("catalogue:filter.unit")}</label>
          <select id={id("unit")} name="unit" defaultValue={filter.unit ?? ""}>
            <option value="">{t("catalogue:filter.all")}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code} {...content}>
                {unitLabel(u)}
              </option>
            ))}
          </select>
        </div>
      )}
      {maturity && (
        <div className="field">
          <label htmlFor={id("maturity")}>{t("catalogue:filter.maturity")}</label>
          <select id={id("maturity")} name="maturity" defaultValue={filter.maturity ?? ""}>
            <option value="">{t("catalogue:filter.all")}</option>
            {(["A", "B", "C"] as const).map((level) => (
              <option key={level} value={level}>
                {t(`catalogue:maturity.${level}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button">
          {t("catalogue:filter.apply")}
        </button>
        {children}
      </div>
    </Form>
  );
}
