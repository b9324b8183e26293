import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "../../i18n/translate";
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
        <FilterSelect
          id={id("cluster")}
          name="cluster"
          value={filter.cluster}
          options={clusters.map((c) => ({ value: c.key, label: c.title, content: true }))}
          contentLanguage={contentLanguage}
        />
      )}
      {units.length > 0 && (
        <FilterSelect
          id={id("unit")}
          name="unit"
          value={filter.unit}
          options={units.map((u) => ({ value: u.code, label: unitLabel(u), content: true }))}
          contentLanguage={contentLanguage}
        />
      )}
      {maturity && (
        <FilterSelect
          id={id("maturity")}
          name="maturity"
          value={filter.maturity}
          options={(["A", "B", "C"] as const).map((level) => ({ value: level, label: t(`catalogue:maturity.${level}`), content: false }))}
          contentLanguage={contentLanguage}
        />
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

type Option = { value: string; label: string; /** Catalogue text, in the plan's language. */ content: boolean };

/** One filter: "all" first, then the choices; its label is `catalogue:filter.<name>`. */
function FilterSelect({
  id,
  name,
  value,
  options,
  contentLanguage,
}: {
  id: string;
  name: "cluster" | "unit" | "maturity";
  value: string | undefined;
  options: Option[];
  contentLanguage: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t(`catalogue:filter.${name}`)}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{t("catalogue:filter.all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} {...(option.content ? inLanguage(contentLanguage) : {})}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
