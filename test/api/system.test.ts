import { request as httpRequest } from 'node:http';
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
    expect(response.body).toEqual({ status: 'ok', now: expect.any(String) });
    // The clock's instant (the real one here: only the local cloud's clock control moves it).
    expect(Math.abs(Date.parse((response.body as { now: string }).now) - Date.now())).toBeLessThan(60_000);
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

  it("GET /openapi.json names as its server the address the request came in on, http locally: Swagger UI's Try it out calls it", async () => {
    const { port } = new URL(api.baseUrl);
    expect((await api.request('GET', '/openapi.json')).body.servers).toEqual([{ url: api.baseUrl }]);
    // Through node:http, which sends the Host and X-Forwarded-Proto given (fetch would not).
    const serversWith = (headers: Record<string, string>) =>
      new Promise<unknown>((resolve, reject) => {
        const req = httpRequest(`${api.baseUrl}/openapi.json`, { headers }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve((JSON.parse(text) as { servers: unknown }).servers));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await serversWith({ host: `localhost:${port}` })).toEqual([{ url: `http://localhost:${port}` }]);
    // Only the server's own host: any other Host header, or a forwarded scheme the client made up, is not believed.
    expect(await serversWith({ host: 'evil.example' })).toEqual([{ url: api.baseUrl }]);
    expect(await serversWith({ host: `localhost:${Number(port) + 1}` })).toEqual([{ url: api.baseUrl }]);
    expect(await serversWith({ 'x-forwarded-proto': 'https' })).toEqual([{ url: api.baseUrl }]);
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

  it('GET /problems/{slug} resolves a problem type without a token: JSON, or HTML for a browser', async () => {
    const json = await api.request('GET', '/problems/stale-etag');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ slug: 'stale-etag', type: '/problems/stale-etag', status: 412, title: 'Precondition failed' });
    expect(json.body.whatToDo).toMatch(/ETag/);
    const html = await fetch(`${api.baseUrl}/problems/call-open`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('<code>call-open</code>');
    // The type of a problem the API answers resolves to its page.
    const problem = await api.request('PATCH', '/facilities/0123456749', { token: await api.token({ role: 'department' }), body: {} });
    expect((await api.request('GET', problem.body.type)).status).toBe(200);
  });

  it('GET /problems/{slug} with an unknown slug is a 404 problem', async () => {
    const response = await api.request('GET', '/problems/no-such-problem');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.type).toBe('/problems/not-found');
  });

  it('answers no CORS without configured origins, as the HTTP API without corsPreflight: a preflight is a 404', async () => {
    const origin = 'http://127.0.0.1:5173';
    const preflight = await api.request('OPTIONS', '/facilities', {
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(404);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const health = await api.request('GET', '/health', { headers: { origin } });
    expect(health.status).toBe(200);
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
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

describe('GET /rules', () => {
  it('lists, for anyone signed in, the rules in force on a date with their sources and parameters', async () => {
    for (const role of ['department', 'facility', 'casemanager-zorg', 'casemanager-werk'] as const) {
      const token = await api.token({ role, ...(role === 'facility' || role === 'casemanager-zorg' ? { facility: '0123456749' } : {}) });
      const before = await api.request('GET', '/rules?on=2023-06-30', { token });
      expect(before.status, role).toBe(200);
      const ids = (before.body.items as { id: string }[]).map((r) => r.id);
      expect(ids).toContain('trajectory-start-by-casemanager-zorg');
      expect(ids).not.toContain('trajectory-start-decided-by-vdab');
    }
    const token = await api.token({ role: 'casemanager-werk' });
    const after = await api.request('GET', '/rules?on=2023-07-01', { token });
    expect(after.body.on).toBe('2023-07-01');
    expect(after.body.items).toContainEqual(
      expect.objectContaining({
        id: 'cooperation-mandate-period',
        kind: 'law',
        source: expect.stringContaining('8 juli 2022'),
        validFrom: '2023-07-01',
        parameters: { years: { description: expect.any(String), value: 5 } },
        implementedBy: 'shared/domain/cooperation.ts#cooperationMandatePeriod',
      }),
    );
    // Without `on`: today (the test clock's Brussels date).
    api.setNow('2026-11-25T23:30:00.000Z');
    expect((await api.request('GET', '/rules', { token })).body.on).toBe('2026-11-26');
  });

  it('401 without a token; 422 naming `on` for a date that is not one', async () => {
    expect((await api.request('GET', '/rules')).status).toBe(401);
    const token = await api.token({ role: 'department' });
    const bad = await api.request('GET', '/rules?on=2023-02-30', { token });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'on' })]);
  });
});
