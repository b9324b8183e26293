import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A countdown for the room, kept in this browser only: nobody else needs it, and a reload may
 * lose it. It needs JavaScript, so without it the page does not offer it at all.
 */
export function SessionTimer() {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (endsAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [endsAt]);

  const left = endsAt === null ? 0 : Math.max(0, Math.ceil((endsAt - now) / 1000));
  // Announcing every second would drown the screen reader; once a minute and at the end is enough.
  useEffect(() => {
    if (endsAt === null) return;
    if (left === 0) setAnnouncement(t("conferences:timer.over"));
    else if (left % 60 === 0) setAnnouncement(t("conferences:timer.minutesLeft", { count: left / 60 }));
  }, [left, endsAt, t]);

  if (!hydrated) return null;

  const start = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const minutes = Number(new FormData(event.currentTarget).get("minutes"));
    if (!Number.isFinite(minutes) || minutes <= 0) return;
    const at = Date.now();
    setNow(at);
    // The first "minutes left" announcement says that it started.
    setEndsAt(at + minutes * 60_000);
  };
  const stop = () => {
    setEndsAt(null);
    setAnnouncement(t("conferences:timer.stopped"));
  };

  return (
    <section aria-labelledby="timer-title" className="console-box">
      <h2 id="timer-title">{t("conferences:timer.heading")}</h2>
      {endsAt !== null && (
        <p className={`timer${left === 0 ? " timer--over" : ""}`} role="timer" dir="ltr">
          {pad(Math.floor(left / 60))}:{pad(left % 60)}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <form onSubmit={start} className="inline-form">
        <div className="field">
          <label htmlFor="timer-minutes">{t("conferences:timer.minutes")}</label>
          <input id="timer-minutes" name="minutes" type="number" min={1} max={120} defaultValue={5} required />
        </div>
        <button type="submit" className="button button--secondary">
          {t("conferences:timer.start")}
        </button>
        {endsAt !== null && (
          <button type="button" className="button button--secondary" onClick={stop}>
            {t("conferences:timer.stop")}
          </button>
        )}
      </form>
    </section>
  );
}
