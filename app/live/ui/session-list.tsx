import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { isTwoStep } from "../../conferences/kinds";
import type { LiveSessionSummary } from "../queries.server";

type Session = Omit<LiveSessionSummary, "startedAt" | "closedAt">;

/**
 * A conference's live sessions for its team. A two-step prioritisation (decision 051) shows its
 * steps apart: the working groups, which run at the same time in their own rooms, then the
 * steering group, with the way to the ranking of both steps.
 */
export function SessionList({ sessions, conference }: { sessions: Session[]; conference: { id: string; goalsNamedFirst: number | null } }) {
  const { t } = useTranslation();
  if (!isTwoStep(conference)) return <SessionCards sessions={sessions} Heading="h3" />;
  const steps = [
    { step: "working_group", list: sessions.filter((s) => s.step !== "steering_group") },
    { step: "steering_group", list: sessions.filter((s) => s.step === "steering_group") },
  ] as const;
  return (
    <>
      <p>{t("conferences:twoStep.intro", { limit: conference.goalsNamedFirst })}</p>
      <p>
        <Link to={`/conferences/${conference.id}/prioritisation`}>{t("conferences:twoStep.rankingLink")}</Link>
      </p>
      {steps.map(({ step, list }) => (
        <section key={step} aria-labelledby={`step-${step}`}>
          <h3 id={`step-${step}`}>{t(`conferences:twoStep.${step}Heading`)}</h3>
          <p className="hint">{t(`conferences:twoStep.${step}Hint`)}</p>
          <SessionCards sessions={list} Heading="h4" />
        </section>
      ))}
    </>
  );
}

/** Under the list's heading, or under a step's one level further down. */
function SessionCards({ sessions, Heading }: { sessions: Session[]; Heading: "h3" | "h4" }) {
  const { t } = useTranslation();
  return (
    <ul className="card-list">
      {sessions.map((s) => (
        <li key={s.id} className="card">
          <Heading {...inLanguage("de")}>{s.title}</Heading>
          <p>
            <span className={`status status--${s.status}`}>{t(`conferences:status.${s.status}`)}</span>
            {" · "}
            {t("conferences:sessions.itemCount", { count: s.itemCount })}
            {s.joinCode && (
              <>
                {" · "}
                {t("conferences:sessions.code")} <code className="join-code-inline">{s.joinCode}</code>
              </>
            )}
          </p>
          <ul className="link-list">
            <li>
              <Link to={`/live/${s.id}/agenda`}>{t("conferences:sessions.agendaLink")}</Link>
            </li>
            {s.status !== "draft" && (
              <li>
                <Link to={`/live/${s.id}/console`}>{t("conferences:sessions.consoleLink")}</Link>
              </li>
            )}
          </ul>
        </li>
      ))}
    </ul>
  );
}
