import type { MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { parseGroups, type Claims } from '../principal.ts';
import type { Logger } from '@aws-lambda-powertools/logger';
import { HttpProblem, PROBLEM_CONTENT_TYPE, problems } from '../problem.ts';
import { isServiceUnavailable, RETRY_AFTER_SECONDS } from '../service-unavailable.ts';

const DENIALS = new Set([401, 403, 404]);

/**
 * What an access denial leaves in the log: the route, the caller (`sub` and roles, from the claims the
 * authorizer verified, when there are any), the ids in the path and the status. Never a body, a query or
 * a header: those may hold client data or the token itself.
 */
export function denialOf(event: APIGatewayProxyEventV2, operationId: string | undefined, status: number) {
  const claims = (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>).requestContext?.authorizer?.jwt?.claims as
    Claims | undefined;
  return {
    operationId: operationId ?? event.routeKey,
    status,
    sub: typeof claims?.sub === 'string' ? claims.sub : undefined,
    roles: claims ? parseGroups(claims['cognito:groups']) : [],
    resource: event.pathParameters ?? {},
  };
}

/**
 * Turns every error into an RFC 9457 problem response. Expected problems (`HttpProblem`) are logged at
 * info level with their status; anything else is a 500 whose detail never echoes the error, and only the
 * error's name is logged (messages of SDK errors may quote request data). A service that did not answer
 * (timeouts, refused connections, throttling, after the SDK's bounded retries) is a 503 with Retry-After.
 */
export function problemResponses(
  logger: Logger,
  operationId?: string,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    name: 'problemResponses',
    onError: (request) => {
      const error = request.error;
      let problem: HttpProblem;
      if (error instanceof HttpProblem) {
        problem = error;
        if (DENIALS.has(problem.status)) logger.warn('access denied', denialOf(request.event, operationId, problem.status));
      } else if (error instanceof Error && error.name === 'InvalidCursorError') {
        // A cursor this list did not give out (store/cursor.ts): the caller's input, so a 400 on `cursor`.
        // Recognised by name, as SDK errors are, so the HTTP layer does not import the store.
        problem = problems.badRequest('The cursor is not valid for this list.', [{ path: 'cursor', message: error.message }]);
      } else if (error instanceof Error && error.name === 'IdempotencyValidationError') {
        problem = problems.validation([
          { path: 'Idempotency-Key', message: 'This key was used with another request body: use a new key for a new request.' },
        ]);
      } else if (error instanceof Error && error.name === 'IdempotencyAlreadyInProgressError') {
        problem = problems.conflict(
          'idempotency-key-in-use',
          'A request with this Idempotency-Key is still running: retry in a moment.',
        );
      } else if (isServiceUnavailable(error) || isServiceUnavailable((error as { cause?: unknown } | undefined)?.cause)) {
        problem = problems.serviceUnavailable(RETRY_AFTER_SECONDS);
        logger.warn('a service did not answer', { errorName: (error as Error).name, status: 503 });
      } else {
        problem = problems.internal();
        logger.error('unhandled error', {
          errorName: error instanceof Error ? error.name : typeof error,
          stack: error instanceof Error ? error.stack?.split('\n').slice(1, 6).join('\n') : undefined,
        });
      }
      request.response = {
        statusCode: problem.status,
        headers: { 'cache-control': 'no-store', ...problem.headers, 'content-type': PROBLEM_CONTENT_TYPE },
        body: JSON.stringify(problem.toBody()),
      };
    },
  };
}
