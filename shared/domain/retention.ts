import {
  CLIENT_DATA_RETENTION_YEARS,
  IDEMPOTENCY_RETENTION_HOURS,
  LOG_RETENTION_DAYS,
  OUTBOX_RETENTION_DAYS,
  PARTICIPANT_DATA_RETENTION_YEARS,
} from './rules/parameters.ts';
import { requireValueOn } from './rules/dated.ts';

/**
 * How long personal data are kept (rules `retention-*`, shared/domain/rules/registry.ts). Pure: the daily
 * retention job (functions/jobs/retention.ts) and DynamoDB TTL apply them. What must stay (statistics, who
 * did what and when) stays, without the person.
 */

/** `date` plus `years` calendar years (29 February → 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/**
 * Rule `retention-trajectory-client-data`: a closed trajectory keeps its client reference and birth date
 * until this day (its end date plus the period in force on that date); from then on the job removes them.
 */
export function clientDataErasableOn(endDate: string): string {
  return addYears(endDate, requireValueOn(CLIENT_DATA_RETENTION_YEARS, endDate));
}

/** Rule `retention-ama-participant-data`: an ended agreement keeps its participant's data until this day. */
export function participantDataErasableOn(endDate: string): string {
  return addYears(endDate, requireValueOn(PARTICIPANT_DATA_RETENTION_YEARS, endDate));
}

/** Has the day come? (Brussels calendar dates, compared as strings.) */
export function isErasable(erasableOn: string, today: string): boolean {
  return erasableOn <= today;
}

/** Rule `retention-outbox`: a delivered email's outbox entry expires this many seconds after delivery (TTL). */
export function outboxExpiresAt(deliveredAt: Date): number {
  return (
    Math.floor(deliveredAt.getTime() / 1000) +
    requireValueOn(OUTBOX_RETENTION_DAYS, deliveredAt.toISOString().slice(0, 10)) * 86_400
  );
}

/** Rule `retention-idempotency`: a stored first response expires this long after it was stored (TTL). */
export function idempotencyTtlSeconds(on: string): number {
  return requireValueOn(IDEMPOTENCY_RETENTION_HOURS, on) * 3600;
}

/** Rule `retention-logs`: the days CloudWatch keeps logs (the stack sets each log group's retention). */
export function logRetentionDays(on: string): number {
  return requireValueOn(LOG_RETENTION_DAYS, on);
}
