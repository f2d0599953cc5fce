import { describe, expect, it } from 'vitest';
import {
  decideByHand,
  lineChanged,
  outcomeChanges,
  redecisionRefusal,
  withRedecisionNote,
} from '../../shared/domain/redecision.ts';
import type { DecisionLine } from '../../shared/domain/selection.ts';

const line = (applicationId: string, outcome: DecisionLine['outcome'], rank: number | null = null): DecisionLine => ({
  applicationId,
  score: 50,
  rank,
  outcome,
  reasons: ['r'],
  reasonsNl: ['n'],
});

describe('rule objection-redecision: redecisionRefusal', () => {
  const upheld = { region: 'GENT', objection: { decision: 'UPHELD' as const } };
  it('allows a decided call, an upheld objection of this region, not acted on', () => {
    expect(redecisionRefusal({ status: 'DECIDED' }, upheld, 'GENT')).toBeUndefined();
  });
  it('refuses each missing condition by name', () => {
    expect(redecisionRefusal({ status: 'SELECTING' }, upheld, 'GENT')).toBe('call-not-decided');
    expect(redecisionRefusal({ status: 'DECIDED' }, { region: 'GENT' }, 'GENT')).toBe('objection-not-upheld');
    expect(redecisionRefusal({ status: 'DECIDED' }, { region: 'GENT', objection: { decision: 'REJECTED' } }, 'GENT')).toBe(
      'objection-not-upheld',
    );
    expect(redecisionRefusal({ status: 'DECIDED' }, { region: 'GENT', objection: {} }, 'GENT')).toBe('objection-not-upheld');
    expect(redecisionRefusal({ status: 'DECIDED' }, upheld, 'KEMPEN')).toBe('objection-other-region');
    expect(
      redecisionRefusal(
        { status: 'DECIDED' },
        { region: 'GENT', objection: { decision: 'UPHELD', redecidedAt: '2027-01-01T00:00:00Z' } },
        'GENT',
      ),
    ).toBe('objection-acted-on');
  });
});

describe('decideByHand (rules objection-redecision, max-networks-per-region)', () => {
  const lines = [line('a', 'SELECTED', 1), line('b', 'SELECTED', 2), line('c', 'NOT_SELECTED', 3), line('d', 'INELIGIBLE')];
  it('appoints and ends, keeping every other line', () => {
    const decided = decideByHand(lines, { appoint: ['c'], end: ['b'] }, 2);
    expect(decided.ok && decided.lines.map((l) => [l.applicationId, l.outcome])).toEqual([
      ['a', 'SELECTED'],
      ['b', 'NOT_SELECTED'],
      ['c', 'SELECTED'],
      ['d', 'INELIGIBLE'],
    ]);
  });
  it('exactly at the maximum per region is allowed; one more is refused', () => {
    expect(decideByHand(lines, { appoint: ['c'], end: [] }, 3).ok).toBe(true);
    const over = decideByHand(lines, { appoint: ['c'], end: [] }, 2);
    expect(over.ok).toBe(false);
    expect(!over.ok && over.violations).toEqual([expect.objectContaining({ path: 'appoint', rule: 'max-networks-per-region' })]);
  });
  it('an ineligible application may be appointed by a motivated decision', () => {
    expect(decideByHand(lines, { appoint: ['d'], end: ['a'] }, 2).ok).toBe(true);
  });
  it('refuses, per field: unknown ids, appointing the selected, ending the unselected, the same id in both', () => {
    const refused = decideByHand(lines, { appoint: ['x', 'a', 'c'], end: ['c', 'y', 'd'] }, 5);
    expect(!refused.ok && refused.violations.map((v) => v.path)).toEqual([
      'appoint.0',
      'appoint.1',
      'appoint.2',
      'end.0',
      'end.1',
      'end.2',
    ]);
  });
});

describe('outcomeChanges and lineChanged', () => {
  it('lists only applications whose outcome differs', () => {
    const before = [line('a', 'SELECTED', 1), line('b', 'NOT_SELECTED', 2), line('c', 'INELIGIBLE')];
    const after = [line('a', 'SELECTED', 2), line('b', 'SELECTED', 1), line('c', 'INELIGIBLE')];
    expect(outcomeChanges(before, after)).toEqual([{ applicationId: 'b', from: 'NOT_SELECTED', to: 'SELECTED' }]);
  });
  it('a line changes with its outcome, score or rank', () => {
    const a = line('a', 'SELECTED', 1);
    expect(lineChanged(a, { ...a })).toBe(false);
    expect(lineChanged(a, { ...a, rank: 2 })).toBe(true);
    expect(lineChanged(a, { ...a, score: 51 })).toBe(true);
    expect(lineChanged(a, { ...a, outcome: 'NOT_SELECTED' })).toBe(true);
    expect(lineChanged(undefined, a)).toBe(true);
  });
  it('the note carries the motivation in both languages', () => {
    const noted = withRedecisionNote(line('a', 'SELECTED', 1), '2027-01-05', 'De erkenning was geldig.');
    expect(noted.reasons.at(-1)).toBe('Decided again on 2027-01-05 after an upheld objection: De erkenning was geldig.');
    expect(noted.reasonsNl?.at(-1)).toBe('Opnieuw beslist op 2027-01-05 na een gegrond bezwaar: De erkenning was geldig.');
  });
});
