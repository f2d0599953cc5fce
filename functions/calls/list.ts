import { defineHandler } from '../../shared/http/handler.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { callView, listCalls } from '../../shared/store/calls.ts';
import { isVisibleToFacilities } from '../../shared/domain/call-rules.ts';

export const handler = defineHandler(callRoutes.listCalls, async ({ query, principal, deps }) => {
  const department = hasRole(principal, 'department');
  const page = await listCalls(deps, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    where: (call) =>
      (department || isVisibleToFacilities(call)) &&
      (!query.status || call.status === query.status) &&
      (!query.region || call.regions.includes(query.region)),
  });
  return { status: 200, body: { items: page.items.map(callView), nextCursor: page.nextCursor } };
});
