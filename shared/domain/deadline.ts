/**
 * The submission deadline is an instant. Something done at `now` is in time when `now` is strictly
 * before the deadline: one millisecond before is accepted, at the deadline itself it is refused.
 */
export function isBeforeDeadline(now: Date, deadline: string): boolean {
  return now.getTime() < Date.parse(deadline);
}

const brusselsParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** An instant as Brussels wall-clock time with its offset: `2026-12-01T12:00:00+01:00`. */
export function inBrusselsTime(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(brusselsParts.formatToParts(date).map((p) => [p.type, p.value]));
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
