import { useTranslation } from "../../i18n/translate";
import { questionMax } from "../limits";
import { MeasureFilters } from "../../catalogue/ui/measure-filters";
import { inLanguage } from "../../i18n/parts";
import { ActionForm } from "../../components/action-form";
import { TranslationFields } from "../../components/translation-fields";
import { NoteFields } from "./note-fields";
import { RankingPicker } from "./ranking-picker";
import { entryTitle } from "../ranking-names";

export type PickerCatalogue = {
  language: string;
  clusters: { key: string; title: string }[];
  /** The plan's goals (Oberziele), which a steering group rates (decision 051). */
  goals: { key: string; number: number | null; title: string }[];
  measures: { code: string; title: string }[];
};

type Props = {
  catalogue: PickerCatalogue;
  filter: { q?: string; cluster?: string };
  /** Codes already on the agenda, marked so nobody adds a measure twice by accident. */
  onAgenda: string[];
  /** The conference's languages: a question may be given in each (docs/decisions/039). */
  languages: string[];
};

/**
 * Adds to the agenda: measures found in the conference's plan, a focus theme, a ranking of chosen
 * measures, or an open question.
 */
export function CataloguePicker({ catalogue, filter, onAgenda, languages }: Props) {
  const { t } = useTranslation();
  const content = inLanguage(catalogue.language);
  return (
    <>
      <section aria-labelledby="add-measures-title">
        <h3 id="add-measures-title">{t("conferences:picker.measuresHeading")}</h3>
        <MeasureFilters idPrefix="picker" contentLanguage={catalogue.language} filter={filter} clusters={catalogue.clusters} />
        {catalogue.measures.length === 0 ? (
          <p role="status">{t("conferences:picker.noMatch")}</p>
        ) : (
          <ActionForm formId="add-measures" intent="addMeasures" resetOnSuccess>
            {({ fieldError, describe, error }) => (
              <fieldset className="measure-picker" aria-describedby={describe("entries")["aria-describedby"]}>
                <legend>{t("conferences:picker.choose", { count: catalogue.measures.length })}</legend>
                <ul className="choice-list">
                  {catalogue.measures.map((m) => (
                    <li key={m.code}>
                      <label className="choice">
                        <input type="checkbox" name="measureCode" value={m.code} />
                        <span className="item-code">{m.code}</span> <span {...content}>{m.title}</span>
                        {onAgenda.includes(m.code) && (
                          <span className="muted"> {t("conferences:picker.onAgenda")}</span>
                        )}
                      </label>
                    </li>
                  ))}
                </ul>
                {fieldError("entries", "conferences:picker.chooseOne")}
                <NoteFields idPrefix="add-measures" languages={languages} form={{ describe, fieldError, error }} />
                <div className="actions">
                  <button type="submit" className="button">
                    {t("conferences:picker.addMeasures")}
                  </button>
                </div>
              </fieldset>
            )}
          </ActionForm>
        )}
      </section>

      {catalogue.clusters.length > 0 && (
        <SinglePicker
          id="add-cluster"
          intent="addCluster"
          name="clusterKey"
          options={catalogue.clusters}
          labels={{ heading: "conferences:picker.clusterHeading", label: "conferences:picker.clusterLabel", submit: "conferences:picker.addCluster" }}
          contentLanguage={catalogue.language}
          languages={languages}
        />
      )}

      {catalogue.goals.length > 0 && (
        <SinglePicker
          id="add-goal"
          intent="addGoal"
          name="goalKey"
          options={catalogue.goals.map((goal) => ({ key: goal.key, title: entryTitle({ cluster: null, goal })! }))}
          labels={{ heading: "conferences:picker.goalHeading", label: "conferences:picker.goalLabel", submit: "conferences:picker.addGoal" }}
          contentLanguage={catalogue.language}
          languages={languages}
        />
      )}

      {catalogue.measures.length >= 2 && <RankingPicker catalogue={catalogue} languages={languages} />}

      <section aria-labelledby="add-question-title">
        <h3 id="add-question-title">{t("conferences:picker.questionHeading")}</h3>
        <ActionForm formId="add-question" intent="addQuestion" className="inline-form" resetOnSuccess>
          {({ describe, fieldError, error }) => (
            <>
              <div className="field">
                <label htmlFor="add-question">{t("conferences:picker.questionLabel")}</label>
                <input
                  id="add-question"
                  name="question"
                  required
                  maxLength={questionMax}
                  placeholder={t("conferences:picker.questionPlaceholder")}
                  {...describe("entries.0.question")}
                />
                {fieldError("entries.0.question")}
              </div>
              <TranslationFields
                idPrefix="add-question"
                languages={languages}
                name="question"
                field="entries.0.questionTranslations"
                legend={t("conferences:picker.questionTranslations")}
                max={questionMax}
                form={{ describe, fieldError }}
              />
              <NoteFields idPrefix="add-question" languages={languages} form={{ describe, fieldError, error }} />
              <button type="submit" className="button">
                {t("conferences:picker.addQuestion")}
              </button>
            </>
          )}
        </ActionForm>
      </section>
    </>
  );
}

type SinglePickerProps = {
  id: string;
  intent: string;
  /** The form field the chosen key is sent in. */
  name: string;
  options: { key: string; title: string }[];
  labels: { heading: string; label: string; submit: string };
  contentLanguage: string;
  languages: string[];
};

/** Adds one catalogue entry chosen from a list (a focus theme, a goal) as an agenda item. */
function SinglePicker({ id, intent, name, options, labels, contentLanguage, languages }: SinglePickerProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(labels.heading)}</h3>
      <ActionForm formId={id} intent={intent} className="inline-form">
        {({ describe, fieldError, error }) => (
          <>
            <div className="field">
              <label htmlFor={id}>{t(labels.label)}</label>
              <select id={id} name={name} {...describe("entries.0")}>
                {options.map((o) => (
                  <option key={o.key} value={o.key} {...inLanguage(contentLanguage)}>
                    {o.title}
                  </option>
                ))}
              </select>
              {fieldError("entries.0")}
            </div>
            <NoteFields idPrefix={id} languages={languages} form={{ describe, fieldError, error }} />
            <button type="submit" className="button">
              {t(labels.submit)}
            </button>
          </>
        )}
      </ActionForm>
    </section>
  );
}
