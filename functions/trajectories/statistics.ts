import { accepts, defineHandler } from '../../shared/http/handler.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { allTrajectoriesWhere } from '../../shared/store/trajectories.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { trajectoryReport, trajectoryReportCsv } from '../../shared/domain/statistics.ts';

/**
 * The department's trajectory report: only counts and durations leave this function, never a client's data,
 * and a count under five is suppressed. JSON, or CSV for spreadsheets (`Accept: text/csv`).
 */
export const handler = defineHandler(trajectoryRoutes.trajectoryStatistics, async ({ query, event, deps }) => {
  const all = await allTrajectoriesWhere(deps);
  const report = trajectoryReport(
    all.map((t) => ({
      networkId: t.networkId,
      ...(t.werkingsgebied ? { werkingsgebied: t.werkingsgebied } : {}),
      startDate: t.startDate,
      ...(t.endDate ? { endDate: t.endDate } : {}),
      closed: isTrajectoryClosed(t),
      status: t.status,
      ...(t.outcome ? { outcome: t.outcome } : {}),
    })),
    query,
  );
  if (accepts(event, 'text/csv')) {
    return {
      status: 200,
      body: trajectoryReportCsv(report),
      contentType: 'text/csv; charset=utf-8',
      headers: { 'content-disposition': 'attachment; filename="trajecten.csv"' },
    };
  }
  return { status: 200, body: report };
});
