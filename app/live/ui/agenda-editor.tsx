import { useTranslation } from "../../i18n/translate";
import type { AgendaItemView } from "../views";
import { ActionForm } from "../../components/action-form";
import { ActivitiesForm } from "./activities-form";
import { ItemTitle } from "./item-title";
import { ItemNote } from "./question-text";

/** The agenda in order; each item can move, go, and choose its activities. */
export function AgendaEditor({ items, editable, languages }: { items: AgendaItemView[]; editable: boolean; languages: string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t("conferences:agenda.empty")}</p>;
  return (
    <ol className="agenda-list">
      {items.map((item, index) => (
        <li key={item.id} className="agenda-item">
          <h3 id={`item-${item.id}`}>
            <ItemTitle item={item} />
          </h3>
          <ItemNote item={item} className="agenda-item__note" />
          {editable && (
            <>
              <div className="actions" role="group" aria-labelledby={`item-${item.id}`}>
                {index > 0 && (
                  <ActionForm
                    formId={`move-up-${item.id}`}
                    intent="move"
                    values={{ agendaItemId: item.id, direction: "up" }}
                  >
                    <button type="submit" className="button button--secondary">
                      {t("conferences:agenda.moveUp")}
                      <span className="visually-hidden">
                        {t("conferences:agenda.itemNumber", { number: index + 1 })}
                      </span>
                    </button>
                  </ActionForm>
                )}
                {index < items.length - 1 && (
                  <ActionForm
                    formId={`move-down-${item.id}`}
                    intent="move"
                    values={{ agendaItemId: item.id, direction: "down" }}
                  >
                    <button type="submit" className="button button--secondary">
                      {t("conferences:agenda.moveDown")}
                      <span className="visually-hidden">
                        {t("conferences:agenda.itemNumber", { number: index + 1 })}
                      </span>
                    </button>
                  </ActionForm>
                )}
                <ActionForm formId={`remove-${item.id}`} intent="remove" values={{ agendaItemId: item.id }}>
                  <button type="submit" className="button button--secondary">
                    {t("conferences:agenda.remove")}
                    <span className="visually-hidden">{t("conferences:agenda.itemNumber", { number: index + 1 })}</span>
                  </button>
                </ActionForm>
              </div>
              <ActivitiesForm item={item} languages={languages} />
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
