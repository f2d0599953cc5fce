import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { routeList } from '../../shared/routes.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('public endpoints', () => {
  it('GET /health needs no token', async () => {
    const response = await api.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /openapi.json is an OpenAPI 3.1 document with every route, its security and its error responses', async () => {
    const response = await api.request('GET', '/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Problem).toBeDefined();
    for (const spec of routeList.filter((r) => !r.localOnly)) {
      const operation = doc.paths[spec.path]?.[spec.method.toLowerCase()];
      expect(operation, `${spec.method} ${spec.path}`).toBeDefined();
      expect(operation.security).toEqual(spec.auth === 'public' ? [] : [{ bearerAuth: [] }]);
      if (spec.auth !== 'public') {
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
        expect(operation.responses['401'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
      }
    }
    const patch = doc.paths['/facilities/{enterpriseNumber}'].patch;
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '404', '412', '413', '422', '428', '503']));
    // A route that uses the table may answer 503 with Retry-After; one that does not (the health check) may not.
    expect(patch.responses['503'].headers['Retry-After']).toBeDefined();
    expect(patch.responses['503'].description).toMatch(/Retry-After/);
    expect(Object.keys(doc.paths['/health'].get.responses)).not.toContain('503');
  });

  it('GET /docs renders the reference from node_modules, no CDN', async () => {
    const page = await api.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/openapi.json');
    expect(page.text).not.toMatch(/https?:\/\//);
    const script = await fetch(`${api.baseUrl}/docs/swagger-ui-bundle.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });

  it('an unknown route is a 404 problem', async () => {
    const response = await api.request('GET', '/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('a request the local API cannot even parse (a malformed Host) is answered, and the API keeps serving', async () => {
    const { port } = new URL(api.baseUrl);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 [45]\d\d /);
    expect(raw).toContain('application/problem+json');
    expect((await api.request('GET', '/health')).status).toBe(200);
  });
});
