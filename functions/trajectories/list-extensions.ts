import { defineHandler } from '../../shared/http/handler.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { extensionView, listAllExtensionRequests } from '../../shared/store/trajectories.ts';

/** The department's queue of extension requests, oldest first; `status=REQUESTED` is what waits. */
export const handler = defineHandler(trajectoryRoutes.listExtensionRequests, async ({ query, deps }) => {
  const page = await listAllExtensionRequests(deps, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    where: (r) => !query.status || r.status === query.status,
  });
  return { status: 200, body: { items: page.items.map(extensionView), nextCursor: page.nextCursor } };
});
