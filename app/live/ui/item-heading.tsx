import { useTranslation } from "../../i18n/translate";
import { inLanguage } from "../../i18n/parts";
import { entryTitle, namedListed } from "../ranking-names";
import type { AgendaItemView } from "../views";
import { ContentNoteText, MeasureNotes } from "../../catalogue/ui/content-note";
import { contentLanguageOf } from "./criteria";
import { InGermanMark, Picked } from "../../components/picked-text";
import { useNote, useQuestion } from "./question-text";
import { useShownMeasure } from "./shown-measure";
import { GoalMeasures } from "./goal-measures";

/**
 * The current item as a participant first sees it: what it is, its title in the catalogue's
 * language (marked as such when the reader's language differs), and its key facts folded away.
 */
export function ItemHeading({ item, headingId }: { item: AgendaItemView; headingId: string }) {
  const { t, i18n } = useTranslation();
  const contentLang = contentLanguageOf(item);
  const content = inLanguage(contentLang);
  const question = useQuestion(item);
  const note = useNote(item);
  const shown = useShownMeasure(item.measure);
  // A measure says itself whether it is shown in German or in an outdated translation; a question
  // is the reader's where the moderator translated it; a focus theme or goal is the catalogue's German; a
  // ranking's measures carry their own notes under their list.
  const foreign =
    item.kind === "question" || item.kind === "ranking"
      ? Boolean(question?.fallback)
      : (!item.measure && contentLang !== i18n.language) || Boolean(question?.fallback);
  // A cluster's, a ranking item's or a goal's measures, listed in the card as the ranking form names them.
  const listed = item.measure ? [] : namedListed(item, i18n.language);
  const entry = entryTitle(item);

  return (
    <header className="live-item__header">
      <p className="eyebrow">
        {t(`live:participant.kind.${item.kind}`)} · {t("live:participant.phase", { phase: t(`live:participant.phases.${item.phase}`) })}
      </p>
      <h1 id={headingId}>
        {item.measure ? (
          <>
            <span dir="ltr" className="live-item__code">
              {item.measure.code}
            </span>{" "}
            <span {...inLanguage(shown!.title.language)}>{shown!.title.text}</span>
          </>
        ) : entry !== null ? (
          <span {...content}>{entry}</span>
        ) : (
          question && <Picked text={question} />
        )}
      </h1>
      {note && (
        <p className="live-item__note">
          <Picked text={note} />
        </p>
      )}
      {((foreign && contentLang === "de") || note?.fallback) && <InGermanMark />}
      {shown && shown.note !== "none" && (
        <p className={shown.note === "outdated" ? "notice notice--warning" : "muted"}>
          <ContentNoteText note={shown.note} className="" />
        </p>
      )}
      {shown?.summary.text && (
        <p className="live-item__summary" {...inLanguage(shown.summary.language)}>
          {shown.summary.text}
        </p>
      )}

      {(item.measure || listed.length > 0) && (
        // A short card: the title is on the first screen, the details one tap away.
        <details className="live-item__card">
          <summary>{t(item.measure ? "live:facts.heading" : "live:facts.measures")}</summary>
          {item.measure && (
            <dl className="facts live-item__facts">
              <dt>{t("live:facts.code")}</dt>
              <dd dir="ltr">{item.measure.code}</dd>
              {item.measure.unitName && (
                <>
                  <dt>{t("live:facts.unit")}</dt>
                  <dd {...content}>{item.measure.unitName}</dd>
                </>
              )}
              {item.measure.clusterTitle && (
                <>
                  <dt>{t("live:facts.cluster")}</dt>
                  <dd {...content}>{item.measure.clusterTitle}</dd>
                </>
              )}
              {shown!.objective.text && (
                <>
                  <dt>{t("live:facts.objective")}</dt>
                  <dd {...inLanguage(shown!.objective.language)} className="live-item__objective">
                    {shown!.objective.text}
                  </dd>
                </>
              )}
            </dl>
          )}
          {item.goal && <GoalMeasures item={item} reader={i18n.language} className="live-item__measures" />}
          {!item.goal && listed.length > 0 && (
            <>
              <ul className="live-item__measures">
                {listed.map((m) => (
                  <li key={m.code}>
                    <span dir="ltr" className="live-item__code">
                      {m.code}
                    </span>{" "}
                    <span {...inLanguage(m.language)}>{m.title}</span>
                  </li>
                ))}
              </ul>
              <MeasureNotes measures={listed} />
            </>
          )}
        </details>
      )}
    </header>
  );
}
