import { defineHandler } from '../../../shared/http/handler.ts';
import '../../../shared/http/middlewares/idempotency.ts';
import { etagOf } from '../../../shared/http/etag.ts';
import { problems } from '../../../shared/http/problem.ts';
import { amaRoutes } from '../../../shared/routes/ama.ts';
import { hasRole } from '../../../shared/http/principal.ts';
import { newWerkpost, werkpostView } from '../../../shared/store/ama.ts';
import { getFacility } from '../../../shared/store/facilities.ts';
import { putAll } from '../../../shared/store/batch-write.ts';
import { mayManageWerkposten } from '../../../shared/access/ama.ts';

export const handler = defineHandler(amaRoutes.createWerkpost, async ({ params, body, principal, deps }) => {
  const own = hasRole(principal, 'department') || principal.facility === params.enterpriseNumber;
  if (!own || !(await getFacility(deps, params.enterpriseNumber))) throw problems.notFound('The facility');
  if (!(await mayManageWerkposten(deps, principal, params.enterpriseNumber))) {
    throw problems.conflict('not-a-recognised-begeleider', 'Only a facility recognised as begeleider AMA registers werkposten.');
  }
  const record = newWerkpost(params.enterpriseNumber, body, { actor: principal.userId, now: deps.clock() });
  await putAll(deps, [record as unknown as Record<string, unknown>]);
  return { status: 201, body: werkpostView(record), etag: etagOf(record.version) };
});
