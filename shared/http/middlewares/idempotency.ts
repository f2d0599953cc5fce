import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { Deps } from '../../runtime/deps.ts';
import { idempotencyPersistence, IDEMPOTENCY_TTL_SECONDS } from '../../store/idempotency.ts';
import type { RouteContext } from '../route-context.ts';
import { registerIdempotencyMiddleware } from '../handler.ts';

/**
 * `Idempotency-Key` (IETF draft "The Idempotency-Key HTTP Header Field") on creating POSTs, with
 * Powertools Idempotency: the key is the caller's `sub`, the route and the header's value, so one caller's
 * key never meets another's. The first request with a key runs and its response (status, headers with
 * the ETag, body) is stored for IDEMPOTENCY_TTL_SECONDS; a retry with the same key and the same body gets
 * that response again, marked `Idempotent-Replayed: true`, and writes nothing; the same key with another
 * body is a 422, and one that arrives while the first is still running a 409 (problem-responses.ts maps
 * both). Without the header the request runs as always. A request that fails (an error response) leaves
 * no record: it may be retried with the same key.
 *
 * Known limit (Powertools issues on expired in-progress locks): a first request that runs past the
 * function's timeout leaves its lock until it expires (the remaining time of that invocation); a retry in
 * that window gets 409 and should wait.
 */
export function idempotency(
  deps: Deps,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, RouteContext> {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: `headers."idempotency-key" && [requestContext.authorizer.jwt.claims.sub, routeKey, headers."idempotency-key"]`,
    payloadValidationJmesPath: 'body',
    throwOnNoIdempotencyKey: false,
    expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
    responseHook: (response) => {
      const replayed = response as APIGatewayProxyStructuredResultV2;
      return { ...replayed, headers: { ...replayed.headers, 'idempotent-replayed': 'true' } };
    },
  });
  // Powertools declares the hooks optional, on a Middy-like request; all three exist and take this chain's requests.
  const inner = makeHandlerIdempotent({ persistenceStore: idempotencyPersistence(deps), config }) as unknown as Record<
    'before' | 'after' | 'onError',
    (request: Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, RouteContext>) => unknown
  >;
  return {
    name: 'idempotency',
    before: async (request) => {
      try {
        return await inner.before(request);
      } catch (error) {
        // Refused before the handler ran (the key is in use, or used with another body): the record is the
        // first request's. Powertools' onError would delete it and let the next retry run the handler a
        // second time (20 concurrent requests made 6 records before this guard); so its onError is skipped.
        (request.internal as Record<symbol, unknown>)[REFUSED_BEFORE] = true;
        throw error;
      }
    },
    after: inner.after,
    onError: (request) => {
      if ((request.internal as Record<symbol, unknown>)[REFUSED_BEFORE]) return;
      return inner.onError(request);
    },
  };
}

const REFUSED_BEFORE = Symbol('idempotency refused before the handler');

// Imported by the handler modules of the routes that accept an Idempotency-Key (creating POSTs): only
// their functions bundle Powertools Idempotency.
registerIdempotencyMiddleware(idempotency);
