import { TRAJECTORY_MAX_MONTHS, TRAJECTORY_MIN_MONTHS } from './rules/parameters.ts';
import { requireValueOn } from './rules/dated.ts';

/**
 * The duration rules of an activation trajectory, on Europe/Brussels calendar dates (YYYY-MM-DD).
 *
 * Our reading of the decree: a trajectory starting on day D of month M may run up to and including the
 * day before day D of month M+18; where month M+18 has no day D, up to its last day.
 * 2026-01-15 → 2027-07-14; 2026-03-01 → 2027-08-31; 2025-08-31 → 2027-02-28.
 * It runs at least 3 months: its planned end is on or after the day before the 3-month anniversary, by the
 * same reading.
 */

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(date: string): Ymd {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** The last day of a period of `months` months starting on `start`, by the reading above. */
export function lastDayOfMonths(start: string, months: number): string {
  const { y, m, d } = parse(start);
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const dim = daysInMonth(year, month);
  // Day D of month M+n exists: the day before it. It does not (e.g. 31 in a 30-day month): that month's last day.
  return d <= dim ? addDays(format({ y: year, m: month, d }), -1) : format({ y: year, m: month, d: dim });
}

/**
 * The last day a trajectory starting on `start` may run (without an extension): rule `trajectory-duration`,
 * with the months in force on `requestedOn` (the date its start was requested; the start date by default).
 */
export function maxEndDate(start: string, requestedOn = start): string {
  return lastDayOfMonths(start, requireValueOn(TRAJECTORY_MAX_MONTHS, requestedOn));
}

/** The earliest planned end date: a trajectory runs at least three months (rule `trajectory-duration`). */
export function minEndDate(start: string, requestedOn = start): string {
  return lastDayOfMonths(start, requireValueOn(TRAJECTORY_MIN_MONTHS, requestedOn));
}

export interface PlanViolation {
  path: string;
  message: string;
  /** `trajectory-duration` for the planned end, `plan-within-trajectory` for the actions' dates. */
  rule: 'trajectory-duration' | 'plan-within-trajectory';
}

/** plannedEndDate within [minEndDate, maxEndDate] (the max moved by a granted extension), actions within the trajectory. */
export function trajectoryDateViolations(input: {
  startDate: string;
  plannedEndDate: string;
  maxEndDate?: string;
  actions?: ReadonlyArray<{ path: string; plannedStart: string; plannedEnd: string }>;
}): PlanViolation[] {
  const violations: PlanViolation[] = [];
  const min = minEndDate(input.startDate);
  const max = input.maxEndDate ?? maxEndDate(input.startDate);
  if (input.plannedEndDate > max) {
    violations.push({
      path: 'plannedEndDate',
      rule: 'trajectory-duration',
      message: `A trajectory starting on ${input.startDate} may run up to ${max} (maxEndDate).`,
    });
  }
  if (input.plannedEndDate < min) {
    violations.push({
      path: 'plannedEndDate',
      rule: 'trajectory-duration',
      message: `A trajectory runs at least 3 months: plan its end on or after ${min} (minEndDate).`,
    });
  }
  for (const action of input.actions ?? []) {
    if (action.plannedEnd < action.plannedStart) {
      violations.push({ path: `${action.path}.plannedEnd`, rule: 'plan-within-trajectory', message: 'An action cannot end before it starts.' });
    }
    if (action.plannedStart < input.startDate) {
      violations.push({
        path: `${action.path}.plannedStart`,
        rule: 'plan-within-trajectory',
        message: `Actions start on or after the trajectory's start (${input.startDate}).`,
      });
    }
    if (action.plannedEnd > input.plannedEndDate) {
      violations.push({
        path: `${action.path}.plannedEnd`,
        rule: 'plan-within-trajectory',
        message: `Actions end on or before the trajectory's planned end (${input.plannedEndDate}).`,
      });
    }
  }
  return violations;
}

/**
 * Granting an extension moves the trajectory's maximum end later, never back: a request whose planned end
 * is not after the current maximum (a later request was granted since it was made) no longer extends
 * anything and cannot be granted (it can still be refused). A consistency rule of this system: the decree
 * allows extensions, not shortening by an extension.
 */
export function extensionStillExtends(requestedEnd: string, currentMaxEnd: string): boolean {
  return requestedEnd > currentMaxEnd;
}
