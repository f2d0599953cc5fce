import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A host name or address, with an optional port: what a `domainName` may be. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The API's address as the request reached it, for the OpenAPI document's `servers`: the request context's
 * `domainName` (in AWS API Gateway's own domain for the API, or its custom domain; locally the local API's
 * own host and port, never a Host header taken as is) with the scheme of `X-Forwarded-Proto`, which API
 * Gateway sets to https and the local API to http. A `domainName` that is not a plain host gives the
 * relative server `/`: the origin the document was read from.
 */
export function serverUrlOf(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>): string {
  const host = event.requestContext.domainName;
  if (!HOST.test(host)) return '/';
  const scheme = event.headers['x-forwarded-proto'] === 'http' ? 'http' : 'https';
  return `${scheme}://${host}`;
}
