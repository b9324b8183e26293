import type { ReactNode } from "react";
import { useTranslation } from "../../i18n/translate";
import { formatDate } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";
import { TranslationNote } from "../../live/ui/translation-note";
import type { ProposalFeedback } from "../feedback.server";
import { OutcomeView } from "./outcome";

/** What kind of proposal it is; a change names the measure's code. */
function ProposalKind({ proposal }: { proposal: Pick<ProposalFeedback, "kind" | "measureCode"> }) {
  const { t } = useTranslation();
  return (
    <p className="eyebrow">
      {proposal.kind === "change_measure" && proposal.measureCode
        ? t("feedback:proposal.change", { code: proposal.measureCode })
        : t("feedback:proposal.new")}
    </p>
  );
}

/**
 * A participant's proposal as they wrote it (in their language, marked with `lang`), its
 * translation into the reader's language where one exists and they read another (labelled with
 * who made it, as on the live screens), and what became of it. A duplicate that moderators merged
 * names the proposal whose decision it shares.
 */
type EntryProps = {
  proposal: ProposalFeedback;
  planSlug: string;
  headingLevel: 3 | 4;
  /** Notes only the author sees, such as why a moderator hid it. */
  children?: ReactNode;
};

export function ProposalEntry({ proposal, planSlug, headingLevel, children }: EntryProps) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <article className="card" aria-labelledby={`proposal-${proposal.id}`}>
      <ProposalKind proposal={proposal} />
      <Heading id={`proposal-${proposal.id}`} {...inLanguage(proposal.language)}>
        {proposal.title}
      </Heading>
      <p className="proposal-feedback__body" {...inLanguage(proposal.language)}>
        {proposal.body}
      </p>
      <TranslationNote original={proposal.language} translations={proposal.translations} reader={i18n.language} />
      <p className="muted">
        <time dateTime={proposal.createdAt}>{formatDate(new Date(proposal.createdAt), i18n.language)}</time>
      </p>
      {proposal.mergedWith && (
        <p>
          {t("feedback:proposal.mergedWith")} <q {...inLanguage(proposal.mergedWith.language)}>{proposal.mergedWith.title}</q>
        </p>
      )}
      {children}
      <OutcomeView decision={proposal.decision} planSlug={planSlug} />
    </article>
  );
}

/** Every visible proposal of a conference with its decision, or that none has been made yet. */
export function ProposalList({
  proposals,
  planSlug,
  headingLevel,
}: {
  proposals: ProposalFeedback[];
  planSlug: string;
  headingLevel: 3 | 4;
}) {
  const { t } = useTranslation();
  if (proposals.length === 0) return <p>{t("feedback:proposal.none")}</p>;
  return (
    <ul className="feedback-list">
      {proposals.map((proposal) => (
        <li key={proposal.id}>
          <ProposalEntry proposal={proposal} planSlug={planSlug} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
