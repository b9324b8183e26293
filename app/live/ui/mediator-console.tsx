import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { ActionForm } from "../../components/action-form";
import { translationFor, type TranslationView } from "../../translation/views";
import { commentBodyMax, proposalBodyMax, proposalTitleMax } from "../limits";
import type { LiveState } from "../state.server";
import { useLiveSession } from "../use-live-session";
import { ConnectionStatus } from "./connection-status";
import { ItemTitle } from "./item-title";
import { translatedByKey } from "./translation-note";

type Input = {
  target: "comment" | "proposal";
  id: string;
  language: string;
  title: string | null;
  body: string;
  authorName: string | null;
  translations: TranslationView[];
};

/** The conference's languages this input still lacks: neither its own nor translated yet. */
export function missingLanguages(input: Pick<Input, "language" | "translations">, offered: string[]): string[] {
  return offered.filter((language) => language !== input.language && !translationFor(input.translations, language));
}

/** One language of one input: a form to write its translation, or to correct what stands there. */
function TranslateForm({ input, language }: { input: Input; language: string }) {
  const { t } = useTranslation();
  const existing = translationFor(input.translations, language);
  const formId = `translate-${input.id}-${language}`;
  const name = t(`conferences:language.${language}`);
  return (
    <ActionForm formId={formId} intent="translate" values={{ target: input.target, id: input.id, language }} className="translate-form">
      {(form) => (
        <>
          {input.target === "proposal" && (
            <div className="field">
              <label htmlFor={`${formId}-title`}>{t("conferences:mediation.titleLabel", { language: name })}</label>
              <input
                id={`${formId}-title`}
                name="title"
                required
                maxLength={proposalTitleMax}
                defaultValue={existing?.title ?? ""}
                {...inLanguage(language)}
                {...form.describe("title")}
              />
              {form.fieldError("title")}
            </div>
          )}
          <div className="field">
            <label htmlFor={`${formId}-text`}>{t("conferences:mediation.textLabel", { language: name })}</label>
            <textarea
              id={`${formId}-text`}
              name="text"
              rows={3}
              required
              maxLength={input.target === "proposal" ? proposalBodyMax : commentBodyMax}
              defaultValue={existing?.text ?? ""}
              {...inLanguage(language)}
              {...form.describe("text")}
            />
            {form.fieldError("text")}
          </div>
          <button type="submit" className="button" disabled={form.busy}>
            {existing ? t("conferences:mediation.correct", { language: name }) : t("conferences:mediation.submit", { language: name })}
          </button>
          {form.done && (
            <span role="status" className="hint">
              {t("conferences:mediation.saved")}
            </span>
          )}
        </>
      )}
    </ActionForm>
  );
}

function InputEntry({ input, offered }: { input: Input; offered: string[] }) {
  const { t } = useTranslation();
  const missing = missingLanguages(input, offered);
  const others = offered.filter((language) => language !== input.language);
  return (
    <li className="mediation-entry">
      <article aria-labelledby={`mediate-${input.id}`}>
        <p className="moderation-entry__meta">
          <strong>{input.authorName ?? t("conferences:comments.anonymous")}</strong> · {t(`conferences:language.${input.language}`)}
        </p>
        <p id={`mediate-${input.id}`} className="moderation-entry__body" {...inLanguage(input.language)}>
          {input.title && <strong>{input.title}: </strong>}
          {input.body}
        </p>
        <p className="mediation-entry__missing">
          {missing.length === 0
            ? t("conferences:mediation.complete")
            : t("conferences:mediation.missing", { languages: missing.map((l) => t(`conferences:language.${l}`)).join(", ") })}
        </p>
        <ul className="mediation-entry__languages">
          {others.map((language) => {
            const existing = translationFor(input.translations, language);
            return (
              <li key={language}>
                <details open={!existing && missing[0] === language ? true : undefined}>
                  <summary>
                    {t(`conferences:language.${language}`)} ·{" "}
                    {existing ? t(translatedByKey(existing)) : t("conferences:mediation.none")}
                  </summary>
                  {existing && (
                    <p className="translation__text" {...inLanguage(language)}>
                      {existing.title && <strong>{existing.title}: </strong>}
                      {existing.text}
                    </p>
                  )}
                  <TranslateForm input={input} language={language} />
                </details>
              </li>
            );
          })}
        </ul>
      </article>
    </li>
  );
}

/**
 * The language mediators' console (decision 042): the current item's comments and the session's
 * proposals as they come in, with the conference's languages each still lacks, translated in place.
 * Translations arrive live like the comments themselves.
 */
export function MediatorConsole({ initial }: { initial: LiveState }) {
  const { t } = useTranslation();
  const { state, connection } = useLiveSession(initial);
  const { liveSession, conference } = state;
  const offered = conference.languages;
  const current = state.items.find((i) => i.id === liveSession.currentAgendaItemId) ?? null;
  const comments: Input[] = state.comments
    .filter((c) => !c.hidden && !c.mergedIntoId)
    .map((c) => ({ target: "comment", id: c.id, language: c.language, title: null, body: c.body, authorName: c.authorName, translations: c.translations }));
  const proposals: Input[] = (state.proposals ?? [])
    .filter((p) => !p.hidden && !p.mergedIntoId)
    .map((p) => ({ target: "proposal", id: p.id, language: p.language, title: p.title, body: p.body, authorName: p.authorName, translations: p.translations }));
  return (
    <div className="page page--wide moderate mediation" data-connection={connection}>
      <h1>
        {t("conferences:mediation.title")}: <span {...inLanguage("de")}>{liveSession.title}</span>
      </h1>
      <p className="console-status">
        <ConnectionStatus connection={connection} />
        <span>{t("conferences:mediation.offered", { languages: offered.map((l) => t(`conferences:language.${l}`)).join(", ") })}</span>
      </p>
      <section aria-labelledby="mediate-comments" className="console-box">
        <h2 id="mediate-comments">{t("conferences:mediation.commentsHeading")}</h2>
        {current && (
          <p className="current-item">
            <ItemTitle item={current} />
          </p>
        )}
        {comments.length === 0 ? (
          <p className="muted">{t("live:comment.none")}</p>
        ) : (
          <ul className="mediation-list">
            {comments.map((input) => (
              <InputEntry key={input.id} input={input} offered={offered} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mediate-proposals" className="console-box">
        <h2 id="mediate-proposals">{t("conferences:mediation.proposalsHeading")}</h2>
        {proposals.length === 0 ? (
          <p className="muted">{t("conferences:mediation.noProposals")}</p>
        ) : (
          <ul className="mediation-list">
            {proposals.map((input) => (
              <InputEntry key={input.id} input={input} offered={offered} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
