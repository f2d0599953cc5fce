import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { getTrajectory, listAudit } from '../../shared/store/trajectories.ts';

export const handler = defineHandler(trajectoryRoutes.trajectoryAudit, async ({ params, deps }) => {
  if (!(await getTrajectory(deps, params.trajectoryId))) throw problems.notFound('The trajectory');
  return { status: 200, body: { items: await listAudit(deps, params.trajectoryId) } };
});
