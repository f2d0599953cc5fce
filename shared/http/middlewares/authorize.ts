import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteSpec } from '../route.ts';
import { principalFromClaims, type Claims } from '../principal.ts';
import { problems } from '../problem.ts';
import type { RouteContext } from '../route-context.ts';

/**
 * Reads the caller from the claims the JWT authorizer verified and applies the route's role rule:
 * 401 without a usable identity, 403 for a role the route does not allow. Resource-level rules
 * ("only your own facility", answered with 404) stay in the handler.
 */
export function authorize(
  spec: RouteSpec,
): MiddlewareObj<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Error, RouteContext> {
  return {
    name: 'authorize',
    before: (request) => {
      if (spec.auth === 'public') return;
      const claims = request.event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
      const principal = principalFromClaims(claims);
      if (!principal) throw problems.unauthorized();
      if (!principal.roles.some((role) => spec.auth.includes(role))) throw problems.forbidden();
      request.context.principal = principal;
    },
  };
}
