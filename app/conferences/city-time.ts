/**
 * Conferences happen in the city, so a moderator's "18:00" means 18:00 in Bielefeld, whatever
 * time zone the server or a visitor's laptop runs in.
 */
const cityTimeZone = "Europe/Berlin";

const wallClock = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** How far the city's clocks are ahead of UTC at an instant, in milliseconds. */
function cityOffsetAt(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: cityTimeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A `datetime-local` value ("2026-12-01T17:00") read as city time; null when it is not one. */
export function cityTimeToDate(value: string): Date | null {
  const match = wallClock.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // The offset at the guessed instant can differ from the one at the answer around a DST switch.
  const first = asUtc - cityOffsetAt(asUtc);
  return new Date(asUtc - cityOffsetAt(first));
}

/** The city's calendar day of an instant, as `YYYY-MM-DD`: the day a result was measured on, "today" for indicators. */
export function cityDay(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: cityTimeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
