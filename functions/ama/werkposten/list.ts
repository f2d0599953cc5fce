import { defineHandler } from '../../../shared/http/handler.ts';
import { problems } from '../../../shared/http/problem.ts';
import { hasRole } from '../../../shared/http/principal.ts';
import { amaRoutes } from '../../../shared/routes/ama.ts';
import { listWerkposten, werkpostView } from '../../../shared/store/ama.ts';

export const handler = defineHandler(amaRoutes.listWerkposten, async ({ params, query, principal, deps }) => {
  if (!hasRole(principal, 'department') && principal.facility !== params.enterpriseNumber)
    throw problems.notFound('The facility');
  const items = (await listWerkposten(deps, params.enterpriseNumber))
    .map(werkpostView)
    .filter(
      (w) => (!query.postcode || w.address.postcode === query.postcode) && (query.freePlaces !== 'true' || w.freePlaces > 0),
    );
  return { status: 200, body: { items } };
});
