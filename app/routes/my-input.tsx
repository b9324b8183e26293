import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actorFrom } from "../auth/actor.server";
import { ResultItemTitle } from "../feedback/ui/item-results";
import { MyVoteEntry } from "../feedback/ui/my-votes";
import { OutcomeView } from "../feedback/ui/outcome";
import { ProposalEntry } from "../feedback/ui/proposals";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { myInput } from "../feedback/my-input.server";
import feedbackStyles from "../styles/feedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

/**
 * Open to everyone: a participant (known by the cookie that joining set) sees their own input; anybody
 * else a page that explains how to get one, because an error would tell a lost participant nothing.
 * Who hid a comment stays with the moderators: the author gets the reason only.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await actorFrom(request, context.db);
  if (actor.kind !== "participant") return { kind: "explain" as const, staff: actor.kind === "staff" };
  const mine = await myInput(context.db, actor, { language: await languageOf(request) });
  const reasonOnly = (hidden: { reason: string } | null) => (hidden ? { reason: hidden.reason } : null);
  return {
    kind: "mine" as const,
    mine: {
      ...mine,
      comments: mine.comments.map((c) => ({ ...c, hidden: reasonOnly(c.hidden) })),
      proposals: mine.proposals.map((p) => ({ ...p, hidden: reasonOnly(p.hidden) })),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "feedback:mine.title") }];

function Explanation({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("feedback:mine.title")}</h1>
      <div className="prose">
        <p>{t("feedback:mine.whatItIs")}</p>
        <p>{t("feedback:mine.howItWorks")}</p>
        <p className="notice">{staff ? t("feedback:mine.staff") : t("feedback:mine.notYet")}</p>
        <ul>
          <li>
            <Link to="/join">{t("feedback:mine.join")}</Link>
          </li>
          <li>
            <Link to="/">{t("feedback:mine.pastConferences")}</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** A moderator's note to the author of hidden input. */
function HiddenNote({ hidden }: { hidden: { reason: string } | null }) {
  const { t } = useTranslation();
  if (!hidden) return null;
  return (
    <p className="notice">
      {t("feedback:mine.hidden")} <span {...inLanguage("de")}>{hidden.reason}</span>
    </p>
  );
}

export default function MyInputPage() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (loaded.kind === "explain") return <Explanation staff={loaded.staff} />;
  const { conference, proposals, comments, votes, contentLanguage } = loaded.mine;
  const planSlug = conference.planSlug;
  const nothing = proposals.length + comments.length + votes.length === 0;
  return (
    <div className="page">
      <p className="eyebrow" {...inLanguage(contentLanguage)}>
        {conference.title}
      </p>
      <h1>{t("feedback:mine.title")}</h1>
      <p className="prose">{t("feedback:mine.intro")}</p>
      <p>
        <Link to={`/conferences/${conference.id}/feedback`}>{t("feedback:mine.allResults")}</Link>
      </p>
      {nothing && <p className="notice">{t("feedback:mine.nothing")}</p>}

      {proposals.length > 0 && (
        <section aria-labelledby="my-proposals">
          <h2 id="my-proposals">{t("feedback:mine.proposals")}</h2>
          <ul className="feedback-list">
            {proposals.map((proposal) => (
              <li key={proposal.id}>
                <ProposalEntry proposal={proposal} planSlug={planSlug} headingLevel={3}>
                  <HiddenNote hidden={proposal.hidden} />
                </ProposalEntry>
              </li>
            ))}
          </ul>
        </section>
      )}

      {comments.length > 0 && (
        <section aria-labelledby="my-comments">
          <h2 id="my-comments">{t("feedback:mine.comments")}</h2>
          <ul className="feedback-list">
            {comments.map((comment) => (
              <li key={comment.id} className="card">
                {comment.about && (
                  <p className="eyebrow">
                    <ResultItemTitle item={comment.about} />
                  </p>
                )}
                <blockquote {...inLanguage(comment.language)}>{comment.body}</blockquote>
                <p className="muted">{t("live:comment.supports", { count: comment.supportCount })}</p>
                <HiddenNote hidden={comment.hidden} />
                {comment.decision && <OutcomeView decision={comment.decision} planSlug={planSlug} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      {votes.length > 0 && (
        <section aria-labelledby="my-votes">
          <h2 id="my-votes">{t("feedback:mine.votes")}</h2>
          <ul className="feedback-list">
            {votes.map((vote) => (
              <li key={vote.agendaItemId}>
                <MyVoteEntry vote={vote} planSlug={planSlug} contentLanguage={contentLanguage} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
