import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { Facility, FacilityPage } from '../../shared/schemas/facilities.ts';
import { checkDigitsFor } from '../../shared/domain/enterprise-number.ts';

let api: TestApi;
let department: string;

/** A valid enterprise number from any eight digits. */
function en(first8: number): string {
  const head = String(first8).padStart(8, '0');
  return `${head}${String(checkDigitsFor(head)).padStart(2, '0')}`;
}

async function createFacility(enterpriseNumber: string, overrides: Record<string, unknown> = {}) {
  const response = await api.request('POST', '/facilities', {
    token: department,
    body: {
      enterpriseNumber,
      name: `Voorziening ${enterpriseNumber}`,
      province: 'ANTWERPEN',
      email: 'info@example.org',
      ...overrides,
    },
  });
  expect(response.status, response.text).toBe(201);
  return response;
}

beforeAll(async () => {
  api = await startTestApi();
  department = await api.token({ role: 'department', sub: 'civil-servant-1' });
});
afterAll(() => api.close());

describe('POST /facilities', () => {
  it('registers a facility, normalizing the dotted enterprise number, with audit fields and an ETag', async () => {
    const response = await createFacility('0123.456.749', { name: 'Jeugdhulp De Brug vzw' });
    const body = Facility().parse(response.body);
    expect(body).toMatchObject({
      enterpriseNumber: '0123456749',
      enterpriseNumberFormatted: '0123.456.749',
      name: 'Jeugdhulp De Brug vzw',
      province: 'ANTWERPEN',
      recognitions: [],
      version: 1,
      createdBy: 'civil-servant-1',
      updatedBy: 'civil-servant-1',
    });
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe('/facilities/0123456749');
    const stored = await api.scanTable();
    expect(stored.filter((i) => i.enterpriseNumber === '0123456749')).toHaveLength(1);
  });

  it('refuses a duplicate enterprise number (in either notation) with 409, changing nothing', async () => {
    await createFacility(en(11_111_111));
    const before = await api.scanTable();
    const dotted = `${en(11_111_111).slice(0, 4)}.${en(11_111_111).slice(4, 7)}.${en(11_111_111).slice(7)}`;
    const response = await api.request('POST', '/facilities', {
      token: department,
      body: { enterpriseNumber: dotted, name: 'Other', province: 'LIMBURG', email: 'x@example.org' },
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 409, type: '/problems/facility-exists' });
    expect(response.body.errors).toEqual([{ path: 'enterpriseNumber', message: 'Already registered.' }]);
    expect(await api.scanTable()).toEqual(before);
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  const valid = { enterpriseNumber: '0411905847', name: 'Het Anker', province: 'OOST_VLAANDEREN', email: 'a@example.org' };
  const cases: Array<{
    name: string;
    rawBody?: string;
    body?: unknown;
    headers?: Record<string, string>;
    status: number;
    paths?: string[];
  }> = [
    { name: 'malformed JSON', rawBody: '{"name": "x",', status: 400 },
    { name: 'no body', rawBody: '', status: 422, paths: [''] },
    { name: 'not an object', body: ['x'], status: 422, paths: [''] },
    { name: 'wrong types', body: { ...valid, name: 42, email: true }, status: 422, paths: ['name', 'email'] },
    { name: 'unknown enum value', body: { ...valid, province: 'ZEELAND' }, status: 422, paths: ['province'] },
    { name: 'unknown properties', body: { ...valid, admin: true, vat: 'BE' }, status: 422, paths: ['admin', 'vat'] },
    { name: 'bad check digits', body: { ...valid, enterpriseNumber: '0411.905.848' }, status: 422, paths: ['enterpriseNumber'] },
    {
      name: 'bad enterprise number format',
      body: { ...valid, enterpriseNumber: 'BE0411905847' },
      status: 422,
      paths: ['enterpriseNumber'],
    },
    {
      name: 'bad email and empty name',
      body: { ...valid, email: 'not-an-email', name: '  ' },
      status: 422,
      paths: ['name', 'email'],
    },
    { name: 'oversized body (> 64 KB)', body: { ...valid, name: 'x'.repeat(70 * 1024) }, status: 413 },
    { name: 'not JSON media type', rawBody: JSON.stringify(valid), headers: { 'content-type': 'text/plain' }, status: 415 },
  ];
  it.each(cases)('$name → $status', async ({ rawBody, body, headers, status, paths }) => {
    const before = await api.scanTable();
    const response = await api.request('POST', '/facilities', {
      token: department,
      ...(rawBody !== undefined ? { rawBody } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(headers ? { headers } : {}),
    });
    expect(response.status, response.text).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      status,
      type: expect.stringMatching(/^\/problems\//),
      title: expect.any(String),
      detail: expect.any(String),
    });
    if (paths) expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    expect(await api.scanTable()).toEqual(before);
  });

  it('never echoes the request body in a JSON error', async () => {
    const response = await api.request('POST', '/facilities', { token: department, rawBody: '{"secret-client-ref": 12345' });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('secret-client-ref');
  });

  it('validates path parameters', async () => {
    const response = await api.request('GET', '/facilities/0123456748', { token: department });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: 'enterpriseNumber', message: expect.stringContaining('check digits') }]);
  });
});

