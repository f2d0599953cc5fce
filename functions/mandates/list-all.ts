import { defineHandler } from '../../shared/http/handler.ts';
import { mandateRoutes } from '../../shared/routes/mandates.ts';
import { listAllMandateRequests, mandateView } from '../../shared/store/mandates.ts';

/** The department's queue of mandate and recognition requests, oldest first; `status=REQUESTED` is what waits. */
export const handler = defineHandler(mandateRoutes.listAllMandateRequests, async ({ query, deps }) => {
  const page = await listAllMandateRequests(deps, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    where: (r) => (!query.status || r.status === query.status) && (!query.kind || r.kind === query.kind),
  });
  return { status: 200, body: { items: page.items.map(mandateView), nextCursor: page.nextCursor } };
});
