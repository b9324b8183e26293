import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import type { ProposalView } from "../views";
import { HideForm, MergeForm } from "./hide-form";
import { ModerationNote, excerpt } from "./moderation-note";
import { TranslationList } from "./translation-list";

/** Participants' ideas for the whole conference, newest first, with hide and merge. */
export function ProposalModeration({ proposals }: { proposals: ProposalView[] }) {
  const { t } = useTranslation();
  if (proposals.length === 0) return <p>{t("conferences:proposals.empty")}</p>;
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const mergeable = proposals.filter((p) => !p.mergedIntoId && !p.hidden);
  return (
    <ul className="moderation-list">
      {proposals.map((proposal) => {
        const into = proposal.mergedIntoId ? byId.get(proposal.mergedIntoId) : undefined;
        const target = { intent: "proposal", idField: "proposalId", id: proposal.id } as const;
        return (
          <li
            key={proposal.id}
            className={`moderation-entry${proposal.hidden || proposal.mergedIntoId ? " moderation-entry--hidden" : ""}`}
          >
            <article aria-labelledby={`proposal-${proposal.id}-title`}>
              <h3
                id={`proposal-${proposal.id}-title`}
                className="moderation-entry__title"
                {...inLanguage(proposal.language)}
              >
                {proposal.title}
              </h3>
              <p className="moderation-entry__meta">
                {t(`conferences:proposals.kind.${proposal.kind}`)}
                {proposal.measureCode && (
                  <>
                    {" · "}
                    <span className="item-code">{proposal.measureCode}</span>
                  </>
                )}
                {" · "}
                {proposal.authorName ?? t("conferences:comments.anonymous")}
                {" · "}
                {t(`conferences:language.${proposal.language}`)}
              </p>
              <p className="moderation-entry__body" {...inLanguage(proposal.language)}>
                {proposal.body}
              </p>
              <TranslationList translations={proposal.translations} />
              <ModerationNote
                hidden={proposal.hidden}
                merged={Boolean(proposal.mergedIntoId)}
                mergedInto={into ? { text: into.title, language: into.language } : undefined}
              />
              <HideForm target={target} hidden={Boolean(proposal.hidden)} />
              {!proposal.mergedIntoId && (
                <MergeForm
                  target={target}
                  options={mergeable
                    .filter((p) => p.id !== proposal.id)
                    .map((p) => ({ id: p.id, label: excerpt(p.title), language: p.language }))}
                />
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
