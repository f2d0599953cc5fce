import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { ephemeralTokenIssuer } from '../../infra/local/tokens.ts';
import { ROLES, type Role } from '../../shared/domain/reference-data.ts';
import { routeList } from '../../shared/routes.ts';

/** Sample values for path parameters, valid so that only authorization can refuse the call. */
const SAMPLE_PARAMS: Record<string, string> = {
  enterpriseNumber: '0123456749',
  recognitionId: '00000000-0000-0000-0000-000000000001',
  callId: '00000000-0000-0000-0000-000000000002',
  applicationId: '00000000-0000-0000-0000-000000000003',
  networkId: '00000000-0000-0000-0000-000000000004',
  trajectoryId: '00000000-0000-0000-0000-000000000005',
  requestId: '00000000-0000-0000-0000-000000000006',
  werkpostId: '00000000-0000-0000-0000-000000000007',
  agreementId: '00000000-0000-0000-0000-000000000008',
  cooperationId: '00000000-0000-0000-0000-000000000009',
  region: 'GENT',
};

function samplePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = SAMPLE_PARAMS[name];
    if (!value) throw new Error(`add a sample value for path parameter ${name}`);
    return value;
  });
}

const bodyFor = (method: string) => (method === 'GET' ? {} : { body: {} });

const protectedRoutes = routeList.filter((r) => r.auth !== 'public' && !r.localOnly);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe.each(protectedRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, spec) => {
  const path = samplePath(spec.path);

  it('401 without a token, with a token signed by another key, with an expired token; nothing written', async () => {
    const foreign = await (await ephemeralTokenIssuer()).sign({ role: 'department' });
    const expired = await api.token({ role: 'department', expiresInSeconds: -60 });
    const before = await api.scanTable();
    for (const token of [undefined, foreign, expired, 'not.a.jwt']) {
      const response = await api.request(spec.method, path, { ...(token ? { token } : {}), ...bodyFor(spec.method) });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await api.scanTable()).toEqual(before);
  });

  const refused = ROLES.filter((role) => !(spec.auth as readonly Role[]).includes(role));
  if (refused.length > 0) {
    it(`403 for ${refused.join(', ')}`, async () => {
      const before = await api.scanTable();
      for (const role of refused) {
        const token = await api.token({ role, facility: '0123456749' });
        const response = await api.request(spec.method, path, { token, ...bodyFor(spec.method) });
        expect(response.status, role).toBe(403);
        expect(response.body).toMatchObject({ status: 403, type: '/problems/forbidden' });
      }
      expect(await api.scanTable()).toEqual(before);
    });
  }
});

describe('a token without any known group', () => {
  it('is refused with 403 everywhere', async () => {
    for (const spec of protectedRoutes) {
      const token = await api.tokens.sign({ role: 'nobody' as Role });
      const response = await api.request(spec.method, samplePath(spec.path), { token, ...bodyFor(spec.method) });
      expect(response.status, `${spec.method} ${spec.path}`).toBe(403);
    }
  });
});
