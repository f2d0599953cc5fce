import type { RouteHandler } from '../../shared/http/handler.ts';
import { now } from '../../shared/runtime/clock.ts';

/**
 * `GET /health`: answers without touching anything, so it imports nothing but the clock (no zod, no logger,
 * no SDK): its function starts in about the time of an empty handler. It gives the current instant, which
 * in the local cloud is the clock `npm run clock` moves. Its route-table entry (shared/routes/system.ts)
 * documents it; a test checks that the route below is that entry's.
 */
export const handler: RouteHandler = Object.assign(
  () =>
    Promise.resolve({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'ok', now: now().toISOString() }),
    }),
  { route: { operationId: 'getHealth', method: 'GET', path: '/health' } as const },
);
