import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { applicationBody, callBody, enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';
import { Application, EligibilityReport, Receipt } from '../../shared/schemas/calls.ts';
import { canonicalJson, contentHash } from '../../shared/domain/canonical-json.ts';
import { formatEnterpriseNumber } from '../../shared/domain/enterprise-number.ts';

let api: TestApi;
let department: string;
const T0 = '2026-11-02T09:00:00.000Z';
const DEADLINE = '2026-12-01T12:00:00+01:00';
const DEADLINE_UTC = Date.parse(DEADLINE);

// Facilities: a JW-recognised lead, a VAPH-recognised partner, an unrecognised one, and an outsider.
const LEAD = enterpriseNumber(1001);
const VAPH_PARTNER = enterpriseNumber(1002);
const PLAIN = enterpriseNumber(1003);
const OUTSIDER = enterpriseNumber(1004);
const UNREGISTERED = enterpriseNumber(1999);
const leadEmail = mailbox('lead');
let lead: string;
let partner: string;
let plain: string;
let outsider: string;

beforeAll(async () => {
  api = await startTestApi();
  api.setNow(T0);
  department = await api.token({ role: 'department', sub: 'dept-1' });
  await registerFacility(api, department, LEAD, {
    email: leadEmail,
    recognitions: [{ authority: 'JONGERENWELZIJN', validFrom: '2018-05-01' }],
  });
  await registerFacility(api, department, VAPH_PARTNER, {
    recognitions: [{ authority: 'VAPH', validFrom: '2017-01-01', validUntil: '2026-12-31' }],
  });
  await registerFacility(api, department, PLAIN, { recognitions: [{ authority: 'WELZIJN', validFrom: '2017-01-01' }] });
  await registerFacility(api, department, OUTSIDER);
  lead = await api.token({ role: 'facility', facility: LEAD, sub: 'lead-user' });
  partner = await api.token({ role: 'facility', facility: VAPH_PARTNER });
  plain = await api.token({ role: 'facility', facility: PLAIN, sub: 'plain-user' });
  outsider = await api.token({ role: 'facility', facility: OUTSIDER });
});
afterAll(() => api.close());

async function publishedCall(overrides: Record<string, unknown> = {}) {
  api.setNow(T0);
  const created = await api.request('POST', '/calls', { token: department, body: callBody(DEADLINE, overrides) });
  expect(created.status, created.text).toBe(201);
  const published = await api.request('POST', `/calls/${created.body.callId}/publish`, { token: department });
  expect(published.status, published.text).toBe(200);
  return created.body.callId as string;
}

async function draft(
  callId: string,
  token = lead,
  body: unknown = applicationBody('GENT', [{ enterpriseNumber: VAPH_PARTNER, role: 'zorgpartner' }]),
) {
  const response = await api.request('POST', `/calls/${callId}/applications`, { token, body });
  expect(response.status, response.text).toBe(201);
  const created = Application().parse(response.body);
  if (!created.partners.some((p) => p.enterpriseNumber === VAPH_PARTNER)) return created;
  // The partner confirms its part (rule partners-confirmed): only then does its recognition count.
  const confirmed = await api.request('PUT', `/calls/${callId}/applications/${created.applicationId}/partners/me`, {
    token: partner,
    body: { answer: 'CONFIRMED' },
  });
  expect(confirmed.status, confirmed.text).toBe(200);
  return Application().parse(confirmed.body);
}

const at = (ms: number) => new Date(ms).toISOString();

describe('applications', () => {
  it('a facility starts a DRAFT as lead; a second one for the same region is a 409', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    expect(application).toMatchObject({
      status: 'DRAFT',
      leadEnterpriseNumber: LEAD,
      region: 'GENT',
      version: 1,
      submittedVersions: 0,
    });
    expect(application.trackingNumber).toMatch(/^WZ-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const before = await api.scanTable();
    const second = await api.request('POST', `/calls/${callId}/applications`, { token: lead, body: applicationBody('GENT', []) });
    expect(second.status).toBe(409);
    expect(second.body.type).toBe('/problems/already-leading');
    expect(await api.scanTable()).toEqual(before);
    const otherRegion = await api.request('POST', `/calls/${callId}/applications`, {
      token: lead,
      body: applicationBody('LIMBURG', []),
    });
    expect(otherRegion.status).toBe(201);
  });

  it('validates the body: unknown region, bad partner number, oversized texts', async () => {
    const callId = await publishedCall();
    const before = await api.scanTable();
    const response = await api.request('POST', `/calls/${callId}/applications`, {
      token: lead,
      body: applicationBody('ZEELAND', [{ enterpriseNumber: '0123456748', role: 'x' }], {
        proposal: { summary: 'x'.repeat(6000), criteria: {} },
      }),
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'partners[0].enterpriseNumber',
      'proposal.summary',
      'region',
    ]);
    expect(await api.scanTable()).toEqual(before);
  });

  it('the eligibility report explains every rule', async () => {
    const callId = await publishedCall();
    const application = await draft(
      callId,
      plain,
      applicationBody(
        'KEMPEN',
        [
          { enterpriseNumber: UNREGISTERED, role: 'werkpartner' },
          { enterpriseNumber: PLAIN, role: 'zorg' },
          { enterpriseNumber: OUTSIDER, role: 'a' },
          { enterpriseNumber: OUTSIDER, role: 'b' },
        ],
        { proposal: { summary: 'S', criteria: { approach: 'ok' } } },
      ),
    );
    const response = await api.request('GET', `/calls/${callId}/applications/${application.applicationId}/eligibility`, {
      token: plain,
    });
    expect(response.status).toBe(200);
    const report = EligibilityReport().parse(response.body);
    expect(report.eligible).toBe(false);
    expect(report.checkedOn).toBe('2026-12-01');
    const byRule = Object.fromEntries(report.rules.map((r) => [r.rule, r]));
    expect(byRule['lead-registered']!.passed).toBe(true);
    expect(byRule['region-in-call']).toMatchObject({ passed: false, explanation: expect.stringContaining('KEMPEN') });
    expect(byRule['partners-registered']).toMatchObject({
      passed: false,
      explanation: expect.stringContaining(formatEnterpriseNumber(UNREGISTERED)),
    });
    expect(byRule['partners-distinct']).toMatchObject({
      passed: false,
      explanation: expect.stringContaining('also listed as a partner'),
    });
    expect(byRule['required-recognition']).toMatchObject({
      passed: false,
      explanation: expect.stringContaining('JONGERENWELZIJN or VAPH'),
    });
    expect(byRule['single-application-per-region']!.passed).toBe(true);
    expect(byRule['criteria-answered']).toMatchObject({ passed: false, explanation: expect.stringContaining('"network"') });

    const good = await draft(callId);
    const goodReport = await api.request('GET', `/calls/${callId}/applications/${good.applicationId}/eligibility`, {
      token: partner,
    });
    expect(goodReport.body.eligible).toBe(true);
    expect(goodReport.body.rules.find((r: { rule: string }) => r.rule === 'required-recognition').explanation).toMatch(
      /0000\.100\.1.* recognised by JONGERENWELZIJN.*0000\.100\.2.* recognised by VAPH/,
    );
  });

  it('refuses to submit an ineligible application with 422 and the report, and records the refusal', async () => {
    const callId = await publishedCall();
    const application = await draft(callId, plain, applicationBody('GENT', []));
    const response = await api.request('POST', `/calls/${callId}/applications/${application.applicationId}/submit`, {
      token: plain,
    });
    expect(response.status).toBe(422);
    expect(response.body.type).toBe('/problems/not-eligible');
    expect(response.body.report.eligible).toBe(false);
    expect(response.body.errors).toEqual([
      { path: 'required-recognition', rule: 'required-recognition', message: expect.any(String) },
    ]);
    expect(response.body.rule).toBe('required-recognition');
    const after = await api.request('GET', `/calls/${callId}/applications/${application.applicationId}`, { token: plain });
    expect(after.body.status).toBe('DRAFT');
    expect(after.body.version).toBe(1);
    expect(after.body.history.at(-1)).toMatchObject({
      action: 'submit-refused',
      details: { reason: 'not-eligible' },
      by: 'plain-user',
    });
    expect(
      await api.request('GET', `/calls/${callId}/applications/${application.applicationId}/versions`, { token: plain }),
    ).toMatchObject({
      body: { items: [] },
    });
  });

  it('submits one millisecond before the deadline with a verifiable receipt and a Dutch confirmation email', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    api.setNow(at(DEADLINE_UTC - 1));
    const response = await api.request('POST', `/calls/${callId}/applications/${application.applicationId}/submit`, {
      token: lead,
    });
    expect(response.status, response.text).toBe(201);
    const receipt = Receipt().parse(response.body);
    expect(receipt).toMatchObject({
      applicationId: application.applicationId,
      trackingNumber: application.trackingNumber,
      submittedAt: at(DEADLINE_UTC - 1),
    });
    expect(receipt.contentHash).toBe(
      contentHash({
        callId,
        applicationId: application.applicationId,
        leadEnterpriseNumber: LEAD,
        region: application.region,
        partners: application.partners,
        proposal: application.proposal,
      }),
    );
    const again = await api.request('GET', `/calls/${callId}/applications/${application.applicationId}/receipt`, {
      token: partner,
    });
    expect(again.body).toEqual(receipt);
    const verified = await api.request('POST', '/receipts/verify', { token: department, body: receipt });
    expect(verified.body).toEqual({ valid: true, matchesRecord: true });
    const forged = await api.request('POST', '/receipts/verify', {
      token: department,
      body: { ...receipt, submittedAt: at(DEADLINE_UTC - 5000) },
    });
    expect(forged.body).toEqual({ valid: false, matchesRecord: false });
    // Its lead and its partners check it too; a facility outside the application gets 404.
    for (const token of [lead, partner]) {
      const own = await api.request('POST', '/receipts/verify', { token, body: receipt });
      expect(own.status, own.text).toBe(200);
      expect(own.body).toEqual({ valid: true, matchesRecord: true });
    }
    const stranger = await api.token({ role: 'facility', facility: enterpriseNumber(77_777) });
    expect((await api.request('POST', '/receipts/verify', { token: stranger, body: receipt })).status).toBe(404);
    const mails = (await api.emails(leadEmail)).filter((m) => m.subject.includes(receipt.trackingNumber));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Ontvangstbewijs');
    expect(mails[0]!.body.text).toContain(receipt.contentHash);
    const stored = await api.request('GET', `/calls/${callId}/applications/${application.applicationId}`, { token: lead });
    expect(stored.body.history.at(-1)).toMatchObject({ action: 'submitted', from: 'DRAFT', to: 'SUBMITTED' });
  });

  it('refuses a submit at the deadline itself with deadline-passed, changing nothing but the history', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    api.setNow(at(DEADLINE_UTC));
    const response = await api.request('POST', `/calls/${callId}/applications/${application.applicationId}/submit`, {
      token: lead,
    });
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('/problems/deadline-passed');
    const after = await api.request('GET', `/calls/${callId}/applications/${application.applicationId}`, { token: lead });
    expect(after.body).toMatchObject({ status: 'DRAFT', version: 1, submittedVersions: 0 });
    expect(after.body.history.at(-1)).toMatchObject({ action: 'submit-refused', details: { reason: 'deadline-passed' } });
    const edit = await api.request('PUT', `/calls/${callId}/applications/${application.applicationId}`, {
      token: lead,
      headers: { 'if-match': '"1"' },
      body: applicationBody('GENT', []),
    });
    expect(edit.status).toBe(409);
  });

  it('concurrent submits of one application give one receipt and one email', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    api.setNow(at(DEADLINE_UTC - 60_000));
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.request('POST', `/calls/${callId}/applications/${application.applicationId}/submit`, { token: lead }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const receipts = new Set(responses.map((r) => canonicalJson(r.body)));
    expect(receipts.size).toBe(1);
    const mails = (await api.emails(leadEmail)).filter((m) => m.subject.includes(application.trackingNumber));
    expect(mails).toHaveLength(1);
    const versions = await api.request('GET', `/calls/${callId}/applications/${application.applicationId}/versions`, {
      token: lead,
    });
    expect(versions.body.items).toHaveLength(1);
  });

  it('concurrent edits with the same ETag: one wins, the others 412', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.request('PUT', `/calls/${callId}/applications/${application.applicationId}`, {
          token: lead,
          headers: { 'if-match': '"1"' },
          body: applicationBody('GENT', [{ enterpriseNumber: VAPH_PARTNER, role: `rol ${i}` }]),
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412]);
  });

  it('moving a draft to another region moves its place; a region the lead already leads is a 409', async () => {
    const callId = await publishedCall();
    const gent = await draft(callId);
    await draft(callId, lead, applicationBody('LIMBURG', []));
    const clash = await api.request('PUT', `/calls/${callId}/applications/${gent.applicationId}`, {
      token: lead,
      headers: { 'if-match': '"1"' },
      body: applicationBody('LIMBURG', []),
    });
    expect(clash.status).toBe(409);
    const moved = await api.request('PUT', `/calls/${callId}/applications/${gent.applicationId}`, {
      token: lead,
      headers: { 'if-match': '"1"' },
      body: applicationBody('ANTWERPEN', [{ enterpriseNumber: VAPH_PARTNER, role: 'zorg' }]),
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ region: 'ANTWERPEN', version: 2 });
    // GENT is free again
    expect(
      (await api.request('POST', `/calls/${callId}/applications`, { token: lead, body: applicationBody('GENT', []) })).status,
    ).toBe(201);
  });

  it('reopen keeps the submitted version and receipt on record; withdraw is reversible before the deadline', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    const url = `/calls/${callId}/applications/${application.applicationId}`;
    const first = await api.request('POST', `${url}/submit`, { token: lead });
    expect(first.status).toBe(201);
    const immutable = await api.request('PUT', url, {
      token: lead,
      headers: { 'if-match': '"2"' },
      body: applicationBody('GENT', []),
    });
    expect(immutable.status).toBe(409);
    const reopened = await api.request('POST', `${url}/reopen`, { token: lead });
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body.status).toBe('DRAFT');
    const edited = await api.request('PUT', url, {
      token: lead,
      headers: { 'if-match': reopened.headers.get('etag')! },
      body: applicationBody('GENT', [{ enterpriseNumber: VAPH_PARTNER, role: 'nieuwe rol' }]),
    });
    expect(edited.status, edited.text).toBe(200);
    const second = await api.request('POST', `${url}/submit`, { token: lead });
    expect(second.status).toBe(201);
    expect(second.body.contentHash).not.toBe(first.body.contentHash);
    const versions = await api.request('GET', `${url}/versions`, { token: department });
    expect(versions.body.items.map((v: { version: number; receipt: unknown }) => [v.version, v.receipt])).toEqual([
      [1, first.body],
      [2, second.body],
    ]);
    expect(versions.body.items[0].content.partners[0].role).toBe('zorgpartner');
    const firstStillValid = await api.request('POST', '/receipts/verify', { token: department, body: first.body });
    expect(firstStillValid.body).toEqual({ valid: true, matchesRecord: true });

    const withdrawn = await api.request('POST', `${url}/withdraw`, { token: lead });
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    const reinstated = await api.request('POST', `${url}/reopen`, { token: lead });
    expect(reinstated.body.status).toBe('DRAFT');
    const statuses = reinstated.body.history.map((h: { action: string }) => h.action);
    expect(statuses).toEqual([
      'created',
      'partner-confirmed',
      'submitted',
      'reopened',
      'edited',
      'submitted',
      'withdrawn',
      'reopened',
    ]);
    api.setNow(at(DEADLINE_UTC));
    const late = await api.request('POST', `${url}/withdraw`, { token: lead });
    expect(late.status).toBe(409);
    api.setNow(T0);
  });

  it('another facility cannot read, edit, submit, withdraw or reopen it (404), nothing changes; a partner reads but cannot change it', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    const url = `/calls/${callId}/applications/${application.applicationId}`;
    const before = await api.scanTable();
    const attempts = [
      api.request('GET', url, { token: outsider }),
      api.request('GET', `${url}/eligibility`, { token: outsider }),
      api.request('GET', `${url}/receipt`, { token: outsider }),
      api.request('GET', `${url}/versions`, { token: outsider }),
      api.request('PUT', url, { token: outsider, headers: { 'if-match': '"1"' }, body: applicationBody('GENT', []) }),
      api.request('POST', `${url}/submit`, { token: outsider }),
      api.request('POST', `${url}/withdraw`, { token: outsider }),
      api.request('POST', `${url}/reopen`, { token: outsider }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    const list = await api.request('GET', `/calls/${callId}/applications`, { token: outsider });
    expect(list.body.items).toEqual([]);
    expect(await api.scanTable()).toEqual(before);

    expect((await api.request('GET', url, { token: partner })).status).toBe(200);
    const partnerList = await api.request('GET', `/calls/${callId}/applications`, { token: partner });
    expect(partnerList.body.items.map((a: { applicationId: string }) => a.applicationId)).toEqual([application.applicationId]);
    for (const response of await Promise.all([
      api.request('PUT', url, { token: partner, headers: { 'if-match': '"1"' }, body: applicationBody('GENT', []) }),
      api.request('POST', `${url}/submit`, { token: partner }),
      api.request('POST', `${url}/withdraw`, { token: partner }),
    ])) {
      expect(response.status).toBe(403);
      expect(response.body.type).toBe('/problems/not-the-lead');
    }
    expect(await api.scanTable()).toEqual(before);
  });

  it('the department lists all applications of a call, by region and status, page by page', async () => {
    const callId = await publishedCall();
    const a = await draft(callId);
    await draft(callId, lead, applicationBody('LIMBURG', []));
    await draft(callId, plain, applicationBody('GENT', []));
    await api.request('POST', `/calls/${callId}/applications/${a.applicationId}/submit`, { token: lead });
    const gent = await api.request('GET', `/calls/${callId}/applications?region=GENT&limit=1`, { token: department });
    expect(gent.body.items).toHaveLength(1);
    const next = await api.request('GET', `/calls/${callId}/applications?region=GENT&limit=1&cursor=${gent.body.nextCursor}`, {
      token: department,
    });
    expect(next.body.items).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
    const submitted = await api.request('GET', `/calls/${callId}/applications?status=SUBMITTED`, { token: department });
    expect(submitted.body.items.map((x: { applicationId: string }) => x.applicationId)).toEqual([a.applicationId]);
  });
});

