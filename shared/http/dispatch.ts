import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiHandler, RouteHandler } from './handler.ts';
import { problems } from './problem.ts';

/** A function's handler: the routes it serves, found by API Gateway's route key (`GET /calls/{callId}`). */
export interface DispatchHandler extends ApiHandler {
  /** The operationIds this function serves, in the order given. */
  readonly operationIds: readonly string[];
}

/** `METHOD /path`, as API Gateway writes `routeKey` in a payload 2.0 event. */
export function routeKeyOf(route: { method: string; path: string }): string {
  return `${route.method} ${route.path}`;
}

/**
 * One Lambda function serving several routes. API Gateway keeps one route per route-table entry (with its
 * own authorizer), integrates it with the function that serves it and says which route matched in
 * `event.routeKey`; this picks that route's handler, which parses, authorizes and answers as it would
 * alone. An event for a route this function does not serve (a wiring mistake) is answered 404, the way
 * API Gateway answers a route it does not know.
 */
export function dispatch(...handlers: RouteHandler[]): DispatchHandler {
  const byRouteKey = new Map<string, RouteHandler>();
  for (const handler of handlers) {
    const key = routeKeyOf(handler.route);
    if (byRouteKey.has(key)) throw new Error(`two handlers for ${key}`);
    byRouteKey.set(key, handler);
  }
  const handler = async (
    event: APIGatewayProxyEventV2WithJWTAuthorizer,
    context: Parameters<ApiHandler>[1],
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const routeHandler = byRouteKey.get(event.routeKey);
    if (routeHandler) return routeHandler(event, context);
    return problems.notFound(`${event.requestContext?.http?.method ?? ''} ${event.rawPath ?? ''}`.trim()).toResult();
  };
  return Object.assign(handler, { operationIds: handlers.map((h) => h.route.operationId) });
}
