/** Calendar dates (YYYY-MM-DD) are Europe/Brussels dates; instants are stored as UTC ISO strings. */
export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

const brusselsDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: BRUSSELS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/Brussels calendar date of an instant, as YYYY-MM-DD. */
export function brusselsDateOf(instant: Date): string {
  return brusselsDate.format(instant);
}

/** True when `value` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
