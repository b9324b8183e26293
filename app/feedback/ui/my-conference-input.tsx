import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { useConferenceTitle } from "../../conferences/ui/conference-texts";
import { inLanguage } from "../../i18n/parts";
import { TranslationNote } from "../../live/ui/translation-note";
import type { MyInput } from "../my-input.server";
import { ResultItemTitle } from "./item-results";
import { MyVoteEntry } from "./my-votes";
import { OutcomeView } from "./outcome";
import { ProposalEntry } from "./proposals";

type Hidden = { reason: string } | null;

/** What the page carries: a hidden entry's reason, never who hid it. */
export type ConferenceInput = Omit<MyInput, "comments" | "proposals"> & {
  comments: (Omit<MyInput["comments"][number], "hidden"> & { hidden: Hidden })[];
  proposals: (Omit<MyInput["proposals"][number], "hidden"> & { hidden: Hidden })[];
};

/** A moderator's note to the author of hidden input. */
function HiddenNote({ hidden }: { hidden: Hidden }) {
  const { t } = useTranslation();
  if (!hidden) return null;
  return (
    <p className="notice">
      {t("feedback:mine.hidden")} <span {...inLanguage("de")}>{hidden.reason}</span>
    </p>
  );
}

/** One conference's part of "my input": proposals, comments and votes with what became of them. */
export function MyConferenceInput({ mine, children }: { mine: ConferenceInput; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const { conference, proposals, comments, votes, contentLanguage } = mine;
  const planSlug = conference.planSlug;
  const nothing = proposals.length + comments.length + votes.length === 0;
  const id = (part: string) => `${part}-${conference.id}`;
  const title = useConferenceTitle(conference);
  return (
    <section aria-labelledby={id("conference")} className="my-conference">
      <h2 id={id("conference")} {...inLanguage(title.language)}>
        {title.text}
      </h2>
      <p>
        <Link to={`/conferences/${conference.id}/feedback`}>{t("feedback:mine.allResults")}</Link>
      </p>
      {nothing && <p className="notice">{t("feedback:mine.nothing")}</p>}

      {proposals.length > 0 && (
        <section aria-labelledby={id("proposals")}>
          <h3 id={id("proposals")}>{t("feedback:mine.proposals")}</h3>
          <ul className="feedback-list">
            {proposals.map((proposal) => (
              <li key={proposal.id}>
                <ProposalEntry proposal={proposal} planSlug={planSlug} headingLevel={4}>
                  <HiddenNote hidden={proposal.hidden} />
                </ProposalEntry>
              </li>
            ))}
          </ul>
        </section>
      )}

      {comments.length > 0 && (
        <section aria-labelledby={id("comments")}>
          <h3 id={id("comments")}>{t("feedback:mine.comments")}</h3>
          <ul className="feedback-list">
            {comments.map((comment) => (
              <li key={comment.id} className="card">
                {comment.about && (
                  <p className="eyebrow">
                    <ResultItemTitle item={comment.about} />
                  </p>
                )}
                <blockquote {...inLanguage(comment.language)}>{comment.body}</blockquote>
                <TranslationNote original={comment.language} translations={comment.translations} reader={i18n.language} />
                <p className="muted">{t("live:comment.supports", { count: comment.supportCount })}</p>
                <HiddenNote hidden={comment.hidden} />
                {comment.decision && <OutcomeView decision={comment.decision} planSlug={planSlug} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      {votes.length > 0 && (
        <section aria-labelledby={id("votes")}>
          <h3 id={id("votes")}>{t("feedback:mine.votes")}</h3>
          <ul className="feedback-list">
            {votes.map((vote) => (
              <li key={vote.agendaItemId}>
                <MyVoteEntry vote={vote} planSlug={planSlug} contentLanguage={contentLanguage} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {children}
    </section>
  );
}
