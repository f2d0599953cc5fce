import { brusselsOffsetMinutes, brusselsWallClock } from './calendar.ts';

/**
 * The submission deadline is an instant. Something done at `now` is in time when `now` is strictly
 * before the deadline: one millisecond before is accepted, at the deadline itself it is refused.
 */
export function isBeforeDeadline(now: Date, deadline: string): boolean {
  return now.getTime() < Date.parse(deadline);
}

/** An instant as Brussels wall-clock time with its offset: `2026-12-01T12:00:00+01:00`. */
export function inBrusselsTime(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const offset = brusselsOffsetMinutes(date);
  const wall = brusselsWallClock(date).toISOString().slice(0, 19);
  return `${wall}+${String(offset / 60).padStart(2, '0')}:00`;
}
