import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { enterpriseNumber, registerFacility } from '../helpers/fixtures.ts';

/** RFC 9110 conditional requests on the API, and no caching of what it answers. */
let api: TestApi;
let department: string;
const EN = enterpriseNumber(18_001);
const url = `/facilities/${EN}`;

beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-02T09:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dept-cond' });
  await registerFacility(api, department, EN);
});
afterAll(() => api.close());

const patch = (ifMatch: string, name: string) =>
  api.request('PATCH', url, { token: department, headers: { 'if-match': ifMatch }, body: { name } });

describe('conditional requests', () => {
  it('If-Match: a weak tag or another version is 412; the current tag in a list, or *, is taken (strong comparison)', async () => {
    const current = await api.request('GET', url, { token: department });
    const etag = current.headers.get('etag')!;
    expect(etag).toBe('"1"');
    expect((await patch('W/"1"', 'Zwak')).status).toBe(412);
    expect((await patch('"9"', 'Oud')).status).toBe(412);
    const listed = await patch(`"7", ${etag}`, 'Uit een lijst');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.headers.get('etag')).toBe('"2"');
    const any = await patch('*', 'Om het even welke versie');
    expect(any.status, any.text).toBe(200);
    expect(any.body).toMatchObject({ name: 'Om het even welke versie', version: 3 });
  });

  it('If-None-Match on a GET: 304 without a body while the ETag holds, 200 once it changed', async () => {
    const current = await api.request('GET', url, { token: department });
    const etag = current.headers.get('etag')!;
    const same = await api.request('GET', url, { token: department, headers: { 'if-none-match': `W/${etag}` } });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect(same.headers.get('etag')).toBe(etag);
    const stale = await api.request('GET', url, { token: department, headers: { 'if-none-match': '"1"' } });
    expect(stale.status).toBe(200);
    expect(stale.body.enterpriseNumber).toBe(EN);
  });

  it('answers, refusals included, are never cached: Cache-Control: no-store', async () => {
    expect((await api.request('GET', url, { token: department })).headers.get('cache-control')).toBe('no-store');
    expect((await api.request('GET', '/facilities/0000000097', { token: department })).headers.get('cache-control')).toBe(
      'no-store',
    );
    expect((await api.request('GET', '/openapi.json')).headers.get('cache-control')).toContain('max-age');
  });
});
