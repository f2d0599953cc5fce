import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { applicationBody, callBody, enterpriseNumber, registerFacility } from '../helpers/fixtures.ts';

/**
 * Every route whose body holds a map keyed by criterion id (an application's criteria texts, a review's
 * scores) and the call's criterion ids themselves: a reserved name (`__proto__`, `constructor`,
 * `prototype`) or a key outside the criterion-id pattern is a 422 naming that key, never a 500 and never
 * silently dropped; nothing is written.
 */
let api: TestApi;
let department: string;
let lead: string;
let callId: string;
let applicationId: string;
const LEAD = enterpriseNumber(14_001);
const PARTNER = enterpriseNumber(14_002);
const MARKER = '__KEY_UNDER_TEST__';

beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-02T09:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dept-keys' });
  await registerFacility(api, department, LEAD, { recognitions: [{ authority: 'JONGERENWELZIJN', validFrom: '2018-05-01' }] });
  await registerFacility(api, department, PARTNER, { recognitions: [{ authority: 'VAPH', validFrom: '2017-01-01' }] });
  lead = await api.token({ role: 'facility', facility: LEAD, sub: 'lead-keys' });
  const call = await api.request('POST', '/calls', { token: department, body: callBody('2026-12-01T12:00:00+01:00') });
  callId = call.body.callId as string;
  expect((await api.request('POST', `/calls/${callId}/publish`, { token: department })).status).toBe(200);
  const draft = await api.request('POST', `/calls/${callId}/applications`, {
    token: lead,
    body: applicationBody('GENT', [{ enterpriseNumber: PARTNER, role: 'zorgpartner' }]),
  });
  expect(draft.status, draft.text).toBe(201);
  applicationId = draft.body.applicationId as string;
});
afterAll(() => api.close());

/** A body as JSON text with `key` where MARKER stands (so `__proto__` arrives as an own key, as a client sends it). */
const withKey = (template: unknown, key: string) =>
  JSON.stringify(template).replace(JSON.stringify(MARKER), () => JSON.stringify(key));

const badKeys = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype'),
  fc.string({ minLength: 1, maxLength: 60 }).filter((key) => !/^[a-z][a-z0-9-]{0,39}$/.test(key) && key !== MARKER),
);

const routes = () => [
  {
    name: 'create an application (proposal.criteria)',
    send: (key: string) =>
      api.request('POST', `/calls/${callId}/applications`, {
        token: lead,
        rawBody: withKey(applicationBody('LIMBURG', [], { proposal: { summary: 'x', criteria: { [MARKER]: 'tekst' } } }), key),
      }),
    path: (key: string) => `proposal.criteria.${key}`,
  },
  {
    name: 'update an application (proposal.criteria)',
    send: (key: string) =>
      api.request('PUT', `/calls/${callId}/applications/${applicationId}`, {
        token: lead,
        headers: { 'if-match': '"1"' },
        rawBody: withKey(applicationBody('GENT', [], { proposal: { summary: 'x', criteria: { [MARKER]: 'tekst' } } }), key),
      }),
    path: (key: string) => `proposal.criteria.${key}`,
  },
  {
    name: 'review an application (scores)',
    send: (key: string) =>
      api.request('PUT', `/calls/${callId}/applications/${applicationId}/reviews/me`, {
        token: department,
        rawBody: withKey({ scores: { [MARKER]: 5 }, comment: 'Goed.' }, key),
      }),
    path: (key: string) => `scores.${key}`,
  },
  {
    name: 'create a call (criteria[].id as a key)',
    send: (key: string) =>
      api.request('POST', '/calls', {
        token: department,
        body: callBody('2026-12-01T12:00:00+01:00', {
          criteria: [{ id: key, title: 'Aanpak', weight: 1, maxScore: 10 }],
        }),
      }),
    path: () => 'criteria[0].id',
  },
];

describe('map keys in bodies', () => {
  for (const index of [0, 1, 2, 3]) {
    it(`refuses reserved and malformed keys with a 422 naming the key: ${['create an application', 'update an application', 'review', 'create a call'][index]}`, async () => {
      const route = routes()[index]!;
      const before = await api.scanTable();
      await fc.assert(
        fc.asyncProperty(badKeys, async (key) => {
          const response = await route.send(key);
          expect(response.status, `${route.name} ${JSON.stringify(key)}: ${response.text}`).toBe(422);
          expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(route.path(key));
        }),
        { numRuns: 25 },
      );
      expect(await api.scanTable()).toEqual(before);
    });
  }
});
