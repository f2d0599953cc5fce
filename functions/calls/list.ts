import { defineHandler } from '../../shared/http/handler.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { routes } from '../../shared/routes.ts';
import { callView, listCalls } from '../../shared/store/calls.ts';

export const handler = defineHandler(routes.listCalls, async ({ query, principal, deps }) => {
  const department = hasRole(principal, 'department');
  const page = await listCalls(deps, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    where: (call) =>
      (department || call.status !== 'DRAFT') &&
      (!query.status || call.status === query.status) &&
      (!query.region || call.regions.includes(query.region)),
  });
  return { status: 200, body: { items: page.items.map(callView), nextCursor: page.nextCursor } };
});
