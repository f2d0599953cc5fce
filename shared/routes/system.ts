import * as z from '../zod.ts';
import { lazy } from '../zod.ts';
import { route, type RouteSpec } from '../http/route.ts';

export const systemRoutes = {
  getHealth: route({
    operationId: 'getHealth',
    method: 'GET',
    path: '/health',
    handler: 'functions/system/health.ts',
    summary: 'Liveness check',
    tag: 'System',
    auth: 'public',
    table: 'none',
    responses: {
      200: {
        description: 'The API is up, and its current instant (in the local cloud, the clock `npm run clock` moves).',
        schema: lazy(() => z.object({ status: z.literal('ok'), now: z.iso.datetime() })),
      },
    },
  }),
  getOpenApi: route({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    handler: 'functions/system/openapi.ts',
    summary: 'This OpenAPI 3.1 document',
    tag: 'System',
    auth: 'public',
    table: 'none',
    responses: { 200: { description: 'The OpenAPI document.', schema: lazy(() => z.record(z.string(), z.unknown())) } },
  }),
} satisfies Record<string, RouteSpec>;
