import type { Region } from './reference-data.ts';
import { addDays } from './trajectory-dates.ts';
import { brusselsDateOf } from './calendar.ts';

/**
 * Who hears of a call (rule `call-audience`): the facilities subscribed to calls (for all regions, or for one
 * of the call's regions) hear that it is published; they and every lead and partner of the call's
 * applications hear of a deadline extension and, seven days before the deadline, a reminder. Each facility
 * once per message, whatever its roles.
 */
export interface CallSubscription {
  enterpriseNumber: string;
  /** Every call, whatever its regions. */
  allRegions: boolean;
  regions: readonly Region[];
}

/** Does the subscription cover a call with these regions? */
export function subscriptionCovers(
  subscription: Pick<CallSubscription, 'allRegions' | 'regions'>,
  callRegions: readonly Region[],
): boolean {
  return subscription.allRegions || subscription.regions.some((r) => callRegions.includes(r));
}

/** The facilities to tell, each once: the subscribers the call concerns, and the applications' leads and partners. */
export function callAudience(
  callRegions: readonly Region[],
  subscriptions: readonly CallSubscription[],
  applications: ReadonlyArray<{ leadEnterpriseNumber: string; partners: ReadonlyArray<{ enterpriseNumber: string }> }> = [],
): string[] {
  const audience = new Set<string>();
  for (const s of subscriptions) if (subscriptionCovers(s, callRegions)) audience.add(s.enterpriseNumber);
  for (const a of applications) {
    audience.add(a.leadEnterpriseNumber);
    for (const p of a.partners) audience.add(p.enterpriseNumber);
  }
  return [...audience].sort();
}

/** Days before the deadline the reminder goes out (the department's decision). */
export const DEADLINE_REMINDER_DAYS = 7;

/**
 * Is the deadline reminder due on `today` (a Brussels date)? From seven days before the deadline's date on,
 * while the deadline has not passed: a day the job did not run is caught up by the next run.
 */
export function isDeadlineReminderDue(submissionDeadline: string, today: string, now: Date): boolean {
  const deadlineDate = brusselsDateOf(new Date(submissionDeadline));
  return today >= addDays(deadlineDate, -DEADLINE_REMINDER_DAYS) && now.getTime() < Date.parse(submissionDeadline);
}
