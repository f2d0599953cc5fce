import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { trajectoryView } from '../../shared/store/trajectories.ts';
import { loadTrajectory } from '../../shared/access/trajectories.ts';

export const handler = defineHandler(trajectoryRoutes.getTrajectory, async ({ params, principal, deps }) => {
  const trajectory = await loadTrajectory(deps, principal, params.trajectoryId);
  return { status: 200, body: trajectoryView(trajectory), etag: etagOf(trajectory.version) };
});
