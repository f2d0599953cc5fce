import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { nextVersion, saveTrajectory, trajectoryView } from '../../shared/store/trajectories.ts';
import { loadForChange } from '../../shared/access/trajectories.ts';

export const handler = defineHandler(trajectoryRoutes.closeTrajectory, async ({ params, body, principal, deps }) => {
  const current = await loadForChange(deps, principal, params.trajectoryId);
  if (body.endDate < current.startDate) {
    throw problems.validation([{ path: 'endDate', message: `The end date cannot be before the start (${current.startDate}).` }]);
  }
  const next = nextVersion(
    current,
    { status: 'CLOSED', endDate: body.endDate, outcome: body.outcome },
    { actor: principal.userId, now: deps.clock() },
  );
  const outcome = await saveTrajectory(deps, next, current.version, principal, `closed-${body.outcome}`);
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The trajectory changed at the same time; GET it and try again.');
  return { status: 200, body: trajectoryView(next), etag: etagOf(next.version) };
});
