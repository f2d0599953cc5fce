import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/openapi.ts';
import { routeList } from '../../shared/routes.ts';
import type { RouteSpec } from '../../shared/http/route.ts';
import { createLocalApi, listen } from '../../infra/local/api-server.ts';
import { ephemeralTokenIssuer } from '../../infra/local/tokens.ts';
import { deployedRouteKeys, deployedRouteSpecs, routeKeyOf } from '../../infra/stack.ts';
import { synthesize, SYNTH_TIMEOUT_MS, templateOf, type Synthesized } from './synth.ts';

/** One source of truth, three consumers: CDK, the OpenAPI document and the local API list the same routes. */

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const routeTableKeys = deployedRouteSpecs().map(routeKeyOf).sort();

function openApiRouteKeys(): string[] {
  const document = buildOpenApiDocument() as { paths?: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths ?? {})
    .flatMap(([apiPath, item]) =>
      Object.keys(item)
        .filter((key) => HTTP_METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${apiPath}`),
    )
    .sort();
}

/** Values of path parameters where any other would be a 404 of the route itself (a public route answers without a token). */
const SAMPLE_VALUES: Record<string, string> = { slug: 'not-found' };

/** A concrete URL path for a route: each `{param}` replaced by a harmless value. */
function samplePath(spec: RouteSpec): string {
  return spec.path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_VALUES[name] ?? `sample-${name}`);
}

describe('route parity', () => {
  let synthesized: Synthesized;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    synthesized = synthesize();
    if (synthesized.synthError) throw synthesized.synthError;
    server = createLocalApi({ tokens: await ephemeralTokenIssuer() });
    const port = await listen(server, 0);
    baseUrl = `http://127.0.0.1:${port}`;
  }, SYNTH_TIMEOUT_MS);

  afterAll(async () => {
    synthesized?.cleanup();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('the route table has no duplicate routes or operationIds', () => {
    const keys = routeList.map(routeKeyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = routeList.map((spec) => spec.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('CDK deploys exactly the route table (all but local-only entries)', () => {
    expect(deployedRouteKeys(templateOf(synthesized).toJSON())).toEqual(routeTableKeys);
  });

  it('the OpenAPI document describes exactly the route table', () => {
    expect(openApiRouteKeys()).toEqual(routeTableKeys);
  });

  it('the local API serves every route of the table, and answers 404 to a route that is not in it', async () => {
    const unknown = await fetch(`${baseUrl}/no-such-route`);
    expect(unknown.status).toBe(404);
    const wrongMethod = await fetch(`${baseUrl}/health`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);

    // Without a token a protected route answers 401 before its handler runs; a public one answers itself.
    // Either way the local API matched the route: no 404, no emulator needed.
    for (const spec of routeList) {
      const response = await fetch(`${baseUrl}${samplePath(spec)}`, { method: spec.method });
      await response.arrayBuffer();
      expect(response.status, routeKeyOf(spec)).not.toBe(404);
      if (spec.auth === 'public') expect(response.status, routeKeyOf(spec)).toBe(200);
      else expect(response.status, routeKeyOf(spec)).toBe(401);
    }
  });

  it('the local API serves only the route table: every other method on a table path is 404', async () => {
    const served = new Set(routeList.map(routeKeyOf));
    const paths = [...new Set(routeList.map((spec) => spec.path))];
    for (const apiPath of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (served.has(`${method} ${apiPath}`)) continue;
        const response = await fetch(`${baseUrl}${samplePath({ path: apiPath } as RouteSpec)}`, { method });
        await response.arrayBuffer();
        expect(response.status, `${method} ${apiPath}`).toBe(404);
      }
    }
  });
});
