import { defineHandler } from '../../shared/http/handler.ts';
import { selectionRoutes } from '../../shared/routes/selection.ts';
import { listNetworks, networkView } from '../../shared/store/networks.ts';

export const handler = defineHandler(selectionRoutes.listNetworks, async ({ query, deps }) => {
  const page = await listNetworks(deps, {
    limit: query.limit,
    ...(query.region ? { region: query.region } : {}),
    ...(query.callId ? { callId: query.callId } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { status: 200, body: { items: page.items.map(networkView), nextCursor: page.nextCursor } };
});
