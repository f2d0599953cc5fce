import * as z from '../zod.ts';
import { lazy } from '../zod.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { ProblemTypePage, ProblemTypeParams } from '../schemas/problems.ts';

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
  getProblemType: route({
    operationId: 'getProblemType',
    method: 'GET',
    path: '/problems/{slug}',
    handler: 'functions/problems/get.ts',
    summary: 'What a problem type means and what to do about it',
    description:
      'The page the `type` of every problem document resolves to (`/problems/stale-etag`…): HTML for a browser (`Accept: text/html`), JSON otherwise.',
    tag: 'System',
    auth: 'public',
    table: 'none',
    params: ProblemTypeParams,
    responses: {
      200: { description: 'The problem type: title, meaning, what to do.', schema: ProblemTypePage, alsoAs: ['text/html'] },
    },
    errors: [404],
  }),
} satisfies Record<string, RouteSpec>;
