import { useTranslation } from "../../i18n/translate";
import type { AgendaItemView } from "../views";
import { ActionForm } from "../../components/action-form";
import { ItemTitle } from "./item-title";

/** The agenda at a glance; any item can become the one the room works on. */
export function ConsoleAgenda({
  items,
  currentId,
  live,
}: {
  items: AgendaItemView[];
  currentId: string | null;
  live: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ol className="console-agenda">
      {items.map((item, index) => {
        const current = item.id === currentId;
        return (
          <li
            key={item.id}
            className={current ? "console-agenda__item console-agenda__item--current" : "console-agenda__item"}
            aria-current={current ? "step" : undefined}
          >
            <span className="console-agenda__title">
              <ItemTitle item={item} />
            </span>
            <span className="muted">
              {current && <strong>{t("conferences:console.current")} · </strong>}
              {t(`conferences:phase.${item.phase}`)}
            </span>
            {live && !current && (
              <ActionForm formId={`current-${item.id}`} intent="current" values={{ agendaItemId: item.id }}>
                <button type="submit" className="button button--secondary">
                  {t("conferences:console.makeCurrent")}
                  <span className="visually-hidden">{t("conferences:agenda.itemNumber", { number: index + 1 })}</span>
                </button>
              </ActionForm>
            )}
          </li>
        );
      })}
    </ol>
  );
}
