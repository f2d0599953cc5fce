import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  extensionStillExtends,
  maxEndDate,
  minEndDate,
  trajectoryDateViolations,
} from '../../shared/domain/trajectory-dates.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';

describe('the 18-month limit', () => {
  it.each([
    ['2026-01-15', '2027-07-14'],
    ['2026-03-01', '2027-08-31'],
    ['2025-08-31', '2027-02-28'],
    ['2026-08-31', '2028-02-29'], // leap year: February 2028 has 29 days
    ['2026-08-29', '2028-02-28'],
    ['2026-08-30', '2028-02-29'], // no 30 February: its last day
    ['2026-12-31', '2028-06-30'],
    ['2026-01-01', '2027-06-30'],
    ['2026-07-31', '2028-01-30'],
  ])('start %s → last day %s', (start, last) => {
    expect(maxEndDate(start)).toBe(last);
  });

  it('the three-month minimum by the same reading', () => {
    expect(minEndDate('2026-01-15')).toBe('2026-04-14');
    expect(minEndDate('2026-11-30')).toBe('2027-02-28');
    expect(minEndDate('2027-11-30')).toBe('2028-02-29');
    expect(minEndDate('2026-03-31')).toBe('2026-06-30');
  });

  it('property: maxEndDate is before the 18-month anniversary and at most 18 months minus a day after the start', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2018-07-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const start = date.toISOString().slice(0, 10);
          const last = maxEndDate(start);
          const [y, m, d] = start.split('-').map(Number) as [number, number, number];
          const anniversaryMonth = new Date(Date.UTC(y, m - 1 + 18, 1));
          const anniversary = new Date(Date.UTC(anniversaryMonth.getUTCFullYear(), anniversaryMonth.getUTCMonth(), d));
          // The anniversary as a date (rolls into the next month when day D does not exist there).
          const anniversaryDate = anniversary.toISOString().slice(0, 10);
          expect(last < anniversaryDate).toBe(true);
          expect(addDays(last, 1) <= anniversaryDate).toBe(true);
          expect(daysBetween(start, last)).toBeLessThanOrEqual(18 * 31);
          expect(daysBetween(start, last)).toBeGreaterThanOrEqual(18 * 30 - 10);
          expect(minEndDate(start) < last).toBe(true);
        },
      ),
    );
  });
});

describe('Brussels calendar dates around the DST changes', () => {
  it('an instant just after midnight Brussels is already the next day', () => {
    expect(brusselsDateOf(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29'); // winter: UTC+1
    expect(brusselsDateOf(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29'); // summer from 02:00: UTC+2
    expect(brusselsDateOf(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(brusselsDateOf(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(brusselsDateOf(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25'); // back to UTC+1
    expect(brusselsDateOf(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('day arithmetic is calendar arithmetic, not 24-hour steps', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-01', '2026-11-01')).toBe(31);
  });
});

describe('plan violations', () => {
  it('names plannedEndDate beyond the maximum or before the minimum, and actions outside the trajectory', () => {
    expect(trajectoryDateViolations({ startDate: '2026-01-15', plannedEndDate: '2027-07-14' })).toEqual([]);
    expect(trajectoryDateViolations({ startDate: '2026-01-15', plannedEndDate: '2027-07-15' }).map((v) => v.path)).toEqual([
      'plannedEndDate',
    ]);
    expect(trajectoryDateViolations({ startDate: '2026-01-15', plannedEndDate: '2026-04-13' })[0]!.message).toContain(
      '2026-04-14',
    );
    expect(trajectoryDateViolations({ startDate: '2026-01-15', plannedEndDate: '2027-08-01', maxEndDate: '2027-09-30' })).toEqual(
      [],
    );
    const actions = [
      { path: 'workActions[0]', plannedStart: '2026-01-10', plannedEnd: '2026-02-01' },
      { path: 'careActions[1]', plannedStart: '2026-03-01', plannedEnd: '2026-02-01' },
      { path: 'careActions[2]', plannedStart: '2026-03-01', plannedEnd: '2027-12-01' },
    ];
    expect(
      trajectoryDateViolations({ startDate: '2026-01-15', plannedEndDate: '2027-01-14', actions }).map((v) => v.path),
    ).toEqual(['workActions[0].plannedStart', 'careActions[1].plannedEnd', 'careActions[2].plannedEnd']);
  });
});

describe('rule trajectory-closed', () => {
  it('an active trajectory is open to changes; a closed one is read-only', () => {
    expect(isTrajectoryClosed({ status: 'ACTIVE' })).toBe(false);
    expect(isTrajectoryClosed({ status: 'CLOSED' })).toBe(true);
  });
});

describe('extensionStillExtends', () => {
  it('holds only for a planned end after the current maximum end, not on it', () => {
    expect(extensionStillExtends('2027-10-01', '2027-09-30')).toBe(true);
    expect(extensionStillExtends('2027-09-30', '2027-09-30')).toBe(false);
    expect(extensionStillExtends('2027-09-29', '2027-09-30')).toBe(false);
  });
});
