import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { applicationBody, callBody, enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';
import { runExpiringTrajectories } from '../../functions/jobs/expiring-trajectories.ts';

/**
 * Calls reach facilities (rule `call-audience`): subscribers hear of a publication for one of their regions;
 * subscribers, leads and partners hear of a deadline extension and, seven days before the deadline, a
 * reminder; each facility once per message.
 */
let api: TestApi;
const CALL_TITLE = 'Oproep netwerken Gent en Leuven (bereik)';
let department: string;
const SUB_GENT = enterpriseNumber(31_001);
const SUB_ALL = enterpriseNumber(31_002);
const SUB_LIMBURG = enterpriseNumber(31_003);
const LEAD = enterpriseNumber(31_004);
const PARTNER = enterpriseNumber(31_005);
const mail = Object.fromEntries([SUB_GENT, SUB_ALL, SUB_LIMBURG, LEAD, PARTNER].map((en) => [en, mailbox(en)])) as Record<
  string,
  string
>;
const token = (facility: string) => api.token({ role: 'facility', facility });
const subjects = async (en: string, part: string) => (await api.emails(mail[en])).filter((m) => m.subject.includes(part));

beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-02T09:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dept-audience' });
  for (const en of [SUB_GENT, SUB_ALL, SUB_LIMBURG, LEAD, PARTNER]) {
    await registerFacility(api, department, en, {
      email: mail[en],
      recognitions: [{ authority: 'WELZIJN', validFrom: '2015-01-01' }],
    });
  }
});
afterAll(() => api.close());

