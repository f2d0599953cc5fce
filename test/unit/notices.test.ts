import { describe, expect, it } from 'vitest';
import {
  dueEvaluation,
  dueMilestone,
  milestoneDate,
  nextEvaluationNoticeDate,
  nextNoticeDate,
} from '../../shared/domain/notices.ts';

const END = '2027-03-31';

describe('notice milestones', () => {
  it('fall 60, 30 and 7 days before the planned end, and the day after it (overdue)', () => {
    expect(milestoneDate(END, 'D60')).toBe('2027-01-30');
    expect(milestoneDate(END, 'D30')).toBe('2027-03-01');
    expect(milestoneDate(END, 'D7')).toBe('2027-03-24');
    expect(milestoneDate(END, 'OVERDUE')).toBe('2027-04-01');
  });

  it('one notice per milestone, on its day', () => {
    const base = { plannedEndDate: END, armedFrom: '2026-01-01' };
    expect(dueMilestone({ ...base, today: '2027-01-29', sent: [] })).toBeUndefined();
    expect(dueMilestone({ ...base, today: '2027-01-30', sent: [] })).toBe('D60');
    expect(dueMilestone({ ...base, today: '2027-01-30', sent: ['D60'] })).toBeUndefined();
    expect(dueMilestone({ ...base, today: '2027-03-01', sent: ['D60'] })).toBe('D30');
    expect(dueMilestone({ ...base, today: '2027-04-01', sent: ['D60', 'D30', 'D7'] })).toBe('OVERDUE');
    expect(dueMilestone({ ...base, today: '2027-05-01', sent: ['D60', 'D30', 'D7', 'OVERDUE'] })).toBeUndefined();
  });

  it('after an outage only the most urgent milestone reached is sent, once', () => {
    const base = { plannedEndDate: END, armedFrom: '2026-01-01' };
    expect(dueMilestone({ ...base, today: '2027-03-25', sent: [] })).toBe('D7');
    expect(dueMilestone({ ...base, today: '2027-03-26', sent: ['D7'] })).toBeUndefined();
    expect(nextNoticeDate({ ...base, sent: ['D7'] })).toBe('2027-04-01');
  });

  it('a planned end moved later re-arms only the milestones not yet due', () => {
    // On 2027-03-02 (after the D30 notice) the end moves to 2027-06-30.
    const moved = { plannedEndDate: '2027-06-30', armedFrom: '2027-03-02', sent: [] as [] };
    expect(nextNoticeDate(moved)).toBe('2027-05-01'); // D60 of the new date lies after the change: armed again
    expect(milestoneDate('2027-06-30', 'D60')).toBe('2027-05-01');
    expect(nextNoticeDate({ ...moved, armedFrom: '2027-05-02' })).toBe('2027-05-31');
    expect(dueMilestone({ ...moved, armedFrom: '2027-05-02', today: '2027-05-10' })).toBeUndefined();
    expect(dueMilestone({ ...moved, today: '2027-05-01' })).toBe('D60');
  });

  it('nothing is left after the overdue notice', () => {
    expect(nextNoticeDate({ plannedEndDate: END, armedFrom: '2026-01-01', sent: ['OVERDUE'] })).toBeUndefined();
    expect(nextNoticeDate({ plannedEndDate: END, armedFrom: '2026-01-01', sent: [] })).toBe('2027-01-30');
  });
});

describe('dueEvaluation: the AMA evaluation reminder of the day', () => {
  const agreement = { status: 'ACTIVE' as const, evaluationDates: ['2027-03-31', '2026-12-31'], sent: [] as string[] };

  it('falls due 14 days before the evaluation, not a day earlier, and up to the evaluation day itself', () => {
    expect(dueEvaluation({ ...agreement, today: '2026-12-16' }).due).toBeUndefined();
    expect(dueEvaluation({ ...agreement, today: '2026-12-17' }).due).toBe('2026-12-31');
    expect(dueEvaluation({ ...agreement, today: '2026-12-31' }).due).toBe('2026-12-31');
    expect(dueEvaluation({ ...agreement, today: '2027-01-01' })).toEqual({ due: undefined, passed: ['2026-12-31'] });
  });

  it('is not sent twice, and moves on to the next evaluation once the first is announced', () => {
    expect(dueEvaluation({ ...agreement, sent: ['2026-12-31'], today: '2026-12-20' }).due).toBeUndefined();
    expect(dueEvaluation({ ...agreement, sent: ['2026-12-31'], today: '2027-03-17' }).due).toBe('2027-03-31');
  });

  it('reminds only an active agreement: not a draft still being signed, not an ended one', () => {
    expect(dueEvaluation({ ...agreement, status: 'DRAFT', today: '2026-12-20' }).due).toBeUndefined();
    expect(dueEvaluation({ ...agreement, status: 'ENDED', today: '2026-12-20' }).due).toBeUndefined();
  });
});

describe('nextEvaluationNoticeDate: where an agreement sits in the notice index', () => {
  it('is the reminder day of the earliest evaluation not announced; none once ended or all announced', () => {
    const input = { status: 'DRAFT' as const, evaluationDates: ['2027-03-31', '2026-12-31'], sent: [] as string[] };
    expect(nextEvaluationNoticeDate(input)).toBe('2026-12-17');
    expect(nextEvaluationNoticeDate({ ...input, sent: ['2026-12-31'] })).toBe('2027-03-17');
    expect(nextEvaluationNoticeDate({ ...input, sent: ['2026-12-31', '2027-03-31'] })).toBeUndefined();
    expect(nextEvaluationNoticeDate({ ...input, status: 'ENDED' })).toBeUndefined();
  });
});
