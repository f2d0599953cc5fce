import { describe, expect, it } from 'vitest';
import {
  isAbandonedStart,
  isDecisionVisible,
  selectionStartRefusal,
  START_GRACE_MS,
} from '../../shared/domain/selection-start.ts';

const DEADLINE = '2026-12-01T12:00:00+01:00';
const atDeadline = new Date('2026-12-01T11:00:00.000Z');

describe('selectionStartRefusal', () => {
  it('starts for a published call from the deadline itself on, not a millisecond before', () => {
    const call = { status: 'PUBLISHED' as const, submissionDeadline: DEADLINE };
    expect(selectionStartRefusal(call, new Date(atDeadline.getTime() - 1))).toBe('deadline-not-passed');
    expect(selectionStartRefusal(call, atDeadline)).toBeUndefined();
  });

  it('starts again after a failed selection, never while one runs, for a draft, or after the decision', () => {
    const later = new Date('2027-01-01T00:00:00Z');
    expect(selectionStartRefusal({ status: 'SELECTION_FAILED', submissionDeadline: DEADLINE }, later)).toBeUndefined();
    expect(selectionStartRefusal({ status: 'SELECTING', submissionDeadline: DEADLINE }, later)).toBe('selection-running');
    expect(selectionStartRefusal({ status: 'DRAFT', submissionDeadline: DEADLINE }, later)).toBe('call-not-published');
    expect(selectionStartRefusal({ status: 'DECIDED', submissionDeadline: DEADLINE }, later)).toBe('call-decided');
  });
});

describe('isDecisionVisible', () => {
  const run = { runId: 'run-2', status: 'SUCCEEDED' };

  it('shows the department every finished run, dry runs and runs the call was not decided with included', () => {
    expect(isDecisionVisible({ runId: 'dry-1', status: 'SUCCEEDED' }, { status: 'SELECTING' }, 'department')).toBe(true);
    expect(isDecisionVisible({ ...run, status: 'RUNNING' }, { status: 'SELECTING' }, 'department')).toBe(false);
  });

  it('shows a facility only the run the call was decided with, once decided', () => {
    expect(isDecisionVisible(run, { status: 'DECIDED', decisionRunId: 'run-2' }, 'facility')).toBe(true);
    expect(isDecisionVisible(run, { status: 'DECIDED', decisionRunId: 'run-1' }, 'facility')).toBe(false);
    expect(isDecisionVisible(run, { status: 'SELECTING', decisionRunId: 'run-2' }, 'facility')).toBe(false);
    expect(isDecisionVisible({ ...run, status: 'FAILED' }, { status: 'DECIDED', decisionRunId: 'run-2' }, 'facility')).toBe(
      false,
    );
  });
});

describe('isAbandonedStart: a SELECTING call whose start never got its execution', () => {
  const startedAt = '2026-12-02T09:00:00.000Z';
  const fiveMinutesOn = new Date(Date.parse(startedAt) + START_GRACE_MS);
  const call = { status: 'SELECTING' as const, submissionDeadline: DEADLINE };

  it('is abandoned from five minutes on with no execution recorded, not a millisecond before', () => {
    const run = { status: 'RUNNING', startedAt };
    expect(isAbandonedStart(run, new Date(fiveMinutesOn.getTime() - 1))).toBe(false);
    expect(isAbandonedStart(run, fiveMinutesOn)).toBe(true);
    expect(selectionStartRefusal(call, new Date(fiveMinutesOn.getTime() - 1), run)).toBe('selection-running');
    expect(selectionStartRefusal(call, fiveMinutesOn, run)).toBeUndefined();
  });

  it('a run with its execution, or one that finished, is never abandoned', () => {
    const later = new Date('2027-01-01T00:00:00Z');
    expect(isAbandonedStart({ status: 'RUNNING', startedAt, executionArn: 'arn:aws:states:x' }, later)).toBe(false);
    expect(isAbandonedStart({ status: 'FAILED', startedAt }, later)).toBe(false);
    expect(selectionStartRefusal(call, later, { status: 'RUNNING', startedAt, executionArn: 'arn' })).toBe('selection-running');
  });
});
