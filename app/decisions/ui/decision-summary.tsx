import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { formatDateTime } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";
import type { DecisionView } from "../views.server";

type Props = { decision: DecisionView; plan: { slug: string; language: string }; headingLevel?: 3 | 4 };

/**
 * One decision as the planner took it: the outcome, what it changed in the catalogue (with links
 * to the measure and its history, where the new revision is listed), and every reason given.
 */
export function DecisionSummary({ decision, plan, headingLevel = 3 }: Props) {
  const { t, i18n } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const content = inLanguage(plan.language);
  const measurePath = (code: string) => `/plans/${plan.slug}/measures/${encodeURIComponent(code)}`;
  return (
    <div className={`decision decision--${decision.outcome}`}>
      <Heading>{t(`decisions:outcome.${decision.outcome}.done`)}</Heading>
      <p className="muted">
        <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt, i18n.language)}</time>
      </p>
      {decision.measure && (
        <p>
          {t("decisions:decision.measure")}{" "}
          <Link to={measurePath(decision.measure.code)}>
            <span dir="ltr">{decision.measure.code}</span> <span {...content}>{decision.measure.title}</span>
          </Link>
          {decision.revision !== null && (
            <>
              {" · "}
              <Link to={`${measurePath(decision.measure.code)}/history`}>
                {t("decisions:decision.revision", { number: decision.revision })}
              </Link>
            </>
          )}
        </p>
      )}
      {decision.mergedInto?.kind === "measure" && (
        <p>
          {t("decisions:decision.mergedIntoMeasure")}{" "}
          <Link to={measurePath(decision.mergedInto.code)}>
            <span dir="ltr">{decision.mergedInto.code}</span> <span {...content}>{decision.mergedInto.title}</span>
          </Link>
        </p>
      )}
      {decision.mergedInto?.kind === "proposal" && (
        <p>
          {t("decisions:decision.mergedIntoProposal")}{" "}
          <Link to={`/inbox/proposal/${decision.mergedInto.id}`} {...inLanguage(decision.mergedInto.language)}>
            {decision.mergedInto.title}
          </Link>
        </p>
      )}
      <dl className="reason-list">
        {decision.reasons.map((reason) => (
          <div key={reason.language}>
            <dt>
              {`${t("decisions:decision.reasonIn")} ${t(`conferences:language.${reason.language}`)}`}
            </dt>
            <dd {...inLanguage(reason.language)}>{reason.text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