describe('subscriptions to calls', () => {
  it('a facility subscribes itself (or the department does it); others get 404, case managers 403; bad input 422 and nothing written', async () => {
    const url = (en: string) => `/facilities/${en}/call-subscription`;
    const before = await api.scanTable();
    const empty = await api.request('PUT', url(SUB_GENT), {
      token: await token(SUB_GENT),
      body: { allRegions: false, regions: [] },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([expect.objectContaining({ path: 'regions' })]);
    const unknown = await api.request('PUT', url(SUB_GENT), {
      token: await token(SUB_GENT),
      body: { allRegions: false, regions: ['ATLANTIS'] },
    });
    expect(unknown.status).toBe(422);
    expect((await api.request('PUT', url(SUB_GENT), { token: await token(LEAD), body: { allRegions: true } })).status).toBe(404);
    const cmz = await api.token({ role: 'casemanager-zorg', facility: SUB_GENT });
    expect((await api.request('PUT', url(SUB_GENT), { token: cmz, body: { allRegions: true } })).status).toBe(403);
    expect(await api.scanTable()).toEqual(before);

    const own = await api.request('PUT', url(SUB_GENT), {
      token: await token(SUB_GENT),
      body: { allRegions: false, regions: ['GENT', 'GENT'] },
    });
    expect(own.status, own.text).toBe(200);
    expect(own.body).toMatchObject({ enterpriseNumber: SUB_GENT, allRegions: false, regions: ['GENT'] });
    expect((await api.request('GET', url(SUB_GENT), { token: await token(SUB_GENT) })).body.regions).toEqual(['GENT']);
    expect((await api.request('GET', url(SUB_GENT), { token: await token(LEAD) })).status).toBe(404);
    expect((await api.request('PUT', url(SUB_ALL), { token: department, body: { allRegions: true } })).status).toBe(200);
    expect(
      (
        await api.request('PUT', url(SUB_LIMBURG), {
          token: await token(SUB_LIMBURG),
          body: { allRegions: false, regions: ['LIMBURG'] },
        })
      ).status,
    ).toBe(200);
    // Ended, then back.
    expect((await api.request('DELETE', url(SUB_LIMBURG), { token: await token(SUB_LIMBURG) })).status).toBe(204);
    expect((await api.request('GET', url(SUB_LIMBURG), { token: await token(SUB_LIMBURG) })).status).toBe(404);
    expect((await api.request('DELETE', url(SUB_LIMBURG), { token: await token(SUB_LIMBURG) })).status).toBe(404);
    expect(
      (
        await api.request('PUT', url(SUB_LIMBURG), {
          token: await token(SUB_LIMBURG),
          body: { allRegions: false, regions: ['LIMBURG'] },
        })
      ).status,
    ).toBe(200);
  });
});

describe('a call reaches the facilities it concerns', () => {
  let callId: string;

  it('published: each subscriber for one of its regions (or all) is emailed once; others are not', async () => {
    const created = await api.request('POST', '/calls', {
      token: department,
      body: callBody('2026-12-01T12:00:00+01:00', { regions: ['GENT', 'LEUVEN'], title: CALL_TITLE }),
    });
    expect(created.status, created.text).toBe(201);
    callId = created.body.callId as string;
    expect((await api.request('POST', `/calls/${callId}/publish`, { token: department })).status).toBe(200);
    expect(await subjects(SUB_GENT, 'Nieuwe oproep')).toHaveLength(1);
    expect(await subjects(SUB_ALL, 'Nieuwe oproep')).toHaveLength(1);
    expect(await subjects(SUB_LIMBURG, 'Nieuwe oproep')).toHaveLength(0);
    expect(await subjects(LEAD, 'Nieuwe oproep')).toHaveLength(0);
    const [text] = (await subjects(SUB_GENT, 'Nieuwe oproep')).map((m) => m.body.text ?? '');
    expect(text).toContain('1 december 2026 om 12:00');
  });

  it('extended: subscribers, the lead and its partner, each once; the lead is reminded of its draft', async () => {
    const draft = await api.request('POST', `/calls/${callId}/applications`, {
      token: await token(LEAD),
      body: applicationBody('GENT', [
        { enterpriseNumber: PARTNER, role: 'zorgpartner' },
        { enterpriseNumber: SUB_GENT, role: 'werkpartner' },
      ]),
    });
    expect(draft.status, draft.text).toBe(201);
    const extended = await api.request('POST', `/calls/${callId}/deadline-extension`, {
      token: department,
      body: { submissionDeadline: '2026-12-15T12:00:00+01:00', reason: 'Meer tijd om partners te vinden.' },
    });
    expect(extended.status, extended.text).toBe(200);
    for (const en of [SUB_GENT, SUB_ALL, LEAD, PARTNER]) expect(await subjects(en, 'verlengd'), en).toHaveLength(1);
    expect(await subjects(SUB_LIMBURG, 'verlengd')).toHaveLength(0);
    expect((await subjects(LEAD, 'verlengd'))[0]!.body.text).toContain(draft.body.trackingNumber);
    expect((await subjects(PARTNER, 'verlengd'))[0]!.body.text).not.toContain(draft.body.trackingNumber);
  });

  it('seven days before the deadline, the daily job reminds them once, also when it runs again or late', async () => {
    api.setNow('2026-12-07T06:00:00.000Z'); // 8 days before: not yet
    await runExpiringTrajectories(api.deps(), '2026-12-07');
    expect(await subjects(LEAD, 'nog 7 dagen')).toHaveLength(0);
    api.setNow('2026-12-09T06:00:00.000Z'); // the job did not run on the 8th: caught up on the 9th
    const report = await runExpiringTrajectories(api.deps(), '2026-12-09');
    expect(report.callReminders).toBe(1);
    await runExpiringTrajectories(api.deps(), '2026-12-09');
    await Promise.all([runExpiringTrajectories(api.deps(), '2026-12-10'), runExpiringTrajectories(api.deps(), '2026-12-10')]);
    for (const en of [SUB_GENT, SUB_ALL, LEAD, PARTNER]) expect(await subjects(en, 'nog 7 dagen'), en).toHaveLength(1);
    expect(await subjects(SUB_LIMBURG, 'nog 7 dagen')).toHaveLength(0);
    expect((await subjects(LEAD, 'nog 7 dagen'))[0]!.body.text).toContain('in ontwerp');
    // Past the deadline, no reminder at all; the department is told once that the applications wait for review.
    api.setNow('2026-12-16T06:00:00.000Z');
    const after = await runExpiringTrajectories(api.deps(), '2026-12-16');
    expect(after).toMatchObject({ callReminders: 0, callsPastDeadline: 1 });
    await Promise.all([runExpiringTrajectories(api.deps(), '2026-12-16'), runExpiringTrajectories(api.deps(), '2026-12-17')]);
    // The department's mailbox is shared by every test file: this call's mails only.
    const told = (await api.emails('werkenzorg@departement-wvg.example')).filter(
      (m) => m.subject.includes(CALL_TITLE) && m.subject.includes('termijn is verstreken'),
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toContain('0 aanvragen wachten'); // the lead never submitted its draft
    const queue = await api.request('GET', '/department/queue?kind=CALL_REVIEW&region=LEUVEN', { token: department });
    expect(queue.body.items.map((l: { subjectId: string }) => l.subjectId)).toContain(callId);
  });
});
