import { defineHandler } from '../../shared/http/handler.ts';
import { systemRoutes } from '../../shared/routes/system.ts';
import { buildOpenApiDocument } from '../../shared/openapi.ts';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = defineHandler(systemRoutes.getOpenApi, async ({ event }) => {
  document ??= buildOpenApiDocument({ serverUrl: `https://${event.requestContext.domainName}` });
  return { status: 200, body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
