import type { CallStatus } from './call-rules.ts';
import { isBeforeDeadline } from './deadline.ts';

/** Why a selection cannot start for a call now, or undefined when it can. */
export type SelectionStartRefusal = 'call-not-published' | 'selection-running' | 'call-decided' | 'deadline-not-passed';

/**
 * A selection starts for a published call (or one whose selection failed, to try again) once its submission
 * deadline has passed; never twice at once (unless the current run's start was abandoned:
 * `isAbandonedStart`), never again after the decision.
 */
export function selectionStartRefusal(
  call: { status: CallStatus; submissionDeadline: string },
  now: Date,
  currentRun?: { status: string; executionArn?: string | undefined; startedAt: string },
): SelectionStartRefusal | undefined {
  if (call.status === 'DRAFT') return 'call-not-published';
  if (call.status === 'SELECTING' && !(currentRun && isAbandonedStart(currentRun, now))) return 'selection-running';
  if (call.status === 'DECIDED') return 'call-decided';
  if (isBeforeDeadline(now, call.submissionDeadline)) return 'deadline-not-passed';
  return undefined;
}

/** How long a start may take between marking the call and recording its execution. */
export const START_GRACE_MS = 5 * 60 * 1000;

/**
 * A run whose start was abandoned half-way: still RUNNING, with no execution recorded, five minutes after
 * it began (the start crashed after the call was marked, and could not put it back). The call is SELECTING
 * for it, but nothing runs: a new start may take over. (An execution that did start and lost only its
 * ARN cannot commit then: its tasks check that the call's current run is theirs.)
 */
export function isAbandonedStart(
  run: { status: string; executionArn?: string | undefined; startedAt: string },
  now: Date,
): boolean {
  return run.status === 'RUNNING' && !run.executionArn && now.getTime() - Date.parse(run.startedAt) >= START_GRACE_MS;
}

/**
 * Who sees a selection run's decision: the department sees every run that finished (dry runs too); a
 * facility only the run the call was decided with, once it is decided.
 */
export function isDecisionVisible(
  run: { runId: string; status: string },
  call: { status: CallStatus; decisionRunId?: string | undefined },
  viewer: 'department' | 'facility',
): boolean {
  if (run.status !== 'SUCCEEDED') return false;
  return viewer === 'department' || (call.status === 'DECIDED' && call.decisionRunId === run.runId);
}

/** Applications that take part in a selection: submitted before the deadline and not withdrawn. */
export function isEvaluable(application: { submittedVersions: number; status: string }): boolean {
  return application.submittedVersions > 0 && application.status !== 'WITHDRAWN';
}

/** The evaluable applications with fewer than `minimum` reviews: the selection cannot start before they have them. */
export function missingReviews(
  applications: ReadonlyArray<{ applicationId: string; trackingNumber: string; submittedVersions: number; status: string }>,
  reviews: ReadonlyArray<{ applicationId: string }>,
  minimum: number,
): Array<{ applicationId: string; trackingNumber: string; reviews: number }> {
  const counts = new Map<string, number>();
  for (const review of reviews) counts.set(review.applicationId, (counts.get(review.applicationId) ?? 0) + 1);
  return applications
    .filter(isEvaluable)
    .map((a) => ({ applicationId: a.applicationId, trackingNumber: a.trackingNumber, reviews: counts.get(a.applicationId) ?? 0 }))
    .filter((a) => a.reviews < minimum)
    .sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
}
