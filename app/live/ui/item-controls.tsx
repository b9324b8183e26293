import { useTranslation } from "../../i18n/translate";
import type { AgendaItemView } from "../views";
import { ActionForm } from "../../components/action-form";
import { shortcuts } from "./agenda-keys";

type Choice = { value: string; label: string; pressed: boolean; shortcut?: string };

/** One setting as a group of buttons; the pressed one is the current state. */
function ChoiceGroup({
  item,
  intent,
  name,
  legend,
  choices,
}: {
  item: AgendaItemView;
  intent: string;
  name: string;
  legend: string;
  choices: Choice[];
}) {
  return (
    <ActionForm formId={`${name}-${item.id}`} intent={intent} values={{ agendaItemId: item.id }}>
      <fieldset className="choice-buttons">
        <legend>{legend}</legend>
        {choices.map((choice) => (
          <button
            key={choice.value}
            type="submit"
            name={name}
            value={choice.value}
            aria-pressed={choice.pressed}
            className="button button--toggle"
            data-shortcut={choice.shortcut}
            aria-keyshortcuts={choice.shortcut?.toUpperCase()}
          >
            {choice.label}
            {choice.shortcut && <kbd aria-hidden="true">{choice.shortcut.toUpperCase()}</kbd>}
          </button>
        ))}
      </fieldset>
    </ActionForm>
  );
}

/** Steering the current item: its phase, and each setting the phase presets, one by one. */
export function ItemControls({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation();
  const { activities } = item;
  const votes = Boolean(activities.dots || activities.rating || activities.scale || activities.ranking);
  return (
    <div className="item-controls">
      <ChoiceGroup
        item={item}
        intent="phase"
        name="phase"
        legend={t("conferences:console.phase")}
        choices={(["discuss", "prioritise", "results"] as const).map((phase) => ({
          value: phase,
          label: t(`conferences:phase.${phase}`),
          pressed: item.phase === phase,
          shortcut: shortcuts[phase],
        }))}
      />
      {activities.comments && (
        <ChoiceGroup
          item={item}
          intent="settings"
          name="commentsOpen"
          legend={t("conferences:console.comments")}
          choices={[
            { value: "true", label: t("conferences:console.open"), pressed: item.commentsOpen },
            { value: "false", label: t("conferences:console.closed"), pressed: !item.commentsOpen },
          ]}
        />
      )}
      {activities.comments && (
        <ChoiceGroup
          item={item}
          intent="settings"
          name="commentsPremoderated"
          legend={t("conferences:console.premoderation")}
          choices={[
            { value: "true", label: t("conferences:console.premoderationOn"), pressed: item.commentsPremoderated },
            { value: "false", label: t("conferences:console.premoderationOff"), pressed: !item.commentsPremoderated },
          ]}
        />
      )}
      {votes && (
        <ChoiceGroup
          item={item}
          intent="settings"
          name="votingState"
          legend={t("conferences:console.voting")}
          choices={(["open", "closed", "hidden"] as const).map((state) => ({
            value: state,
            label: t(`conferences:votingState.${state}`),
            pressed: item.votingState === state,
          }))}
        />
      )}
      <ChoiceGroup
        item={item}
        intent="settings"
        name="resultsVisible"
        legend={t("conferences:console.results")}
        // R switches: it presses whichever choice is not the current one.
        choices={[
          { value: "true", label: t("conferences:console.shown"), pressed: item.resultsVisible, shortcut: item.resultsVisible ? undefined : shortcuts.reveal },
          { value: "false", label: t("conferences:console.hidden"), pressed: !item.resultsVisible, shortcut: item.resultsVisible ? shortcuts.reveal : undefined },
        ]}
      />
    </div>
  );
}
