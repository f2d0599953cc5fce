import { describe, expect, it } from 'vitest';
import { inReport, quantile, suppressSmall, trajectoryReport, trajectoryReportCsv } from '../../shared/domain/statistics.ts';

describe('small-cell-suppression', () => {
  it('hides counts from 1 to 4; 0 and 5 are shown', () => {
    expect([0, 1, 4, 5, 6].map(suppressSmall)).toEqual([0, null, null, 5, 6]);
  });
});

describe('the trajectory report', () => {
  const t = (startDate: string, extra: Record<string, unknown> = {}) => ({
    networkId: 'n1',
    werkingsgebied: 'GENT',
    startDate,
    closed: false,
    status: 'ACTIVE',
    ...extra,
  });

  it('filters on region, network, period (start dates, both ends included) and the regime in force on the start date', () => {
    expect(inReport(t('2023-06-30'), { regime: 'DECREE_2014' })).toBe(true);
    expect(inReport(t('2023-07-01'), { regime: 'DECREE_2014' })).toBe(false);
    expect(inReport(t('2023-07-01'), { regime: 'DECREE_2022' })).toBe(true);
    expect(inReport(t('2026-01-01'), { from: '2026-01-01', to: '2026-01-01' })).toBe(true);
    expect(inReport(t('2026-01-02'), { to: '2026-01-01' })).toBe(false);
    expect(inReport(t('2026-01-01'), { region: 'LEUVEN' })).toBe(false);
    expect(inReport(t('2026-01-01'), { networkId: 'n2' })).toBe(false);
  });

  it('quartiles by linear interpolation', () => {
    expect(quantile([10], 0.5)).toBe(10);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
  });

  it('durations only over five closed trajectories or more', () => {
    const closed = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        t('2026-01-01', { closed: true, status: 'CLOSED', endDate: `2026-01-${String(11 + i).padStart(2, '0')}` }),
      );
    expect(trajectoryReport(closed(4), {}).durationDays).toEqual({ closed: null });
    expect(trajectoryReport(closed(5), {}).durationDays).toEqual({ closed: 5, median: 12, q1: 11, q3: 13 });
  });

  it('as CSV: a suppressed count is an empty cell', () => {
    const csv = trajectoryReportCsv(trajectoryReport([t('2026-01-01'), t('2026-01-02')], {}));
    expect(csv.split('\r\n')).toEqual(
      expect.arrayContaining(['section,key,measure,value', 'total,,trajectories,', 'month,2026-01,started,']),
    );
  });
});
