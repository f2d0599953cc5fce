/** Calendar dates (YYYY-MM-DD) are Europe/Brussels dates; instants are stored as UTC ISO strings. */
export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based), in ms: when EU summer time starts or ends. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR_MS;
}

/**
 * The offset of Europe/Brussels from UTC at an instant, in minutes: 60 (CET), or 120 (CEST) from the last
 * Sunday of March 01:00 UTC until the last Sunday of October 01:00 UTC. Source: Directive 2000/84/EC on
 * summer-time arrangements (the same rule since 1996). Computed, not looked up in ICU's time-zone data:
 * loading that data costs each cold start 10–20 ms. A test holds it against ICU for 1996–2099.
 */
export function brusselsOffsetMinutes(instant: Date): number {
  const time = instant.getTime();
  const year = instant.getUTCFullYear();
  return time >= lastSundayAtOneUtc(year, 2) && time < lastSundayAtOneUtc(year, 9) ? 120 : 60;
}

/** The Brussels wall-clock time of an instant, as a Date whose UTC fields read that wall-clock time. */
export function brusselsWallClock(instant: Date): Date {
  return new Date(instant.getTime() + brusselsOffsetMinutes(instant) * 60_000);
}

/** The Europe/Brussels calendar date of an instant, as YYYY-MM-DD. */
export function brusselsDateOf(instant: Date): string {
  return brusselsWallClock(instant).toISOString().slice(0, 10);
}

/** True when `value` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
