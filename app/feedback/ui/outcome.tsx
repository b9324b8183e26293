import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";
import { formatDate } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";
import type { Outcome } from "../feedback.server";
import type { MeasureName } from "../../catalogue/translated";
import { MeasureNameText, MeasureNote } from "./measure-name";

type Props = {
  decision: Outcome | null;
  /** The plan the decision changed, for links to its measures. */
  planSlug: string;
};

/**
 * A planner's decision as participants read it: what happened, the measure it became or joined,
 * and the reason in the reader's language, or in the language it was written in, marked as such.
 */
export function OutcomeView({ decision, planSlug }: Props) {
  const { t, i18n } = useTranslation();
  if (!decision) return <p className="outcome">{t("feedback:outcome.open")}</p>;
  const { reason, measure, mergedInto } = decision;
  const measureLink = (named: MeasureName) => (
    <>
      <Link to={`/plans/${planSlug}/measures/${encodeURIComponent(named.code)}`}>
        <MeasureNameText measure={named} />
      </Link>
      <MeasureNote measure={named} />
    </>
  );
  return (
    <div className={`outcome outcome--${decision.outcome}`}>
      <p>
        <strong>{t(`feedback:outcome.${decision.outcome}`)}</strong>
        {" · "}
        <time dateTime={decision.decidedAt}>{formatDate(new Date(decision.decidedAt), i18n.language)}</time>
      </p>
      {measure && (
        <p>
          {t("feedback:outcome.measure")} {measureLink(measure)}
          {decision.revision !== null && ` · ${t("feedback:outcome.revision", { number: decision.revision })}`}
        </p>
      )}
      {mergedInto && (
        <p>
          {t("feedback:outcome.mergedInto")}{" "}
          {mergedInto.kind === "measure" ? measureLink(mergedInto) : <q {...inLanguage(mergedInto.language)}>{mergedInto.title}</q>}
        </p>
      )}
      {reason && (
        <div className="outcome__reason">
          <p className="outcome__reason-label">
            {reason.translated
              ? t("feedback:outcome.reason")
              : t("feedback:outcome.reasonUntranslated", {
                  language: t(`conferences:language.${reason.language}`, { defaultValue: reason.language }),
                })}
          </p>
          <p {...inLanguage(reason.language)}>{reason.text}</p>
        </div>
      )}
    </div>
  );
}
