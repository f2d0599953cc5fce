import type { RouteHandler } from '../../shared/http/handler.ts';

/**
 * `GET /health`: answers without touching anything, so it imports nothing (no zod, no logger, no SDK):
 * its function starts in about the time of an empty handler. Its route-table entry (shared/routes/system.ts)
 * documents it; a test checks that the route below is that entry's.
 */
export const handler: RouteHandler = Object.assign(
  () => Promise.resolve({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' }),
  { route: { operationId: 'getHealth', method: 'GET', path: '/health' } as const },
);
