import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { applicationBody, callBody, enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';
import { Call } from '../../shared/schemas/calls.ts';

let api: TestApi;
let department: string;
const T0 = '2026-11-02T09:00:00.000Z';
const DEADLINE = '2026-12-01T12:00:00+01:00';

beforeAll(async () => {
  api = await startTestApi();
  api.setNow(T0);
  department = await api.token({ role: 'department', sub: 'dept-1' });
});
afterAll(() => api.close());

async function createCall(overrides: Record<string, unknown> = {}) {
  const response = await api.request('POST', '/calls', { token: department, body: callBody(DEADLINE, overrides) });
  expect(response.status, response.text).toBe(201);
  return Call().parse(response.body);
}

async function publish(callId: string) {
  const response = await api.request('POST', `/calls/${callId}/publish`, { token: department });
  expect(response.status, response.text).toBe(200);
  return Call().parse(response.body);
}

describe('calls', () => {
  it('creates a DRAFT with the default required recognitions, shown in Brussels time', async () => {
    const call = await createCall();
    expect(call).toMatchObject({
      status: 'DRAFT',
      requiredPartnerRecognitions: ['JONGERENWELZIJN', 'VAPH'],
      minReviewsPerApplication: 1,
      submissionDeadline: '2026-12-01T12:00:00+01:00',
      submissionDeadlineUtc: '2026-12-01T11:00:00.000Z',
      version: 1,
    });
    expect(call.history).toEqual([expect.objectContaining({ action: 'created', to: 'DRAFT', by: 'dept-1' })]);
  });

  it('refuses duplicate criterion ids, bad weights and min above max, one error each, writing nothing', async () => {
    const before = await api.scanTable();
    const response = await api.request('POST', '/calls', {
      token: department,
      body: callBody(DEADLINE, {
        criteria: [
          { id: 'a', title: 'A', weight: 1, maxScore: 10, minScore: 11 },
          { id: 'a', title: 'B', weight: 0, maxScore: 10 },
        ],
      }),
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['criteria[1].weight']);
    const second = await api.request('POST', '/calls', {
      token: department,
      body: callBody(DEADLINE, {
        criteria: [
          { id: 'a', title: 'A', weight: 1, maxScore: 10, minScore: 11 },
          { id: 'a', title: 'B', weight: 2, maxScore: 10 },
        ],
        regions: ['GENT', 'GENT'],
      }),
    });
    expect(second.status).toBe(422);
    expect(second.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'criteria[0].minScore',
      'criteria[1].id',
      'regions[1]',
    ]);
    expect(await api.scanTable()).toEqual(before);
  });

  it('edits a draft with If-Match, publishes it, then freezes it (409)', async () => {
    const call = await createCall();
    const edited = await api.request('PUT', `/calls/${call.callId}`, {
      token: department,
      headers: { 'if-match': '"1"' },
      body: callBody(DEADLINE, { maxNetworksPerRegion: 3 }),
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ maxNetworksPerRegion: 3, version: 2 });
    const stale = await api.request('PUT', `/calls/${call.callId}`, {
      token: department,
      headers: { 'if-match': '"1"' },
      body: callBody(DEADLINE),
    });
    expect(stale.status).toBe(412);
    const published = await publish(call.callId);
    expect(published.status).toBe('PUBLISHED');
    expect(published.history.map((h) => h.action)).toEqual(['created', 'edited', 'published']);
    const frozen = await api.request('PUT', `/calls/${call.callId}`, {
      token: department,
      headers: { 'if-match': `"${published.version}"` },
      body: callBody(DEADLINE),
    });
    expect(frozen.status).toBe(409);
    const again = await api.request('POST', `/calls/${call.callId}/publish`, { token: department });
    expect(again.status).toBe(409);
  });

  it('will not publish a call whose deadline has passed', async () => {
    const call = await createCall({ submissionDeadline: '2026-11-02T09:00:00.000Z' });
    const response = await api.request('POST', `/calls/${call.callId}/publish`, { token: department });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: 'submissionDeadline', message: expect.any(String) }]);
  });

  it('facilities see published calls only; a draft is a 404 for them', async () => {
    const draft = await createCall({ title: 'Ontwerp' });
    const published = await createCall({ title: 'Gepubliceerd' });
    await publish(published.callId);
    const facility = await api.token({ role: 'facility', facility: enterpriseNumber(1) });
    expect((await api.request('GET', `/calls/${draft.callId}`, { token: facility })).status).toBe(404);
    expect((await api.request('GET', `/calls/${published.callId}`, { token: facility })).status).toBe(200);
    const list = await api.request('GET', '/calls?limit=100', { token: facility });
    expect(list.body.items.every((c: { status: string }) => c.status !== 'DRAFT')).toBe(true);
    expect(list.body.items.map((c: { callId: string }) => c.callId)).toContain(published.callId);
    const asDepartment = await api.request('GET', '/calls?limit=100&status=DRAFT', { token: department });
    expect(asDepartment.body.items.map((c: { callId: string }) => c.callId)).toContain(draft.callId);
    const byRegion = await api.request('GET', '/calls?limit=100&region=KEMPEN', { token: department });
    expect(byRegion.body.items).toEqual([]);
  });
});

