import { brusselsDateOf } from './calendar.ts';

/** A lead facility may object (bezwaar) within 30 days of its outcome email. */
export const OBJECTION_PERIOD_DAYS = 30;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last Brussels calendar date on which an objection is accepted, for an email sent at `notifiedAt`. */
export function objectionDeadline(notifiedAt: Date): string {
  return addDays(brusselsDateOf(notifiedAt), OBJECTION_PERIOD_DAYS);
}

/** May an objection be lodged at `now` for an outcome emailed at `notifiedAt`? */
export function isWithinObjectionPeriod(notifiedAt: Date, now: Date): boolean {
  return brusselsDateOf(now) <= objectionDeadline(notifiedAt);
}

/** Rule `objection-against-refusal`: a lead objects to an outcome that went against it, not to being selected. */
export function mayObjectTo(outcome: { status: 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE' }): boolean {
  return outcome.status !== 'SELECTED';
}
