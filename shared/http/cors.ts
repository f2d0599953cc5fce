/**
 * CORS, for a portal on another origin: defined once, used by the HTTP API's `corsPreflight` in AWS
 * (infra/stack.ts) and by the local API (infra/local/api-server.ts). The origins are configured per stage
 * (`-c corsOrigins=…` in CDK, `CORS_ORIGINS` or cdk.json's `corsOrigins` locally); none by default, and then
 * no CORS at all. Tokens travel in the Authorization header, never in cookies: no credentials mode.
 */

/** Every method the route table uses (a test checks it). */
export const CORS_ALLOW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The request headers a portal sends beyond the CORS-safelisted ones. */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key'] as const;

/** The response headers a portal may read beyond the safelisted ones. */
export const CORS_EXPOSE_HEADERS = [
  'etag',
  'location',
  'retry-after',
  'idempotent-replayed',
  'content-disposition',
  'www-authenticate',
] as const;

/** How long a browser may keep a preflight's answer. */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * The allowed origins from a configuration value: a comma-separated string (`-c corsOrigins=a,b`, an
 * environment variable) or a list (cdk.json); nothing for undefined or empty. Each must be an origin
 * (`https://portal.example`, a port allowed, no path, no `*`): anything else throws, naming it.
 */
export function parseCorsOrigins(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
  return items.map((item) => {
    const text = typeof item === 'string' ? item.trim() : '';
    let origin: string | undefined;
    try {
      const url = new URL(text);
      if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
    } catch {
      // not a URL
    }
    if (origin === undefined || text.includes('*') || origin !== text.replace(/\/$/, '').toLowerCase()) {
      throw new Error(
        `corsOrigins: ${JSON.stringify(item)} is not an origin such as https://portal.example (scheme, host, optional port; no path, no *)`,
      );
    }
    return origin;
  });
}
