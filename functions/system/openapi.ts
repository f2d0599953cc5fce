import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteHandler } from '../../shared/http/handler.ts';
import { serverUrlOf } from '../../shared/http/server-url.ts';
import { readBuiltText } from '../../shared/runtime/built-file.ts';
import { problems } from '../../shared/http/problem.ts';

/**
 * `GET /openapi.json`: the document generated from the route table at build time
 * (`npm run openapi:write`, checked by a test), so this function carries neither zod, the schemas nor the
 * generator. The document is a JSON file beside the bundle (`#openapi-document`,
 * shared/runtime/built-file.ts), read on the first request and answered as it is with `servers` put in
 * front, set to the address the caller used (shared/http/server-url.ts), so the function loads in about
 * the time of an empty handler. Should the file not be readable (a broken deployment), the answer is a
 * problem document, and the next request tries again. Its route-table entry (shared/routes/system.ts)
 * documents it; a test checks that the route below is that entry's.
 */
const bodies = new Map<string, string>();
/** The document without `servers`: compact JSON, `{` first (infra/openapi/document.ts, `servedDocument`). */
let document: string | undefined;

export const handler: RouteHandler = Object.assign(
  async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const serverUrl = serverUrlOf(event);
    let body = bodies.get(serverUrl);
    if (!body) {
      try {
        document ??= (await readBuiltText('#openapi-document')).trim();
      } catch {
        return problems.internal().toResult();
      }
      // `servers` first, then the document's own members: no parse and no serialization of 440 kB.
      body = `{"servers":${JSON.stringify([{ url: serverUrl }])},${document.slice(1)}`;
      if (bodies.size < 16) bodies.set(serverUrl, body);
    }
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
      body,
    };
  },
  { route: { operationId: 'getOpenApi', method: 'GET', path: '/openapi.json' } as const },
);
