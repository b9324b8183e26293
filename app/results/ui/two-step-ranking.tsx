import { DataTable } from "../../components/data-table";
import { inLanguage } from "../../i18n/parts";
import { formatNumber } from "../../i18n/numbers";
import { useTranslation } from "../../i18n/translate";
import { criterionLabel } from "../../live/ui/criteria";
import type { TwoStepRanking } from "../two-step.server";
import type { RankedGoal } from "../two-step";

/**
 * The combined ranking of both steps (decision 051): the goals as the steering group ranked them,
 * the ones named first marked in words, then each goal with its measures' working-group results.
 * Goals and measures are the catalogue's German, marked as such for screen readers.
 */
export function TwoStepRankingSection({ ranking, level = 2 }: { ranking: TwoStepRanking; level?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const number = (value: number | null) => (value === null ? "–" : formatNumber(value, i18n.language));
  const content = inLanguage(ranking.conference.planLanguage);
  const Heading = level === 2 ? "h2" : "h3";
  const { limit, count, tieAtRank } = ranking.namedFirst;
  return (
    <section aria-labelledby="prioritisation-title" id="prioritisation" className="two-step">
      <Heading id="prioritisation-title">{t("results:twoStep.heading")}</Heading>
      <p>{t("results:twoStep.intro")}</p>
      <p>{t("results:twoStep.limit", { count: limit })}</p>
      {count === 0 && ranking.steering?.closed !== false && <p className="notice">{t("results:twoStep.noRatings")}</p>}
      {count > 0 && count < limit && <p className="notice">{t("results:twoStep.fewerRated", { count })}</p>}
      {tieAtRank !== null && <p className="notice">{t("results:twoStep.tieAtLimit", { rank: tieAtRank, named: count, limit })}</p>}
      {ranking.includesRunning && <p className="notice">{t("results:twoStep.running")}</p>}
      {ranking.steering && !ranking.steering.closed && count === 0 && <p className="notice">{t("results:twoStep.steeringRunning")}</p>}
      <DataTable caption={t("results:twoStep.goalTable")}>
        <thead>
          <tr>
            <th scope="col">{t("results:twoStep.column.rank")}</th>
            <th scope="col">{t("results:twoStep.column.goal")}</th>
            <th scope="col">{t("results:twoStep.column.field")}</th>
            <th scope="col">{t("results:twoStep.column.score")}</th>
            {ranking.criteria.map((c) => (
              <th scope="col" key={c}>
                {criterionLabel(t, c)}
              </th>
            ))}
            <th scope="col">{t("results:twoStep.column.raters")}</th>
            <th scope="col">{t("results:twoStep.column.namedFirst")}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.goals.map((goal) => (
            <tr key={goal.key}>
              <td>{goal.rank ?? t("results:twoStep.unranked")}</td>
              <th scope="row">
                <a href={`#goal-${goal.key}`}>
                  {goal.number !== null && <>{t("results:twoStep.goalNumber", { number: goal.number })} </>}
                  <span {...content}>{goal.title}</span>
                </a>
              </th>
              <td {...(goal.clusterTitle ? content : {})}>{goal.clusterTitle ?? "–"}</td>
              <td>{number(goal.score)}</td>
              {goal.criteria.map((c) => (
                <td key={c.criterion}>{number(c.mean)}</td>
              ))}
              <td>{goal.raters}</td>
              <td>{goal.namedFirst ? <span className="badge">{t("results:twoStep.namedFirst")}</span> : "–"}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {ranking.goals.map((goal) => (
        <GoalMeasures key={goal.key} goal={goal} level={level} language={ranking.conference.planLanguage} />
      ))}
    </section>
  );
}

function GoalMeasures({ goal, level, language }: { goal: RankedGoal; level: 2 | 3; language: string }) {
  const { t, i18n } = useTranslation();
  const number = (value: number | null) => (value === null ? "–" : formatNumber(value, i18n.language));
  const content = inLanguage(language);
  const Heading = level === 2 ? "h3" : "h4";
  const name = goal.number !== null ? t("results:twoStep.goalNumber", { number: goal.number }) : "";
  return (
    <section aria-labelledby={`goal-${goal.key}`} className="two-step__goal">
      <Heading id={`goal-${goal.key}`}>
        {goal.rank !== null && <>{t("results:twoStep.rankPrefix", { rank: goal.rank })} </>}
        {name} <span {...content}>{goal.title}</span>
        {goal.namedFirst && <> <span className="badge">{t("results:twoStep.namedFirst")}</span></>}
      </Heading>
      {goal.measures.length === 0 ? (
        <p>{t("results:twoStep.noMeasures")}</p>
      ) : (
        <DataTable caption={t("results:twoStep.measureTable", { goal: goal.number ?? goal.title })}>
          <thead>
            <tr>
              <th scope="col">{t("results:twoStep.column.measure")}</th>
              <th scope="col">{t("results:twoStep.column.workingGroup")}</th>
              <th scope="col">{t("results:twoStep.column.dots")}</th>
              <th scope="col">{t("results:twoStep.column.ratingMean")}</th>
              <th scope="col">{t("results:twoStep.column.voters")}</th>
              <th scope="col">{t("results:twoStep.column.rankInGroup")}</th>
            </tr>
          </thead>
          <tbody>
            {goal.measures.map(({ code, title, figure }) => (
              <tr key={code}>
                <th scope="row">
                  <span dir="ltr">{code}</span> <span {...content}>{title}</span>
                </th>
                {figure === null ? (
                  <td colSpan={5}>{t("results:twoStep.notOnAgenda")}</td>
                ) : (
                  <>
                    <td>
                      <span {...content}>{figure.workingGroup.field ?? figure.workingGroup.title}</span>
                      {figure.state !== "frozen" && <> {t(`results:twoStep.state.${figure.state}`)}</>}
                    </td>
                    <td>{number(figure.dots)}</td>
                    <td>{number(figure.ratingMean)}</td>
                    <td>{figure.voters ?? "–"}</td>
                    <td>{figure.rank === null ? "–" : t("results:twoStep.rankOf", { rank: figure.rank, total: figure.of })}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
