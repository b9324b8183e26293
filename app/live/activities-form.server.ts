import type { AgendaActivities } from "../../db/schema";
import { languages } from "../i18n/config";
import { translationsFromFields } from "../i18n/content";
import { resources } from "../i18n/resources.server";
import { defaultCriteria } from "./limits";

type FormValues = Record<string, string | string[]>;

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join("\n") : value ?? "");
const checked = (value: string | string[] | undefined) => value === "on";
/** An empty field stays NaN, so the schema names the field instead of taking a zero. */
const whole = (value: string | string[] | undefined) => (text(value).trim() === "" ? Number.NaN : Number(text(value)));

/**
 * Every language's label of a default criterion leads back to its key: the textarea shows
 * "Dringlichkeit" to a German moderator, and an Arabic participant must still read it in Arabic.
 */
const criterionByLabel = new Map<string, string>(
  defaultCriteria.flatMap((key) => [
    [key.toLowerCase(), key] as const,
    ...languages.map((language) => {
      const criteria = resources[language].live.criterion;
      const entry = typeof criteria === "object" ? criteria[key] : undefined;
      const label = typeof entry === "object" ? entry.label : undefined;
      return [(typeof label === "string" ? label : key).toLowerCase(), key] as const;
    }),
  ]),
);

export function criteriaFromText(value: string): string[] {
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => criterionByLabel.get(line.toLowerCase()) ?? line);
  return [...new Set(lines)];
}

/**
 * The translations typed beside the item's own criteria as they were saved: `criterionName.<i>`
 * names the German criterion whose fields are `criterionTranslation.<i>.<language>`. A criterion
 * renamed or removed in the same post takes its translations with it.
 */
function criterionTranslationsFromForm(form: FormValues, criteria: string[]): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (let i = 0; form[`criterionName.${i}`] !== undefined; i++) {
    const name = text(form[`criterionName.${i}`]);
    const translations = translationsFromFields(form, `criterionTranslation.${i}`);
    if (criteria.includes(name) && Object.keys(translations).length > 0) result[name] = translations;
  }
  return result;
}

/** The activities form of one agenda item as the domain's input; the domain validates it. */
export function activitiesFromForm(form: FormValues): AgendaActivities {
  const criteria = criteriaFromText(text(form.criteria));
  return {
    comments: checked(form.comments),
    dots: checked(form.dots) ? { maxPerItem: whole(form.dotsMax) } : null,
    rating: checked(form.rating)
      ? { criteria, min: 1, max: whole(form.ratingMax), criterionTranslations: criterionTranslationsFromForm(form, criteria) }
      : null,
    scale: checked(form.scale) ? { min: 1, max: 10, label: text(form.scaleLabel).trim() || null } : null,
    ranking: checked(form.ranking),
  };
}
