import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { formatDate } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";
import { formatShare } from "../../i18n/numbers";
import type { Inbox } from "../inbox.server";
import { LanguageLabel } from "../../i18n/language-name";
import { GroupLabel } from "../../live/ui/group-label";
import { DeferredBadge, Quote } from "./input-meta";

type Props = {
  plan: { slug: string; title: string; language: string };
  inbox: Inbox;
  groups: Record<string, string | null>;
};

/** One plan's open inputs in three groups; each entry leads to its decide page. */
export function PlanInbox({ plan, inbox, groups }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const content = inLanguage(plan.language);
  const headingId = `inbox-${plan.slug}`;
  return (
    <section aria-labelledby={headingId} className="inbox-plan">
      <h2 id={headingId}>
        <span {...content}>{plan.title}</span>
      </h2>
      <p>
        <Link to={`/plans/${plan.slug}/results`}>{t("decisions:inbox.resultsLink")}</Link>
      </p>

      <section aria-labelledby={`${headingId}-proposals`}>
        <h3 id={`${headingId}-proposals`}>{t("decisions:inbox.proposals", { count: inbox.proposals.length })}</h3>
        {inbox.proposals.length === 0 ? (
          <p className="muted">{t("decisions:inbox.noProposals")}</p>
        ) : (
          <ul className="inbox-list">
            {inbox.proposals.map((p) => (
              <li key={p.id} className="inbox-entry">
                <h4>
                  <Link to={`/inbox/proposal/${p.id}`} {...inLanguage(p.language)}>
                    {p.title}
                  </Link>
                  {p.deferred && (
                    <>
                      {" "}
                      <DeferredBadge />
                    </>
                  )}
                </h4>
                <p className="inbox-meta">
                  {p.measure ? (
                    <>
                      {t("decisions:input.changeOf")} <strong dir="ltr">{p.measure.code}</strong>
                    </>
                  ) : (
                    t("decisions:input.newMeasure")
                  )}
                  {" · "}
                  <span {...content}>{p.conference.title}</span>
                  {" · "}
                  <GroupLabel group={groups[p.id] ?? null} />
                  {" · "}
                  <LanguageLabel code={p.language} />
                  {" · "}
                  <time dateTime={p.createdAt}>{formatDate(new Date(p.createdAt), lng)}</time>
                </p>
                <Quote text={p.body} language={p.language} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${headingId}-results`}>
        <h3 id={`${headingId}-results`}>{t("decisions:inbox.results", { count: inbox.results.length })}</h3>
        {inbox.results.length === 0 ? (
          <p className="muted">{t("decisions:inbox.noResults")}</p>
        ) : (
          <ul className="inbox-list">
            {inbox.results.map((r) => (
              <li key={r.agendaItemId} className="inbox-entry">
                <h4>
                  <Link to={`/inbox/result/${r.agendaItemId}`}>
                    <span dir="ltr">{r.measure.code}</span> <span {...content}>{r.measure.title}</span>
                  </Link>
                  {r.deferred && (
                    <>
                      {" "}
                      <DeferredBadge />
                    </>
                  )}
                </h4>
                <p className="inbox-meta">
                  <span {...content}>{r.conference.title}</span>
                  {" · "}
                  <span {...content}>{r.liveSession.title}</span>
                </p>
                <p>
                  {t("live:results.voters", { count: r.voterCount })}
                  {r.dots && ` · ${t("decisions:inbox.dots", { count: r.dots.total, share: formatShare(r.dots.share, lng) })}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${headingId}-comments`}>
        <h3 id={`${headingId}-comments`}>{t("decisions:inbox.comments", { count: inbox.comments.length })}</h3>
        {inbox.comments.length === 0 ? (
          <p className="muted">{t("decisions:inbox.noComments")}</p>
        ) : (
          <ul className="inbox-list">
            {inbox.comments.map((c) => (
              <li key={c.id} className="inbox-entry">
                <h4>
                  <Link to={`/inbox/comment/${c.id}`}>
                    {"code" in c.about ? (
                      <>
                        {t("decisions:input.commentOn")} <span dir="ltr">{c.about.code}</span> <span {...content}>{c.about.title}</span>
                      </>
                    ) : (
                      <>
                        {t("decisions:input.commentOnQuestion")} <span {...content}>{c.about.question}</span>
                      </>
                    )}
                  </Link>
                  {c.deferred && (
                    <>
                      {" "}
                      <DeferredBadge />
                    </>
                  )}
                </h4>
                <p className="inbox-meta">
                  <span {...content}>{c.conference.title}</span>
                  {" · "}
                  {t("decisions:input.supports", { count: c.supportCount })}
                  {" · "}
                  <LanguageLabel code={c.language} />
                </p>
                <Quote text={c.body} language={c.language} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
