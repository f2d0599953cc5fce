import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { endDateViolations } from '../../shared/domain/trajectory-rules.ts';
import { nextVersion, saveTrajectory, trajectoryView } from '../../shared/store/trajectories.ts';
import { loadForChange } from '../../shared/access/trajectories.ts';

/** Closing records what happened: an end date between the start and the maximum end, not in the future (`trajectory-end-date`). */
export const handler = defineHandler(trajectoryRoutes.closeTrajectory, async ({ params, body, principal, deps }) => {
  const current = await loadForChange(deps, principal, params.trajectoryId);
  const now = deps.clock();
  const errors = endDateViolations({
    startDate: current.startDate,
    maxEndDate: current.maxEndDate,
    endDate: body.endDate,
    today: brusselsDateOf(now),
  });
  if (errors.length > 0) throw problems.validation(errors);
  const next = nextVersion(
    current,
    { status: 'CLOSED', endDate: body.endDate, outcome: body.outcome },
    { actor: principal.userId, now },
  );
  const outcome = await saveTrajectory(deps, next, current.version, principal, `closed-${body.outcome}`);
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The trajectory changed at the same time; GET it and try again.');
  return { status: 200, body: trajectoryView(next), etag: etagOf(next.version) };
});
