import { createContext, useContext } from "react";
import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { formatNumber } from "../../i18n/numbers";
import { MeasureNotes } from "../../catalogue/ui/content-note";
import { namedListed } from "../ranking-names";
import type { AgendaItemView, GoalMeasureFigure } from "../views";

/**
 * The working groups' figures of the conference's measures, by code, which a steering group's
 * screens show beside each goal (decision 051); empty elsewhere. The page's loader reads them once:
 * the working groups have usually closed before the steering group meets.
 */
export const WorkingGroupFigures = createContext<Record<string, GoalMeasureFigure>>({});

/**
 * A goal's proposed measures, each named for the reader, with what its working group made of it:
 * rank, dots and the rating's mean, or that no working group had it on its agenda.
 */
export function GoalMeasures({ item, reader, className = "goal-measures" }: { item: AgendaItemView; reader: string; className?: string }) {
  const { t } = useTranslation();
  const figures = useContext(WorkingGroupFigures);
  const measures = namedListed(item, reader);
  if (!item.goal || measures.length === 0) return null;
  const number = (value: number) => formatNumber(value, reader);
  return (
    <>
      <ul className={className} aria-label={t("live:goal.measuresLabel")}>
        {measures.map((m) => {
          const figure = figures[m.code];
          return (
            <li key={m.code}>
              <span dir="ltr" className="live-item__code">
                {m.code}
              </span>{" "}
              <span {...inLanguage(m.language)}>{m.title}</span>
              <br />
              <span className="muted">
                {!figure
                  ? t("live:goal.notOnAgenda")
                  : !figure.released
                    ? t("live:goal.running", { group: figure.workingGroup })
                    : figure.rank === null
                    ? t("live:goal.noVotes", { group: figure.workingGroup })
                    : t("live:goal.figure", {
                        group: figure.workingGroup,
                        rank: figure.rank,
                        of: figure.of,
                        dots: figure.dots === null ? "–" : number(figure.dots),
                        mean: figure.ratingMean === null ? "–" : number(figure.ratingMean),
                      })}
              </span>
            </li>
          );
        })}
      </ul>
      <MeasureNotes measures={measures} />
    </>
  );
}
