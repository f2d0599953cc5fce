import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { extensionView, insertExtensionRequest, newExtensionRecord } from '../../shared/store/trajectories.ts';
import { isCaseManagerOf, loadForChange } from '../../shared/access/trajectories.ts';

export const handler = defineHandler(trajectoryRoutes.requestExtension, async ({ params, body, principal, deps }) => {
  const trajectory = await loadForChange(deps, principal, params.trajectoryId);
  if (!isCaseManagerOf(principal, trajectory)) throw problems.notFound('The trajectory');
  if (body.plannedEndDate <= trajectory.maxEndDate) {
    throw problems.validation([
      {
        path: 'plannedEndDate',
        message: `An extension goes beyond maxEndDate (${trajectory.maxEndDate}); within it, change the plan instead.`,
      },
    ]);
  }
  const record = newExtensionRecord(trajectory.trajectoryId, body, { actor: principal.userId, now: deps.clock() });
  await insertExtensionRequest(deps, record, principal);
  return { status: 201, body: extensionView(record) };
});
