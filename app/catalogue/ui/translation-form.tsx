import { Form } from "@remix-run/react";
import { TextAreaField } from "../../components/form-fields";
import { usePageForm } from "../../components/page-form";
import { formatDateTime } from "../../i18n/format";
import { LanguageLabel } from "../../i18n/language-name";
import { inLanguage } from "../../i18n/parts";
import { useTranslation } from "../../i18n/translate";
import type { TranslatableField } from "../measure-fields";
import type { TranslationEditor } from "../workbench.server";
import { RichText } from "./rich-text";

const fieldLabel = (field: TranslatableField) => (field === "summary" ? "catalogue:translations.summary" : `catalogue:field.${field}`);
const fields: TranslatableField[] = ["title", "summary", "situation", "objective", "actions", "steps", "stakeholders", "responsible", "dataSources"];

/**
 * A measure's German beside its translation, field by field (decision 041): what changed in the
 * German since the translation was made is marked, and the form says which revision's German it
 * was written against (`seenRevision`).
 */
export function TranslationForm({ editor, done }: { editor: TranslationEditor; done: "saved" | "confirmed" | "reviewed" | null }) {
  const { t, i18n } = useTranslation();
  const view = usePageForm("translation");
  const { translation, original, language, plan } = editor;
  const target = inLanguage(language);
  const changed = new Set(translation?.changedSources ?? []);
  const value = (field: TranslatableField) => view.sentText(field) ?? translation?.fields[field] ?? "";

  return (
    <>
      <header className="prose">
        <h1>
          {t("catalogue:translations.editor.heading", { code: editor.code })} · <LanguageLabel code={language} />
        </h1>
      </header>
      <section id="status" aria-labelledby="status-title" className="translation-status">
        <h2 id="status-title">{t("catalogue:translations.editor.statusHeading")}</h2>
        {done && (
          <p role="status" className="notice">
            {t(`catalogue:translations.editor.done.${done}`)}
          </p>
        )}
        {translation ? (
          <>
            <p>
              {t(translation.updatedBy ? "catalogue:translations.editor.statusBy" : "catalogue:translations.editor.status", {
                state: t(`catalogue:translations.state.${translation.state}`),
                revision: translation.baseRevision,
                date: formatDateTime(translation.updatedAt, i18n.language),
                name: translation.updatedBy ?? "",
              })}
            </p>
            {translation.status === "outdated" && (
              <p className="notice notice--warning">
                {t("catalogue:translations.editor.outdated", {
                  revision: translation.baseRevision,
                  fields: translation.changedSources.map((f) => t(`catalogue:field.${f}`)).join(", "),
                })}
              </p>
            )}
          </>
        ) : (
          <p>{t("catalogue:translations.editor.missing")}</p>
        )}
      </section>

      {view.error && (
        <p id={view.errorId} className="form-error" role="alert">
          {t(view.error.messageKey, view.error.values)}
        </p>
      )}
      <Form method="post" className="translation-form">
        <input type="hidden" name="formId" value="translation" />
        <input type="hidden" name="seenRevision" value={editor.revision} />
        <div className="translation-columns" aria-hidden="true">
          <p>{t("catalogue:translations.editor.original", { revision: editor.revision })}</p>
          <p>
            <LanguageLabel code={language} />
          </p>
        </div>
        {fields.map((field) => {
          const id = `translation-${field}`;
          const source = original[field];
          return (
            <div key={field} className="translation-row">
              <div className="translation-original" id={`${id}-original`}>
                <p className="translation-original__label">
                  {t(fieldLabel(field))}
                  {changed.has(field) && <strong className="translation-changed"> · {t("catalogue:translations.editor.changed")}</strong>}
                </p>
                {source ? (
                  <div {...inLanguage(plan.language)}>
                    <RichText text={source} />
                  </div>
                ) : (
                  <p className="muted">{t(field === "summary" ? "catalogue:translations.editor.summaryHint" : "catalogue:translations.editor.empty")}</p>
                )}
              </div>
              <TextAreaField
                id={id}
                name={field}
                label={t("catalogue:translations.editor.fieldIn", { field: t(fieldLabel(field)) })}
                rows={field === "title" ? 2 : field === "summary" ? 3 : 5}
                defaultValue={value(field)}
                error={view.fieldMessage(field)}
                alsoDescribedBy={view.error ? view.errorId : undefined}
                required={field === "title"}
                {...target}
              />
            </div>
          );
        })}
        <div className="button-row">
          <button type="submit" name="intent" value="draft" className="button">
            {t("catalogue:translations.editor.saveDraft")}
          </button>
          <button type="submit" name="intent" value="reviewed" className="button button--secondary">
            {t("catalogue:translations.editor.saveReviewed")}
          </button>
          {translation?.status === "outdated" && (
            <button type="submit" name="intent" value="confirm" className="button button--secondary" formNoValidate>
              {t("catalogue:translations.editor.confirm")}
            </button>
          )}
          {translation && translation.status !== "reviewed" && (
            <button type="submit" name="intent" value="review" className="button button--secondary" formNoValidate>
              {t("catalogue:translations.editor.review")}
            </button>
          )}
        </div>
      </Form>
    </>
  );
}
