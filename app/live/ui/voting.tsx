import type { ReactNode } from "react";
import { useTranslation } from "../../i18n/translate";
import { InGermanMark, Picked } from "../../components/picked-text";
import type { AgendaItemView, MyVotes } from "../views";
import { criterionHelp, criterionText } from "./criteria";
import { LiveForm } from "./live-form";
import { ratingFieldPrefix } from "./participant-commands";

/**
 * Two one-button forms, so that a page posted twice counts one click, not one of each. A button
 * that cannot count is disabled and says why, instead of refusing after the tap.
 */
export function DotVoting({ item, me, dotsPerParticipant }: { item: AgendaItemView; me: MyVotes; dotsPerParticipant: number }) {
  const { t } = useTranslation();
  const onItem = me.dotsByItem[item.id] ?? 0;
  const maxPerItem = item.activities.dots?.maxPerItem ?? 0;
  const remaining = Math.max(0, dotsPerParticipant - me.dotsSpent);
  const addBlocked =
    remaining === 0
      ? t("live:error.noDotsLeft", { count: dotsPerParticipant })
      : onItem >= maxPerItem
        ? t("live:error.tooManyDotsOnItem", { count: maxPerItem })
        : null;
  const removeBlocked = onItem === 0 ? t("live:error.noDotsToTakeBack") : null;
  return (
    <section aria-labelledby="dots-title" className="live-section">
      <h2 id="dots-title">{t("live:dots.heading")}</h2>
      <p className="dots__remaining">
        <strong>{t("live:dots.remaining", { remaining, count: dotsPerParticipant })}</strong>
      </p>
      <p>{t("live:dots.onItem", { count: onItem, max: maxPerItem })}</p>
      <div className="dots__buttons">
        <LiveForm formId={`dots-add-${item.id}`} intent="dots" once="da" hidden={{ agendaItemId: item.id, value: "1" }}>
          <button type="submit" className="button dots__button" disabled={Boolean(addBlocked)} aria-describedby={addBlocked ? "dots-add-why" : undefined}>
            <span aria-hidden="true">+</span> {t("live:dots.add")}
          </button>
          {addBlocked && (
            <p id="dots-add-why" className="dots__why">
              {addBlocked}
            </p>
          )}
        </LiveForm>
        <LiveForm formId={`dots-remove-${item.id}`} intent="dots" once="dr" hidden={{ agendaItemId: item.id, value: "-1" }}>
          <button
            type="submit"
            className="button button--secondary dots__button"
            disabled={Boolean(removeBlocked)}
            aria-describedby={removeBlocked ? "dots-remove-why" : undefined}
          >
            <span aria-hidden="true">−</span> {t("live:dots.remove")}
          </button>
          {removeBlocked && (
            <p id="dots-remove-why" className="dots__why">
              {removeBlocked}
            </p>
          )}
        </LiveForm>
      </div>
    </section>
  );
}

/** A row of big radio buttons from 1 to `max`, inside a fieldset whose legend asks the question. */
function ChoiceGroup(props: { name: string; idBase: string; legend: ReactNode; help?: string | null; max: number; chosen?: number }) {
  const { name, idBase, legend, help, max, chosen } = props;
  return (
    <fieldset className="choice-group" aria-describedby={help ? `${idBase}-help` : undefined}>
      <legend>{legend}</legend>
      {help && (
        <p id={`${idBase}-help`} className="hint">
          {help}
        </p>
      )}
      <div className="choice-group__options">
        {Array.from({ length: max }, (_, i) => i + 1).map((value) => (
          <label key={value} className="choice" htmlFor={`${idBase}-${value}`}>
            <input type="radio" id={`${idBase}-${value}`} name={name} value={value} defaultChecked={chosen === value} />
            <span>{value}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RatingForm({ item, me }: { item: AgendaItemView; me: MyVotes }) {
  const { t, i18n } = useTranslation();
  const rating = item.activities.rating;
  if (!rating) return null;
  const mine = me.ratings[item.id] ?? {};
  // The vote names the German criterion whatever the reader reads (decision 046).
  const names = rating.criteria.map((criterion) => criterionText(t, criterion, rating.criterionTranslations, i18n.language));
  return (
    <section aria-labelledby="rating-title" className="live-section">
      <h2 id="rating-title">{t("live:rating.heading")}</h2>
      <p>{t("live:rating.intro", { max: rating.max })}</p>
      {names.some((name) => name.fallback) && <InGermanMark />}
      <LiveForm formId={`rating-${item.id}`} intent="rating" once="r" hidden={{ agendaItemId: item.id }} aria-labelledby="rating-title">
        {rating.criteria.map((criterion, i) => (
          <ChoiceGroup
            key={criterion}
            name={`${ratingFieldPrefix}${criterion}`}
            idBase={`rating-${i}`}
            legend={<Picked text={names[i]!} />}
            help={criterionHelp(t, criterion)}
            max={rating.max}
            chosen={mine[criterion]}
          />
        ))}
        <button type="submit" className="button">
          {t("live:rating.submit")}
        </button>
      </LiveForm>
    </section>
  );
}

export function ScaleForm({ item, me }: { item: AgendaItemView; me: MyVotes }) {
  const { t } = useTranslation();
  const scale = item.activities.scale;
  if (!scale) return null;
  return (
    <section aria-labelledby="scale-title" className="live-section">
      <h2 id="scale-title">{t("live:scale.heading")}</h2>
      <LiveForm formId={`scale-${item.id}`} intent="scale" once="s" hidden={{ agendaItemId: item.id }} aria-labelledby="scale-title">
        <ChoiceGroup
          name="value"
          idBase="scale"
          legend={scale.label ?? t("live:scale.question")}
          help={t("live:scale.ends")}
          max={scale.max}
          chosen={me.scale[item.id]}
        />
        <button type="submit" className="button">
          {t("live:scale.submit")}
        </button>
      </LiveForm>
    </section>
  );
}
