import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { callBody, enterpriseNumber, mailbox } from '../helpers/fixtures.ts';

/** Idempotency-Key on creating POSTs: one record per key, the first response replayed, another body refused. */
let api: TestApi;
let department: string;
let colleague: string;
const DEADLINE = '2026-12-01T12:00:00+01:00';

beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-02T09:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dept-idem-1' });
  colleague = await api.token({ role: 'department', sub: 'dept-idem-2' });
});
afterAll(() => api.close());

const calls = async () => (await api.scanTable()).filter((item) => item.SK === 'CALL');
const createCall = (key: string | undefined, body: unknown, token = department) =>
  api.request('POST', '/calls', { token, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });

describe('Idempotency-Key', () => {
  it('a retry with the same key and body gets the first response (status, body, ETag) and creates nothing', async () => {
    const body = {
      enterpriseNumber: enterpriseNumber(17_001),
      name: 'Voorziening Idem',
      province: 'LIMBURG',
      email: mailbox('idem'),
    };
    const send = () =>
      api.request('POST', '/facilities', { token: department, body, headers: { 'idempotency-key': 'fac-17001' } });
    const first = await send();
    expect(first.status, first.text).toBe(201);
    const retry = await send();
    // Without the key this retry is a 409 duplicate-enterprise-number; with it, the first answer again.
    expect(retry.status, retry.text).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const stored = (await api.scanTable()).filter((item) => item.PK === 'IDEMPOTENCY');
    expect(stored.length).toBeGreaterThan(0);
    for (const record of stored) expect(record.expiresAt).toEqual(expect.any(Number));
  });

  it('the same key with another body is a 422 on Idempotency-Key, and creates nothing', async () => {
    expect((await createCall('call-a', callBody(DEADLINE))).status).toBe(201);
    const before = await calls();
    const other = await createCall('call-a', callBody(DEADLINE, { title: 'Een andere oproep' }));
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    expect(await calls()).toEqual(before);
  });

  it('twenty concurrent requests with one key make one record; each gets the first answer or a 409 to retry', async () => {
    const before = (await calls()).length;
    const body = callBody(DEADLINE, { title: 'Gelijktijdig verstuurd' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => createCall('call-concurrent', body)));
    expect((await calls()).length).toBe(before + 1);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((r) => r.body.callId)).size).toBe(1);
    for (const r of responses.filter((r) => r.status !== 201)) {
      expect(r.status, r.text).toBe(409);
      expect(r.body.type).toBe('/problems/idempotency-key-in-use');
    }
    const later = await createCall('call-concurrent', body);
    expect(later.status).toBe(201);
    expect(later.body.callId).toBe(created[0]!.body.callId);
  });

  it("a key is the caller's own (another user's same key creates), and without a key every request creates", async () => {
    const before = (await calls()).length;
    const body = callBody(DEADLINE, { title: 'Sleutel per gebruiker' });
    const mine = await createCall('shared-key', body);
    const theirs = await createCall('shared-key', body, colleague);
    expect(theirs.body.callId).not.toBe(mine.body.callId);
    await createCall(undefined, body);
    await createCall(undefined, body);
    expect((await calls()).length).toBe(before + 4);
  });

  it('a request refused by a rule stores nothing: a retry with the same key runs again', async () => {
    const body = {
      enterpriseNumber: enterpriseNumber(17_002),
      name: 'Voorziening Twee',
      province: 'LIMBURG',
      email: mailbox('idem2'),
    };
    expect((await api.request('POST', '/facilities', { token: department, body })).status).toBe(201);
    const send = () =>
      api.request('POST', '/facilities', { token: department, body, headers: { 'idempotency-key': 'fac-17002' } });
    const records = async () => (await api.scanTable()).filter((item) => item.PK === 'IDEMPOTENCY').length;
    const before = await records();
    const refused = await send();
    expect(refused.status).toBe(409);
    const again = await send();
    expect(again.status).toBe(409);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await records()).toBe(before);
  });
});
