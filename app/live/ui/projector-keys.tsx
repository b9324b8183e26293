import { useTranslation } from "../../i18n/translate";
import { ActionForm } from "../../components/action-form";
import { shortcuts } from "./agenda-keys";

/**
 * The projector's join panel (code and QR) from the console, by button or Q: the presenter steers
 * the room's screen from the laptop in front of them. `shown` is the console's last word, shown
 * until it spoke (a projector starts with the panel).
 */
export function ProjectorKeys({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="projector-keys">
      <ActionForm formId="join-panel" intent="joinPanel" values={{ shown: String(!shown) }}>
        <button
          type="submit"
          className="button button--toggle"
          aria-pressed={shown}
          data-shortcut={shortcuts.joinPanel}
          aria-keyshortcuts={shortcuts.joinPanel.toUpperCase()}
        >
          {t("conferences:console.joinPanel")} <kbd aria-hidden="true">{shortcuts.joinPanel.toUpperCase()}</kbd>
        </button>
      </ActionForm>
      <p className="hint">
        {t("conferences:console.screenShortcuts", { reveal: shortcuts.reveal.toUpperCase(), joinPanel: shortcuts.joinPanel.toUpperCase() })}
      </p>
    </div>
  );
}
