import { defineHandler } from '../../shared/http/handler.ts';
import { cooperationRoutes } from '../../shared/routes/cooperations.ts';
import { cooperationView, listCooperations } from '../../shared/store/cooperations.ts';

export const handler = defineHandler(cooperationRoutes.listCooperations, async ({ query, deps }) => {
  const page = await listCooperations(deps, {
    limit: query.limit,
    ...(query.werkingsgebied ? { werkingsgebied: query.werkingsgebied } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { status: 200, body: { items: page.items.map(cooperationView), nextCursor: page.nextCursor } };
});
