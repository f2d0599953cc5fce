import { trajectoryRegimeOn } from './rules/parameters.ts';
import { daysBetween } from './trajectory-dates.ts';

/**
 * Trajectory reports for the department (its yearly report): counts by status and outcome, by network and
 * per month, and the durations of closed trajectories. Nothing about a client leaves them; a count that
 * would single out fewer than five clients is suppressed (rule `small-cell-suppression`).
 */
export const SMALL_CELL_THRESHOLD = 5;

/** Rule `small-cell-suppression`: a count from 1 to 4 is shown as null (0 says nothing about anyone). */
export function suppressSmall(count: number): number | null {
  return count > 0 && count < SMALL_CELL_THRESHOLD ? null : count;
}

export interface ReportTrajectory {
  networkId: string;
  werkingsgebied?: string;
  startDate: string;
  endDate?: string;
  closed: boolean;
  status: string;
  outcome?: string;
}

export interface ReportFilter {
  region?: string;
  networkId?: string;
  /** Started on or after (YYYY-MM-DD). */
  from?: string;
  /** Started on or before (YYYY-MM-DD). */
  to?: string;
  regime?: 'DECREE_2014' | 'DECREE_2022';
}

/** Does a trajectory fall in the report's filter? The regime is the one in force on its start date. */
export function inReport(t: ReportTrajectory, f: ReportFilter): boolean {
  return (
    (!f.region || t.werkingsgebied === f.region) &&
    (!f.networkId || t.networkId === f.networkId) &&
    (!f.from || t.startDate >= f.from) &&
    (!f.to || t.startDate <= f.to) &&
    (!f.regime || trajectoryRegimeOn(t.startDate) === f.regime)
  );
}

/** The q-quantile of sorted values, by linear interpolation between the closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('no values');
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

const count = <K extends string>(keys: readonly K[]): Record<K, number> =>
  keys.reduce((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {} as Record<K, number>);
const suppressAll = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, suppressSmall(v)])) as Record<string, number | null>;

export function trajectoryReport(all: readonly ReportTrajectory[], filter: ReportFilter) {
  const ts = all.filter((t) => inReport(t, filter));
  const networks = [...new Set(ts.map((t) => t.networkId))].sort();
  const months = [...new Set(ts.flatMap((t) => [t.startDate.slice(0, 7), ...(t.endDate ? [t.endDate.slice(0, 7)] : [])]))].sort();
  const durations = ts
    .filter((t) => t.closed && t.endDate)
    .map((t) => daysBetween(t.startDate, t.endDate!))
    .sort((a, b) => a - b);
  return {
    filter,
    suppressedBelow: SMALL_CELL_THRESHOLD,
    total: suppressSmall(ts.length),
    byStatus: suppressAll(count(ts.map((t) => t.status))),
    byOutcome: suppressAll(count(ts.flatMap((t) => (t.outcome ? [t.outcome] : [])))),
    byNetwork: networks.map((networkId) => {
      const of = ts.filter((t) => t.networkId === networkId);
      return {
        networkId,
        active: suppressSmall(of.filter((t) => !t.closed).length),
        closed: suppressSmall(of.filter((t) => t.closed).length),
      };
    }),
    perMonth: months.map((month) => ({
      month,
      started: suppressSmall(ts.filter((t) => t.startDate.slice(0, 7) === month).length),
      ended: suppressSmall(ts.filter((t) => t.endDate?.slice(0, 7) === month).length),
    })),
    // Durations only over enough closed trajectories that no one's stands out.
    durationDays:
      durations.length >= SMALL_CELL_THRESHOLD
        ? {
            closed: durations.length,
            median: quantile(durations, 0.5),
            q1: quantile(durations, 0.25),
            q3: quantile(durations, 0.75),
          }
        : { closed: suppressSmall(durations.length) },
  };
}

export type TrajectoryReport = ReturnType<typeof trajectoryReport>;

/** The report as CSV rows (section, key, measure, value; a suppressed count is an empty cell). */
export function trajectoryReportCsv(report: TrajectoryReport): string {
  const rows: Array<[string, string, string, number | null]> = [['total', '', 'trajectories', report.total]];
  for (const [k, v] of Object.entries(report.byStatus)) rows.push(['status', k, 'trajectories', v]);
  for (const [k, v] of Object.entries(report.byOutcome)) rows.push(['outcome', k, 'trajectories', v]);
  for (const n of report.byNetwork)
    rows.push(['network', n.networkId, 'active', n.active], ['network', n.networkId, 'closed', n.closed]);
  for (const m of report.perMonth) rows.push(['month', m.month, 'started', m.started], ['month', m.month, 'ended', m.ended]);
  for (const [k, v] of Object.entries(report.durationDays) as Array<[string, number | null | undefined]>) {
    rows.push(['duration-days', '', k, v ?? null]);
  }
  const cell = (value: string | number | null) =>
    value === null ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value);
  return ['section,key,measure,value', ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}
