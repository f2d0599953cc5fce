import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { routeList } from './routes.ts';
import { acceptsIdempotencyKey, errorStatuses } from './http/route.ts';
import { PROBLEM_CONTENT_TYPE } from './http/problem.ts';
import { ProblemSchema } from './schemas/common.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed JSON, or a tampered cursor.',
  401: 'No token, or a token that is expired or not ours.',
  403: 'Your role may not use this operation.',
  404: 'Not found, or not yours (existence is never revealed).',
  409: 'The change conflicts with the current state.',
  412: 'The If-Match ETag is stale: GET again and retry.',
  413: 'The request body is larger than 64 KB.',
  415: 'The request body is not application/json.',
  422: 'Valid JSON that breaks a rule; `errors` has one entry per offending field.',
  428: 'This update requires an If-Match header.',
  500: 'An error on our side (never caused by your input).',
  503: 'A service we depend on did not answer in time; try again after the seconds in Retry-After.',
};

/** The OpenAPI 3.1 document, generated from the route table's zod schemas. */
export function buildOpenApiDocument(options: { serverUrl?: string } = {}) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token (locally: `npm run token`). Claims used: sub, email, cognito:groups, custom:facility.',
  });
  for (const spec of routeList) {
    if (spec.localOnly) continue;
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(spec.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.etag
          ? { headers: { ETag: { description: 'Version of the resource, for If-Match.', schema: { type: 'string' } } } }
          : {}),
        ...(response.schema ? { content: { 'application/json': { schema: response.schema } } } : {}),
      };
    }
    for (const status of errorStatuses(spec)) {
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? 'Error.',
        ...(status === 503
          ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'string' } } } }
          : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      };
    }
    registry.registerPath({
      operationId: spec.operationId,
      method: spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: spec.path,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.tag],
      security: spec.auth === 'public' ? [] : [{ [bearer.name]: [] }],
      ...(spec.auth === 'public' ? {} : { 'x-roles': spec.auth }),
      request: {
        ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
        ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
        ...(spec.ifMatch
          ? { headers: z.object({ 'If-Match': z.string().meta({ description: 'The ETag from your last GET.' }) }) }
          : {}),
        ...(acceptsIdempotencyKey(spec)
          ? {
              headers: z.object({
                'Idempotency-Key': z.string().min(1).max(255).optional().meta({
                  description:
                    'A key of your choosing (a UUID) that makes a retry safe: the same key and body within 24 hours get the first response again (with `Idempotent-Replayed: true`) and create nothing; the same key with another body is a 422.',
                  example: '8e0f4c1e-6f2a-4b5e-9a51-3d2c7b1f0a99',
                }),
              }),
            }
          : {}),
        ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
      },
      responses: responses as never,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Werk- en zorgtrajecten API',
      version: '0.1.0',
      description:
        'Backend for the Flemish work-and-care trajectories (Werk- en zorgdecreet): facilities and their recognitions, ' +
        'calls for networks, activation trajectories and AMA. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: options.serverUrl ?? '/' }],
  });
}
