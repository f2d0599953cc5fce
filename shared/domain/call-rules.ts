import type { RecognitionAuthority, Region } from './reference-data.ts';
import { isBeforeDeadline } from './deadline.ts';

export const DEFAULT_REQUIRED_PARTNER_RECOGNITIONS: readonly RecognitionAuthority[] = ['JONGERENWELZIJN', 'VAPH'];

export type CallStatus = 'DRAFT' | 'PUBLISHED' | 'SELECTING' | 'DECIDED' | 'SELECTION_FAILED';

export interface AwardCriterion {
  id: string;
  title: string;
  weight: number;
  maxScore: number;
  minScore?: number;
}

export interface CallRules {
  regions: readonly Region[];
  submissionDeadline: string;
  maxNetworksPerRegion: number;
  criteria: readonly AwardCriterion[];
  requiredPartnerRecognitions: readonly RecognitionAuthority[];
}

/**
 * Rule `call-open`: a call takes applications, their changes and submissions while it is published and
 * its submission deadline has not passed (strictly before it: `isBeforeDeadline`). Source: the call's own
 * terms as the department publishes them; in force for every call. A refusal names it: `deadline-passed`.
 */
export function isCallOpen(call: { status: CallStatus; submissionDeadline: string }, now: Date): boolean {
  return call.status === 'PUBLISHED' && isBeforeDeadline(now, call.submissionDeadline);
}

/**
 * Rule `review-phase`: reviews of a call are written after its submission deadline and until its selection
 * starts (while it is still PUBLISHED). `not-open` before the deadline, `closed` once the selection began.
 */
export function reviewPhase(call: { status: CallStatus; submissionDeadline: string }, now: Date): 'not-open' | 'open' | 'closed' {
  if (isBeforeDeadline(now, call.submissionDeadline)) return 'not-open';
  return call.status === 'PUBLISHED' ? 'open' : 'closed';
}

/** A call is changed and published only as a DRAFT (rule `status-transitions`). */
export function isDraftCall(call: { status: CallStatus }): boolean {
  return call.status === 'DRAFT';
}

/** Facilities see a call once it is published: every status but DRAFT. */
export function isVisibleToFacilities(call: { status: CallStatus }): boolean {
  return !isDraftCall(call);
}

/** Only a published call's deadline is extended (rule `status-transitions`). */
export function isPublishedCall(call: { status: CallStatus }): boolean {
  return call.status === 'PUBLISHED';
}

/** The selection run `runId` holds the call: it marked the call SELECTING and is its current run. */
export function runHoldsCall(call: { status: CallStatus; currentRunId?: string }, runId: string): boolean {
  return call.status === 'SELECTING' && call.currentRunId === runId;
}

/** The run a call is marked SELECTING for, if it is (its start may have been abandoned: `isAbandonedStart`). */
export function selectingRunOf(call: { status: CallStatus; currentRunId?: string }): string | undefined {
  return call.status === 'SELECTING' ? call.currentRunId : undefined;
}

/** The call was decided by run `runId` (a retried commit of that run changes nothing). */
export function isDecidedBy(call: { status: CallStatus; decisionRunId?: string }, runId: string): boolean {
  return call.status === 'DECIDED' && call.decisionRunId === runId;
}

export interface RuleViolation {
  path: string;
  message: string;
}

/**
 * The rules a call must meet to be saved: unique criterion ids and regions, positive weights,
 * 0 ≤ minScore ≤ maxScore. Publishing adds: the deadline lies in the future.
 */
export function callRuleViolations(call: CallRules, options: { now?: Date } = {}): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const seenCriteria = new Set<string>();
  call.criteria.forEach((criterion, i) => {
    if (seenCriteria.has(criterion.id)) {
      violations.push({
        path: `criteria[${i}].id`,
        message: `Criterion id "${criterion.id}" is used twice; ids must be unique.`,
      });
    }
    seenCriteria.add(criterion.id);
    if (!(criterion.weight > 0)) violations.push({ path: `criteria[${i}].weight`, message: 'The weight must be positive.' });
    if (criterion.minScore !== undefined && criterion.minScore > criterion.maxScore) {
      violations.push({ path: `criteria[${i}].minScore`, message: 'minScore may not exceed maxScore.' });
    }
  });
  const seenRegions = new Set<string>();
  call.regions.forEach((region, i) => {
    if (seenRegions.has(region)) violations.push({ path: `regions[${i}]`, message: `Region ${region} is listed twice.` });
    seenRegions.add(region);
  });
  if (options.now && !isBeforeDeadline(options.now, call.submissionDeadline)) {
    violations.push({ path: 'submissionDeadline', message: 'The submission deadline must lie in the future.' });
  }
  return violations;
}

/** A deadline extension must move the deadline later, and come while the current one has not passed. */
export function deadlineExtensionViolations(current: string, proposed: string, now: Date): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (Date.parse(proposed) <= Date.parse(current)) {
    violations.push({ path: 'submissionDeadline', message: 'The new deadline must be later than the current one.' });
  }
  return violations.concat(
    isBeforeDeadline(now, current) ? [] : [{ path: 'submissionDeadline', message: 'The current deadline has passed.' }],
  );
}

/**
 * The department's queue (`CALL_REVIEW`): a call waits for the department once its deadline has passed
 * while it is still published (its applications are reviewed and the selection started), or when its
 * selection failed (it is started again).
 */
export function awaitsDepartmentSelection(call: { status: CallStatus; submissionDeadline: string }, now: Date): boolean {
  return reviewPhase(call, now) === 'open' || call.status === 'SELECTION_FAILED';
}
