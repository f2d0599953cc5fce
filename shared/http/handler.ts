import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from '../zod.ts';
import { getDeps, type Deps } from '../runtime/deps.ts';
import { acceptsIdempotencyKey, type RouteSpec } from './route.ts';
import { ifNoneMatchHolds } from './etag.ts';
import type { Principal } from './principal.ts';
import { authorize } from './middlewares/authorize.ts';
import { parseRequest } from './middlewares/parse-request.ts';
import { problemResponses } from './middlewares/problem-responses.ts';
import type { ParsedInput, RouteContext } from './route-context.ts';
import { headerOf, NO_STORE, toResult, type Reply } from './reply.ts';

export { accepts, NO_STORE, toResult, type Reply } from './reply.ts';

export type { ParsedInput, RouteContext } from './route-context.ts';

type Out<T> = NonNullable<T> extends () => infer S ? (S extends z.core.$ZodType ? z.output<S> : undefined) : undefined;

export interface RouteRequest<S extends RouteSpec> {
  params: Out<S['params']>;
  query: Out<S['query']>;
  body: Out<S['body']>;
  /** Raw `If-Match` header; present whenever the route requires it. */
  ifMatch: string | undefined;
  /** The caller; always set on routes that are not public. */
  principal: Principal;
  deps: Deps;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** The Idempotency-Key middleware; registered by shared/http/middlewares/idempotency.ts (see `defineHandler`). */
type IdempotencyMiddleware = (
  deps: Deps,
) => MiddlewareObj<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Error, RouteContext>;
let idempotencyMiddleware: IdempotencyMiddleware | undefined;

export function registerIdempotencyMiddleware(middleware: IdempotencyMiddleware): void {
  idempotencyMiddleware = middleware;
}

const ANONYMOUS: Principal = { userId: 'anonymous', roles: [] };

/** A Lambda handler of API Gateway HTTP API events (payload format 2.0). */
export type ApiHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** The handler of one route, with the route it serves: a function's dispatcher finds it by route key. */
export interface RouteHandler extends ApiHandler {
  readonly route: Pick<RouteSpec, 'operationId' | 'method' | 'path'>;
}

/**
 * Builds the handler of one route: Powertools logging context, problem+json errors, role check,
 * request parsing with zod, then the route's own (thin) code. A function serves it through
 * `dispatch` (shared/http/dispatch.ts) together with the other routes of that function.
 */
export function defineHandler<S extends RouteSpec>(spec: S, impl: (request: RouteRequest<S>) => Promise<Reply>): RouteHandler {
  const deps = getDeps();
  const pipeline = middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Error, RouteContext>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .use(problemResponses(deps.logger, spec.operationId))
    .use(authorize(spec))
    .use(parseRequest(spec));
  // After authorization and parsing: refused or malformed requests never reach the idempotency store.
  // Only creating POSTs take an Idempotency-Key; their handler modules import the middleware (which
  // registers itself), so Powertools Idempotency is bundled only into the functions that serve one
  // (about 45 kB minified and 7–10 ms of every cold import of the others).
  if (acceptsIdempotencyKey(spec)) {
    if (!idempotencyMiddleware) {
      throw new Error(
        `${spec.operationId} accepts an Idempotency-Key: its handler module must import shared/http/middlewares/idempotency.ts`,
      );
    }
    pipeline.use(idempotencyMiddleware(deps));
  }
  const handler = pipeline.handler(async (event, context) => {
    const input = context.input as ParsedInput;
    const reply = await impl({
      params: input.params as Out<S['params']>,
      query: input.query as Out<S['query']>,
      body: input.body as Out<S['body']>,
      ifMatch: input.ifMatch,
      principal: context.principal ?? ANONYMOUS,
      deps: getDeps(),
      event,
    });
    // A GET whose ETag the caller already holds: 304 without a body (RFC 9110 §13.1.2).
    const ifNoneMatch = headerOf(event, 'if-none-match');
    if (spec.method === 'GET' && reply.status === 200 && reply.etag && ifNoneMatch && ifNoneMatchHolds(ifNoneMatch, reply.etag)) {
      return { statusCode: 304, headers: { etag: reply.etag, 'cache-control': reply.headers?.['cache-control'] ?? NO_STORE } };
    }
    return toResult(reply);
  });
  const { operationId, method, path } = spec;
  return Object.assign(handler as ApiHandler, { route: { operationId, method, path } });
}
