import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * What a route answers, and how it becomes API Gateway's result. Kept apart from the route pipeline
 * (shared/http/handler.ts) so that a function answering from build-time data (functions/reference.ts)
 * answers the same way without loading middy, zod or the logger.
 */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as the ETag header. */
  etag?: string;
  /** Non-JSON body (a string, e.g. HTML), sent as is with this content type. */
  contentType?: string;
  /** A binary body (e.g. a PDF), sent base64-encoded as API Gateway expects; needs `contentType`. */
  binary?: Buffer;
}

/**
 * Responses of the API hold personal data or decisions about people: no cache, shared or private, keeps
 * them, unless a route says otherwise (the OpenAPI document).
 */
export const NO_STORE = 'no-store';

/** Does the request ask for `mediaType` (its Accept header names it)? A report answers CSV, a request a PDF. */
export function accepts(event: { headers?: Record<string, string | undefined> }, mediaType: string): boolean {
  return (headerOf(event, 'accept') ?? '').includes(mediaType);
}

/** A request header, by its name in lower case (HTTP header names are case-insensitive). */
export function headerOf(event: { headers?: Record<string, string | undefined> }, name: string): string | undefined {
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}

export function toResult(reply: Reply): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { 'cache-control': NO_STORE, ...reply.headers };
  if (reply.etag) headers.etag = reply.etag;
  if (reply.binary) {
    headers['content-type'] = reply.contentType ?? 'application/octet-stream';
    return { statusCode: reply.status, headers, body: reply.binary.toString('base64'), isBase64Encoded: true };
  }
  if (reply.body === undefined) return { statusCode: reply.status, headers };
  if (reply.contentType) {
    headers['content-type'] = reply.contentType;
    return { statusCode: reply.status, headers, body: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body) };
  }
  headers['content-type'] = 'application/json';
  return { statusCode: reply.status, headers, body: JSON.stringify(reply.body) };
}
