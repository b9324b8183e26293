import { Fragment, useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "../../i18n/translate";

export type Activity = { key: string; label: string; panel: ReactNode };

/**
 * One activity in focus at a time, so the control a participant needs is on the first screen of
 * a phone. The buttons are a segmented switch (aria-pressed) over panels that stay mounted, so a
 * half-made choice survives a look at another activity. Without JavaScript every panel shows,
 * one below the other, and a plain post's redirect lands on its form.
 */
export function ActivityTabs({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation();
  const [scripted, setScripted] = useState(false);
  const [chosen, setChosen] = useState(activities[0]?.key);
  // A new phase brings new activities: the first of them is the one in focus.
  const keys = activities.map((a) => a.key).join(" ");
  useEffect(() => setChosen(keys.split(" ")[0]), [keys]);
  useEffect(() => {
    setScripted(true);
    // Back from a plain post (or a link to a form): open the activity that holds it.
    const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    const panel = target ? target.closest<HTMLElement>("[data-activity]") : null;
    if (panel?.dataset.activity) setChosen(panel.dataset.activity);
  }, []);
  const current = activities.some((a) => a.key === chosen) ? chosen : activities[0]?.key;
  if (activities.length < 2) return <>{activities.map((a) => <Fragment key={a.key}>{a.panel}</Fragment>)}</>;
  return (
    <>
      {scripted && (
        <div className="activity-tabs" role="group" aria-label={t("live:participant.activities")}>
          {activities.map((a) => (
            <button
              key={a.key}
              type="button"
              className="activity-tabs__button"
              aria-pressed={a.key === current}
              aria-controls={`activity-${a.key}`}
              onClick={() => setChosen(a.key)}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
      {activities.map((a) => (
        <div key={a.key} id={`activity-${a.key}`} data-activity={a.key} hidden={scripted && a.key !== current}>
          {a.panel}
        </div>
      ))}
    </>
  );
}