describe('partners take part (rule partners-confirmed)', () => {
  it('a partner is asked, answers while the call is open, and only a confirmed partner counts', async () => {
    const callId = await publishedCall();
    const partners = [
      { enterpriseNumber: VAPH_PARTNER, role: 'zorgpartner' },
      { enterpriseNumber: OUTSIDER, role: 'werkpartner' },
    ];
    const created = await api.request('POST', `/calls/${callId}/applications`, {
      token: plain,
      body: applicationBody('GENT', partners),
    });
    expect(created.status, created.text).toBe(201);
    const { applicationId, trackingNumber } = created.body;
    const url = `/calls/${callId}/applications/${applicationId}`;
    expect(created.body.partnerAnswers).toEqual([
      { enterpriseNumber: VAPH_PARTNER, answer: 'AWAITED' },
      { enterpriseNumber: OUTSIDER, answer: 'AWAITED' },
    ]);
    const emailOf = async (en: string) =>
      (await api.request('GET', `/facilities/${en}`, { token: department })).body.email as string;
    const invitations = async (en: string) =>
      (await api.emails(await emailOf(en))).filter(
        (m) => m.subject === `U bent partner in aanvraag ${trackingNumber}: bevestigt u uw deelname?`,
      );
    expect(await invitations(VAPH_PARTNER)).toHaveLength(1);
    expect(await invitations(OUTSIDER)).toHaveLength(1);
    expect((await invitations(VAPH_PARTNER))[0]!.body.text).not.toMatch(/\/calls\/|PUT |POST /);

    // Unanswered: the partner's VAPH recognition does not count, and submitting is refused naming the rule.
    const waiting = await api.request('GET', `${url}/eligibility`, { token: plain });
    const byRule = Object.fromEntries(waiting.body.rules.map((r: { rule: string }) => [r.rule, r]));
    expect(byRule['partners-confirmed']).toMatchObject({
      passed: false,
      explanation: expect.stringContaining('Not answered yet'),
    });
    expect(byRule['required-recognition'].passed).toBe(false);
    const early = await api.request('POST', `${url}/submit`, { token: plain });
    expect(early.status).toBe(422);
    expect(early.body.errors.map((e: { rule: string }) => e.rule)).toContain('partners-confirmed');

    // Who may answer: the partner for itself; the lead is refused, a stranger does not see it; bad input changes nothing.
    const answer = (token: string, body: unknown) => api.request('PUT', `${url}/partners/me`, { token, body });
    expect((await answer(plain, { answer: 'CONFIRMED' })).status).toBe(403);
    const stranger = await api.token({ role: 'facility', facility: enterpriseNumber(88_888) });
    expect((await answer(stranger, { answer: 'CONFIRMED' })).status).toBe(404);
    const bad = await answer(partner, { answer: 'MAYBE', comment: '' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['answer', 'comment']);
    expect((await api.request('GET', url, { token: plain })).body.partnerAnswers[0].answer).toBe('AWAITED');

    // A decline is mailed to the lead; the lead takes the partner off and names it again: it is asked again.
    const declined = await answer(partner, { answer: 'DECLINED', comment: 'Geen capaciteit dit jaar.' });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.headers.get('etag')).toBe('"1"');
    const told = (await api.emails(await emailOf(PLAIN))).filter(
      (m) => m.subject.includes(`${trackingNumber}:`) && m.subject.includes('weigert'),
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.body.text).toContain('Geen capaciteit dit jaar.');
    const removed = await api.request('PUT', url, {
      token: plain,
      headers: { 'if-match': '"1"' },
      body: applicationBody('GENT', [partners[1]!]),
    });
    expect(removed.status, removed.text).toBe(200);
    const renamed = await api.request('PUT', url, {
      token: plain,
      headers: { 'if-match': '"2"' },
      body: applicationBody('GENT', partners),
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.partnerAnswers[0]).toEqual({ enterpriseNumber: VAPH_PARTNER, answer: 'AWAITED' });
    expect(await invitations(VAPH_PARTNER)).toHaveLength(2);
    expect(await invitations(OUTSIDER)).toHaveLength(1);

    // Both partners confirm at the same moment: neither answer is lost; the application is now eligible.
    const outsiderToken = await api.token({ role: 'facility', facility: OUTSIDER });
    const both = await Promise.all([answer(partner, { answer: 'CONFIRMED' }), answer(outsiderToken, { answer: 'CONFIRMED' })]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const now = await api.request('GET', url, { token: plain });
    expect(now.body.partnerAnswers.map((a: { answer: string }) => a.answer)).toEqual(['CONFIRMED', 'CONFIRMED']);
    expect(now.body.history.map((h: { action: string }) => h.action)).toContain('partner-confirmed');
    expect((await api.request('POST', `${url}/submit`, { token: plain })).status).toBe(201);

    // The calls report checks eligibility now for a call not yet decided.
    const report = await api.request('GET', `/statistics/calls?callId=${callId}`, { token: department });
    expect(report.status, report.text).toBe(200);
    expect(report.body.calls[0].regions.find((r: { region: string }) => r.region === 'GENT')).toMatchObject({
      applications: 1,
      submitted: 1,
      eligible: 1,
      selected: 0,
      partnersNotAnswered: 0,
    });

    // After the deadline the answers stand as they are.
    api.setNow(at(DEADLINE_UTC));
    const late = await answer(partner, { answer: 'DECLINED' });
    expect(late.status).toBe(409);
    expect(late.body.rule).toBe('call-open');
    expect((await api.request('GET', url, { token: plain })).body.partnerAnswers[0].answer).toBe('CONFIRMED');
  });
});

describe('reviews', () => {
  it('after the deadline: declaration first (409 without), scores within bounds for every criterion, one review per reviewer', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    const url = `/calls/${callId}/applications/${application.applicationId}`;
    await api.request('POST', `${url}/submit`, { token: lead });
    const reviewer = await api.token({ role: 'department', sub: 'reviewer-1' });
    const review = { scores: { approach: 8, network: 6 }, comment: 'Sterk voorstel.' };

    const early = await api.request('PUT', `${url}/reviews/me`, { token: reviewer, body: review });
    expect(early.status).toBe(409);
    expect(early.body.type).toBe('/problems/review-not-open');

    api.setNow(at(DEADLINE_UTC + 1000));
    const undeclared = await api.request('PUT', `${url}/reviews/me`, { token: reviewer, body: review });
    expect(undeclared.status).toBe(409);
    expect(undeclared.body.type).toBe('/problems/declaration-required');
    const notTrue = await api.request('POST', `${url}/reviews/me/declaration`, {
      token: reviewer,
      body: { noConflictOfInterest: false },
    });
    expect(notTrue.status).toBe(422);
    const declared = await api.request('POST', `${url}/reviews/me/declaration`, {
      token: reviewer,
      body: { noConflictOfInterest: true },
    });
    expect(declared.status).toBe(201);

    const outOfRange = await api.request('PUT', `${url}/reviews/me`, {
      token: reviewer,
      body: { scores: { approach: 11, extra: 1 }, comment: 'x' },
    });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'scores.approach',
      'scores.extra',
      'scores.network',
    ]);

    const created = await api.request('PUT', `${url}/reviews/me`, { token: reviewer, body: review });
    expect(created.status, created.text).toBe(201);
    const replaced = await api.request('PUT', `${url}/reviews/me`, { token: reviewer, body: { ...review, comment: 'Herzien.' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ version: 2, comment: 'Herzien.', reviewer: 'reviewer-1' });

    const list = await api.request('GET', `${url}/reviews`, { token: department });
    expect(list.body.items).toHaveLength(1);
    expect((await api.request('GET', `${url}/reviews`, { token: lead })).status).toBe(403);
    api.setNow(T0);
  });

  it('an application never submitted is not reviewed', async () => {
    const callId = await publishedCall();
    const application = await draft(callId);
    api.setNow(at(DEADLINE_UTC + 1000));
    const reviewer = await api.token({ role: 'department', sub: 'reviewer-2' });
    const response = await api.request(
      'POST',
      `/calls/${callId}/applications/${application.applicationId}/reviews/me/declaration`,
      {
        token: reviewer,
        body: { noConflictOfInterest: true },
      },
    );
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('/problems/not-submitted');
    api.setNow(T0);
  });
});
