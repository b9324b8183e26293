import { useEffect, useState } from "react";
import { useTranslation } from "../../i18n/translate";
import { ActionForm } from "../../components/action-form";
import type { Timer } from "../use-live-session";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The moderator's countdown as every screen shows it. It comes by socket only, so a page
 * without JavaScript (or opened after the start) does not show it.
 */
export function Countdown({ timer, className = "" }: { timer: Timer; className?: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (timer === null) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [timer]);

  const left = timer === null ? 0 : Math.max(0, Math.ceil((timer.endsAt - now) / 1000));
  // Announcing every second would drown the screen reader; once a minute and at the end is enough.
  useEffect(() => {
    if (timer === null) return;
    if (left === 0) setAnnouncement(t("conferences:timer.over"));
    else if (left % 60 === 0) setAnnouncement(t("conferences:timer.minutesLeft", { count: left / 60 }));
  }, [left, timer, t]);

  return (
    <>
      {timer !== null && (
        <p className={`timer${left === 0 ? " timer--over" : ""} ${className}`} role="timer" aria-label={t("conferences:timer.heading")} dir="ltr">
          {pad(Math.floor(left / 60))}:{pad(left % 60)}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

/** The console's countdown: started and stopped for the whole room, phones and projector too. */
export function SessionTimer({ timer }: { timer: Timer }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timer-title" className="console-box">
      <h2 id="timer-title">{t("conferences:timer.heading")}</h2>
      <Countdown timer={timer} />
      <ActionForm formId="timer" intent="timer" className="inline-form">
        {({ describe, fieldError }) => (
          <>
            <div className="field">
              <label htmlFor="timer-minutes">{t("conferences:timer.minutes")}</label>
              <input
                id="timer-minutes"
                name="minutes"
                type="number"
                min={1}
                max={120}
                defaultValue={5}
                required
                {...describe("minutes")}
              />
              {fieldError("minutes")}
            </div>
            <button type="submit" className="button button--secondary">
              {t("conferences:timer.start")}
            </button>
          </>
        )}
      </ActionForm>
      {timer !== null && (
        <ActionForm formId="timer-stop" intent="timer" values={{ stop: "1" }}>
          <button type="submit" className="button button--secondary">
            {t("conferences:timer.stop")}
          </button>
        </ActionForm>
      )}
    </section>
  );
}
