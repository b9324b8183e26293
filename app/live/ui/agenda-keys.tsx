import { useEffect } from "react";
import { useTranslation } from "../../i18n/translate";
import { ActionForm } from "../../components/action-form";
import type { AgendaItemView } from "../views";

/** Keys that steer the room; each presses the button that carries it, so both take one path. */
export const shortcuts = { previous: "p", next: "n", discuss: "1", prioritise: "2", results: "3", reveal: "r", joinPanel: "q" } as const;

/** While typing (a reason, a paper vote, the timer) a letter is a letter. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function useShortcuts() {
  useEffect(() => {
    const press = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const button = document.querySelector<HTMLButtonElement>(`[data-shortcut="${event.key.toLowerCase()}"]:not(:disabled)`);
      if (!button) return;
      event.preventDefault();
      button.click();
    };
    document.addEventListener("keydown", press);
    return () => document.removeEventListener("keydown", press);
  }, []);
}

function StepButton({ item, direction }: { item: AgendaItemView | undefined; direction: "previous" | "next" }) {
  const { t } = useTranslation();
  const label = t(`conferences:console.${direction}Item`);
  if (!item) {
    return (
      <button type="button" className="button button--secondary" disabled>
        {label}
      </button>
    );
  }
  return (
    <ActionForm formId={`${direction}-item`} intent="current" values={{ agendaItemId: item.id }}>
      <button
        type="submit"
        className={direction === "next" ? "button" : "button button--secondary"}
        data-shortcut={shortcuts[direction]}
        aria-keyshortcuts={shortcuts[direction].toUpperCase()}
      >
        {label} <kbd aria-hidden="true">{shortcuts[direction].toUpperCase()}</kbd>
      </button>
    </ActionForm>
  );
}

/** "Previous" and "next item" for the agenda, the keys that do the same, and what those keys are. */
export function AgendaSteps({ items, currentId }: { items: AgendaItemView[]; currentId: string | null }) {
  const { t } = useTranslation();
  useShortcuts();
  const index = items.findIndex((i) => i.id === currentId);
  const previous = index > 0 ? items[index - 1] : undefined;
  const next = index === -1 ? items[0] : items[index + 1];
  return (
    <div className="agenda-steps">
      <div className="actions">
        <StepButton item={previous} direction="previous" />
        <StepButton item={next} direction="next" />
      </div>
      <p className="hint agenda-steps__keys">
        {t("conferences:console.shortcuts", {
          next: shortcuts.next.toUpperCase(),
          previous: shortcuts.previous.toUpperCase(),
          phases: `${shortcuts.discuss} ${shortcuts.prioritise} ${shortcuts.results}`,
        })}
      </p>
    </div>
  );
}