describe('GET /facilities/{enterpriseNumber}', () => {
  it('lets the department and the facility’s own users read it; accepts the dotted form in the path', async () => {
    await createFacility(en(22_222_222));
    const own = await api.token({ role: 'facility', facility: en(22_222_222) });
    const ownCaseManager = await api.token({ role: 'casemanager-zorg', facility: en(22_222_222) });
    for (const token of [department, own, ownCaseManager]) {
      const response = await api.request('GET', `/facilities/${en(22_222_222)}`, { token });
      expect(response.status).toBe(200);
      expect(Facility().parse(response.body).enterpriseNumber).toBe(en(22_222_222));
      expect(response.headers.get('etag')).toBe('"1"');
    }
    const dotted = `${en(22_222_222).slice(0, 4)}.${en(22_222_222).slice(4, 7)}.${en(22_222_222).slice(7)}`;
    expect((await api.request('GET', `/facilities/${dotted}`, { token: department })).status).toBe(200);
  });

  it('answers 404 to another facility, exactly as for one that does not exist', async () => {
    await createFacility(en(33_333_333));
    const other = await api.token({ role: 'facility', facility: en(44_444_444) });
    const existing = await api.request('GET', `/facilities/${en(33_333_333)}`, { token: other });
    const missing = await api.request('GET', `/facilities/${en(55_555_555)}`, { token: other });
    expect(existing.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(existing.body).toEqual({ ...missing.body });
    const missingForDepartment = await api.request('GET', `/facilities/${en(55_555_555)}`, { token: department });
    expect(missingForDepartment.status).toBe(404);
  });
});

describe('PATCH /facilities/{enterpriseNumber}', () => {
  it('updates with the current ETag, bumps the version and records who', async () => {
    await createFacility(en(66_666_666));
    const editor = await api.token({ role: 'department', sub: 'civil-servant-2' });
    const response = await api.request('PATCH', `/facilities/${en(66_666_666)}`, {
      token: editor,
      headers: { 'if-match': '"1"' },
      body: { name: 'Nieuwe naam', province: 'LIMBURG' },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Nieuwe naam',
      province: 'LIMBURG',
      version: 2,
      updatedBy: 'civil-servant-2',
      createdBy: 'civil-servant-1',
    });
    expect(response.headers.get('etag')).toBe('"2"');
    const limburg = await api.request('GET', '/facilities?province=LIMBURG&limit=100', { token: department });
    expect(limburg.body.items.map((f: { enterpriseNumber: string }) => f.enterpriseNumber)).toContain(en(66_666_666));
  });

  it('needs If-Match (428), refuses a stale one (412) and changes nothing', async () => {
    await createFacility(en(77_777_777));
    const before = await api.scanTable();
    const missing = await api.request('PATCH', `/facilities/${en(77_777_777)}`, { token: department, body: { name: 'X' } });
    expect(missing.status).toBe(428);
    const stale = await api.request('PATCH', `/facilities/${en(77_777_777)}`, {
      token: department,
      headers: { 'if-match': '"9"' },
      body: { name: 'X' },
    });
    expect(stale.status).toBe(412);
    const garbage = await api.request('PATCH', `/facilities/${en(77_777_777)}`, {
      token: department,
      headers: { 'if-match': 'whatever' },
      body: { name: 'X' },
    });
    expect(garbage.status).toBe(412);
    const empty = await api.request('PATCH', `/facilities/${en(77_777_777)}`, {
      token: department,
      headers: { 'if-match': '"1"' },
      body: {},
    });
    expect(empty.status).toBe(422);
    const enterpriseNumberChange = await api.request('PATCH', `/facilities/${en(77_777_777)}`, {
      token: department,
      headers: { 'if-match': '"1"' },
      body: { enterpriseNumber: en(88_888_888) },
    });
    expect(enterpriseNumberChange.status).toBe(422);
    expect(await api.scanTable()).toEqual(before);
  });

  it('404 for an unknown facility', async () => {
    const response = await api.request('PATCH', `/facilities/${en(99_999_990)}`, {
      token: department,
      headers: { 'if-match': '"1"' },
      body: { name: 'X' },
    });
    expect(response.status).toBe(404);
  });

  it('of 10 concurrent updates with the same ETag exactly one wins; the others get 412', async () => {
    await createFacility(en(12_121_212));
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.request('PATCH', `/facilities/${en(12_121_212)}`, {
          token: department,
          headers: { 'if-match': '"1"' },
          body: { name: `Naam ${i}` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(412)]);
    const winner = responses.find((r) => r.status === 200)!;
    const now = await api.request('GET', `/facilities/${en(12_121_212)}`, { token: department });
    expect(now.body).toMatchObject({ version: 2, name: winner.body.name });
  });
});

describe('recognitions', () => {
  it('adds a recognition, then withdraws it, keeping it on record', async () => {
    await createFacility(en(13_131_313));
    const added = await api.request('POST', `/facilities/${en(13_131_313)}/recognitions`, {
      token: department,
      body: { authority: 'VAPH', reference: 'VAPH-2018-001', validFrom: '2018-01-01', validUntil: '2027-12-31' },
    });
    expect(added.status, added.text).toBe(201);
    const facility = Facility().parse(added.body);
    expect(facility.version).toBe(2);
    expect(facility.recognitions).toHaveLength(1);
    const recognition = facility.recognitions[0]!;
    expect(recognition).toMatchObject({ authority: 'VAPH', status: 'ACTIVE', createdBy: 'civil-servant-1' });

    const withdrawn = await api.request('DELETE', `/facilities/${en(13_131_313)}/recognitions/${recognition.recognitionId}`, {
      token: department,
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body.recognitions).toEqual([
      expect.objectContaining({
        recognitionId: recognition.recognitionId,
        status: 'WITHDRAWN',
        withdrawnBy: 'civil-servant-1',
        withdrawnOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);
    const again = await api.request('DELETE', `/facilities/${en(13_131_313)}/recognitions/${recognition.recognitionId}`, {
      token: department,
    });
    expect(again.status).toBe(409);
    const unknown = await api.request(
      'DELETE',
      `/facilities/${en(13_131_313)}/recognitions/00000000-0000-0000-0000-000000000000`,
      { token: department },
    );
    expect(unknown.status).toBe(404);
    const unknownFacility = await api.request(
      'DELETE',
      `/facilities/${en(14_141_414)}/recognitions/${recognition.recognitionId}`,
      { token: department },
    );
    expect(unknownFacility.status).toBe(404);
  });

  it('refuses validUntil before validFrom and unknown authorities, writing nothing', async () => {
    await createFacility(en(15_151_515));
    const before = await api.scanTable();
    const backwards = await api.request('POST', `/facilities/${en(15_151_515)}/recognitions`, {
      token: department,
      body: { authority: 'VAPH', reference: 'R', validFrom: '2020-01-02', validUntil: '2020-01-01' },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([{ path: 'validUntil', message: expect.any(String) }]);
    const badDates = await api.request('POST', `/facilities/${en(15_151_515)}/recognitions`, {
      token: department,
      body: { authority: 'KIND_EN_GEZIN', reference: 'R', validFrom: '2020-02-30' },
    });
    expect(badDates.status).toBe(422);
    expect(badDates.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['authority', 'validFrom']);
    const missingFacility = await api.request('POST', `/facilities/${en(16_161_616)}/recognitions`, {
      token: department,
      body: { authority: 'VAPH', reference: 'R', validFrom: '2020-01-01' },
    });
    expect(missingFacility.status).toBe(404);
    expect(await api.scanTable()).toEqual(before);
  });
});

describe('GET /facilities', () => {
  it('pages through every facility exactly once, and rejects a tampered cursor with a 400 field error', async () => {
    for (let i = 0; i < 7; i++) await createFacility(en(20_000_000 + i), { province: 'WEST_VLAANDEREN' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: { status: number; body: unknown } = await api.request(
        'GET',
        `/facilities?province=WEST_VLAANDEREN&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { token: department },
      );
      expect(response.status).toBe(200);
      const page = FacilityPage().parse(response.body);
      seen.push(...page.items.map((f) => f.enterpriseNumber));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => en(20_000_000 + i)));

    const first = await api.request('GET', '/facilities?province=WEST_VLAANDEREN&limit=3', { token: department });
    const otherList = await api.request('GET', `/facilities?province=LIMBURG&cursor=${first.body.nextCursor}`, {
      token: department,
    });
    expect(otherList.status).toBe(400);
    expect(otherList.body.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    const garbage = await api.request('GET', '/facilities?cursor=eyJ2IjoxfQ', { token: department });
    expect(garbage.status).toBe(400);
  });

  it('filters by recognition authority on a date', async () => {
    await createFacility(en(30_000_001));
    await createFacility(en(30_000_002));
    await api.request('POST', `/facilities/${en(30_000_001)}/recognitions`, {
      token: department,
      body: { authority: 'JONGERENWELZIJN', reference: 'JW-1', validFrom: '2018-05-01', validUntil: '2020-12-31' },
    });
    const list = async (query: string) =>
      (await api.request('GET', `/facilities?limit=100&${query}`, { token: department })).body.items.map(
        (f: { enterpriseNumber: string }) => f.enterpriseNumber,
      );
    expect(await list('authority=JONGERENWELZIJN&recognisedOn=2019-06-01')).toContain(en(30_000_001));
    expect(await list('authority=JONGERENWELZIJN&recognisedOn=2019-06-01')).not.toContain(en(30_000_002));
    expect(await list('authority=JONGERENWELZIJN')).not.toContain(en(30_000_001));
  });

  it('fills pages when filtering (limit respected, nothing skipped)', async () => {
    for (let i = 0; i < 5; i++) {
      await createFacility(en(40_000_000 + i), { province: 'BRUSSEL' });
      if (i % 2 === 0) {
        await api.request('POST', `/facilities/${en(40_000_000 + i)}/recognitions`, {
          token: department,
          body: { authority: 'WELZIJN', reference: `W-${i}`, validFrom: '2020-01-01' },
        });
      }
    }
    const first = await api.request('GET', '/facilities?province=BRUSSEL&authority=WELZIJN&limit=2', { token: department });
    expect(first.body.items.map((f: { enterpriseNumber: string }) => f.enterpriseNumber)).toEqual([
      en(40_000_000),
      en(40_000_002),
    ]);
    const second = await api.request(
      'GET',
      `/facilities?province=BRUSSEL&authority=WELZIJN&limit=2&cursor=${first.body.nextCursor}`,
      { token: department },
    );
    expect(second.body.items.map((f: { enterpriseNumber: string }) => f.enterpriseNumber)).toEqual([en(40_000_004)]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('validates the query: limit bounds, unknown parameters, unknown enum values', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'provnce=LIMBURG',
      'province=ZEELAND',
      'authority=NOPE',
      'recognisedOn=2020-13-01',
    ]) {
      const response = await api.request('GET', `/facilities?${query}`, { token: department });
      expect(response.status, query).toBe(422);
      expect(response.body.errors).toHaveLength(1);
    }
  });
});
