import { defineHandler } from '../../../shared/http/handler.ts';
import { problems } from '../../../shared/http/problem.ts';
import { amaRoutes } from '../../../shared/routes/ama.ts';
import { deleteWerkpost } from '../../../shared/store/ama.ts';
import { loadWerkpost } from '../../../shared/access/ama.ts';

export const handler = defineHandler(amaRoutes.deleteWerkpost, async ({ params, principal, deps }) => {
  const werkpost = await loadWerkpost(deps, principal, params.werkpostId);
  if (!(await deleteWerkpost(deps, werkpost.werkpostId)).ok) {
    throw problems.conflict(
      'werkpost-in-use',
      'Agreements name this werkpost (running or ended ones, whose documents refer to it): close it to new agreements instead (PATCH closed: true).',
    );
  }
  return { status: 204 };
});