describe('deadline extension', () => {
  it('moves the deadline later, records it, and emails every lead of the call once (in Dutch), a draft reminded to submit', async () => {
    const call = await createCall();
    await publish(call.callId);
    const leadEmail = mailbox('lead-draft');
    const submittedLeadEmail = mailbox('lead-other');
    const lead = enterpriseNumber(501);
    const other = enterpriseNumber(502);
    await registerFacility(api, department, lead, { email: leadEmail });
    await registerFacility(api, department, other, { email: submittedLeadEmail });
    const leadToken = await api.token({ role: 'facility', facility: lead });
    const otherToken = await api.token({ role: 'facility', facility: other });
    expect(
      (await api.request('POST', `/calls/${call.callId}/applications`, { token: leadToken, body: applicationBody('GENT', []) }))
        .status,
    ).toBe(201);
    const withdrawn = await api.request('POST', `/calls/${call.callId}/applications`, {
      token: otherToken,
      body: applicationBody('GENT', []),
    });
    await api.request('POST', `/calls/${call.callId}/applications/${withdrawn.body.applicationId}/withdraw`, {
      token: otherToken,
    });

    const bad = await api.request('POST', `/calls/${call.callId}/deadline-extension`, {
      token: department,
      body: { submissionDeadline: '2026-11-30T12:00:00+01:00', reason: 'Vroeger' },
    });
    expect(bad.status).toBe(422);

    const response = await api.request('POST', `/calls/${call.callId}/deadline-extension`, {
      token: department,
      body: { submissionDeadline: '2026-12-15T12:00:00+01:00', reason: 'Vragen van voorzieningen over de partnervereisten.' },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.submissionDeadline).toBe('2026-12-15T12:00:00+01:00');
    expect(response.body.history.at(-1)).toMatchObject({
      action: 'deadline-extended',
      details: { from: '2026-12-01T11:00:00.000Z', to: '2026-12-15T11:00:00.000Z', reason: expect.any(String) },
    });
    const mails = await api.emails(leadEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('verlengd');
    expect(mails[0]!.body.text).toContain('15 december 2026 om 12:00');
    expect(mails[0]!.body.text).toContain('in ontwerp');
    // A lead whose application is withdrawn hears of it too (it may reopen it until the new deadline).
    const other_ = await api.emails(submittedLeadEmail);
    expect(other_).toHaveLength(1);
    expect(other_[0]!.body.text).not.toContain('in ontwerp');
  });

  it('is refused once the current deadline has passed', async () => {
    const call = await createCall();
    await publish(call.callId);
    api.setNow('2026-12-01T11:00:00.000Z');
    try {
      const response = await api.request('POST', `/calls/${call.callId}/deadline-extension`, {
        token: department,
        body: { submissionDeadline: '2026-12-20T12:00:00+01:00', reason: 'Te laat' },
      });
      expect(response.status).toBe(409);
      expect(response.body.type).toBe('/problems/deadline-passed');
    } finally {
      api.setNow(T0);
    }
  });
});
