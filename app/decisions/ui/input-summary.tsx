import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { ItemResultView } from "../../live/ui/item-result";
import type { DecisionInput } from "../input.server";
import { LanguageLabel } from "../../i18n/language-name";
import { GroupLabel } from "../../live/ui/group-label";
import { Quote } from "./input-meta";

/** What the planner is answering: the proposal, comment or result, and where it came from. */
export function InputSummary({ input }: { input: DecisionInput }) {
  const { t } = useTranslation();
  const content = inLanguage(input.plan.language);
  return (
    <section aria-labelledby="input-title" className="input-summary">
      <h2 id="input-title">{t(`decisions:input.heading.${input.kind}`)}</h2>
      <dl className="facts">
        <dt>{t("decisions:input.conference")}</dt>
        <dd {...content}>{input.conference.title}</dd>
        {input.kind === "proposal" && (
          <>
            <dt>{t("decisions:input.kind")}</dt>
            <dd>
              {input.proposal.measure ? (
                <>
                  {t("decisions:input.changeOf")} <strong dir="ltr">{input.proposal.measure.code}</strong>{" "}
                  <span {...content}>{input.proposal.measure.title}</span>
                </>
              ) : (
                t("decisions:input.newMeasure")
              )}
            </dd>
            <dt>{t("decisions:input.group")}</dt>
            <dd>
              <GroupLabel group={input.proposal.authorGroup} />
            </dd>
            <dt>{t("decisions:input.language")}</dt>
            <dd>
              <LanguageLabel code={input.proposal.language} />
            </dd>
          </>
        )}
        {input.kind === "comment" && (
          <>
            <dt>{t("decisions:input.about")}</dt>
            <dd>
              {"code" in input.about ? (
                <>
                  <strong dir="ltr">{input.about.code}</strong> <span {...content}>{input.about.title}</span>
                </>
              ) : (
                <span {...content}>{input.about.question}</span>
              )}
            </dd>
            <dt>{t("decisions:input.group")}</dt>
            <dd>
              <GroupLabel group={input.comment.authorGroup} />
            </dd>
            <dt>{t("decisions:input.language")}</dt>
            <dd>
              <LanguageLabel code={input.comment.language} />
            </dd>
            <dt>{t("decisions:input.supportsLabel")}</dt>
            <dd>{input.comment.supportCount}</dd>
          </>
        )}
        {input.kind === "result" && (
          <>
            <dt>{t("decisions:input.measure")}</dt>
            <dd>
              <strong dir="ltr">{input.measure.code}</strong> <span {...content}>{input.measure.title}</span>
            </dd>
            <dt>{t("decisions:input.session")}</dt>
            <dd {...content}>{input.liveSession.title}</dd>
          </>
        )}
      </dl>
      {input.kind === "proposal" && (
        <>
          <h3 {...inLanguage(input.proposal.language)}>{input.proposal.title}</h3>
          <Quote text={input.proposal.body} language={input.proposal.language} />
        </>
      )}
      {input.kind === "comment" && <Quote text={input.comment.body} language={input.comment.language} />}
      {input.kind === "result" &&
        (input.result ? (
          <ItemResultView result={input.result} contentLanguage={input.plan.language} />
        ) : (
          <p className="notice">{t("decisions:input.sessionRunning")}</p>
        ))}
    </section>
  );
}
