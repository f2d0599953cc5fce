import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { amaParticipant, begeleiderAmaRequest, enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';
import { Agreement, Werkpost } from '../../shared/schemas/ama.ts';
import { runExpiringTrajectories } from '../../functions/jobs/expiring-trajectories.ts';
import { getAgreement } from '../../shared/store/ama.ts';
import { openParticipantIdentity } from '../../shared/runtime/participant-identity.ts';
import { overrideDeps } from '../../shared/runtime/deps.ts';
import { captureOutput } from '../helpers/capture-output.ts';

let api: TestApi;
let department: string;
let begeleider: string;
let other: string;
const BEGELEIDER = enterpriseNumber(12_001);
const NOT_RECOGNISED = enterpriseNumber(12_002);
const begeleiderEmail = mailbox('begeleider');
let werkpostId: string;

beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-25T09:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dept-1' });
  await registerFacility(api, department, BEGELEIDER, {
    email: begeleiderEmail,
    recognitions: [{ authority: 'WELZIJN', validFrom: '2015-01-01' }],
  });
  await registerFacility(api, department, NOT_RECOGNISED, { recognitions: [{ authority: 'WELZIJN', validFrom: '2015-01-01' }] });
  begeleider = await api.token({ role: 'facility', facility: BEGELEIDER, sub: 'begeleider-1' });
  other = await api.token({ role: 'facility', facility: NOT_RECOGNISED, sub: 'other-1' });
  const request = await api.request('POST', `/facilities/${BEGELEIDER}/mandate-requests`, {
    token: begeleider,
    body: begeleiderAmaRequest(),
  });
  expect(request.status, request.text).toBe(201);
  const granted = await api.request('POST', `/mandate-requests/${request.body.requestId}/decision`, {
    token: department,
    body: { granted: true, validFrom: '2026-01-01', validUntil: '2030-12-31' },
  });
  expect(granted.status, granted.text).toBe(200);
});
afterAll(() => api.close());

const werkpostBody = (places = 2) => ({
  name: 'Kringwinkel De Kring',
  address: { street: 'Kerkstraat 1', postcode: '9000', municipality: 'Gent' },
  activities: 'Sorteren en herstellen van tweedehandsgoederen.',
  places,
});

function agreementBody(overrides: Record<string, unknown> = {}) {
  return {
    participant: amaParticipant('DEELN-2041', '1988-05-17'),
    werkpostId,
    activities: 'Sorteren van kleding, onthaal van klanten.',
    weeklySchedule: [
      { day: 'MA', from: '09:00', to: '12:30' },
      { day: 'DO', from: '09:00', to: '12:30' },
    ],
    startDate: '2026-12-01',
    evaluationDates: ['2027-03-01', '2027-06-01'],
    insurance: { insurer: 'Ethias', policyReference: 'POL-778812' },
    werkpostbegeleider: { name: 'Sofie Claes', phone: '+32 9 123 45 67' },
    participantStatus: { permission: 'VDAB_REFERRAL', reference: 'VDAB-TOEL-2041' },
    guidance: 'Wekelijks gesprek met de begeleider; aanspreekpunt op de werkpost.',
    endingConditions: 'Elke partij kan met een opzeg van twee weken beëindigen.',
    ...overrides,
  };
}

/** A signature as recorded from a scanned paper copy; the participant is never named. */
function signature(party: 'PARTICIPANT' | 'BEGELEIDER' | 'WERKPOST', signerName?: string) {
  return {
    party,
    method: 'SCANNED_PAPER',
    signedOn: '2026-11-25',
    scanSha256: createHash('sha256').update(`scan ${party}`).digest('hex'),
    ...(party === 'PARTICIPANT' ? {} : { signerName: signerName ?? `Naam ${party}` }),
  };
}

describe('werkposten', () => {
  it('a recognised begeleider registers one; an unrecognised facility cannot (409); others see 404', async () => {
    const created = await api.request('POST', `/facilities/${BEGELEIDER}/werkposten`, {
      token: begeleider,
      body: werkpostBody(2),
    });
    expect(created.status, created.text).toBe(201);
    const werkpost = Werkpost().parse(created.body);
    expect(werkpost).toMatchObject({ places: 2, freePlaces: 2, closed: false });
    werkpostId = werkpost.werkpostId;
    const refused = await api.request('POST', `/facilities/${NOT_RECOGNISED}/werkposten`, { token: other, body: werkpostBody() });
    expect(refused.status).toBe(409);
    expect(
      (await api.request('POST', `/facilities/${BEGELEIDER}/werkposten`, { token: other, body: werkpostBody() })).status,
    ).toBe(404);
    expect((await api.request('GET', `/facilities/${BEGELEIDER}/werkposten`, { token: other })).status).toBe(404);
    const bad = await api.request('POST', `/facilities/${BEGELEIDER}/werkposten`, {
      token: begeleider,
      body: { ...werkpostBody(), address: { street: 'Rue 1', postcode: '4000', municipality: 'Liège' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ path: 'address.postcode', message: expect.any(String) }]);
  });

  it('lists by postcode and free places; PATCH with If-Match', async () => {
    const list = await api.request('GET', `/facilities/${BEGELEIDER}/werkposten?postcode=9000&freePlaces=true`, {
      token: department,
    });
    expect(list.body.items.map((w: { werkpostId: string }) => w.werkpostId)).toEqual([werkpostId]);
    expect(
      (await api.request('GET', `/facilities/${BEGELEIDER}/werkposten?postcode=2000`, { token: begeleider })).body.items,
    ).toEqual([]);
    const stale = await api.request('PATCH', `/werkposten/${werkpostId}`, {
      token: begeleider,
      headers: { 'if-match': '"9"' },
      body: { name: 'X' },
    });
    expect(stale.status).toBe(412);
    const renamed = await api.request('PATCH', `/werkposten/${werkpostId}`, {
      token: begeleider,
      headers: { 'if-match': '"1"' },
      body: { name: 'Kringwinkel Gent' },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Kringwinkel Gent', version: 2 });
  });
});

let agreementId: string;

describe('agreements', () => {
  it('refuses a participant under 18, or not younger than the statutory pension age on the start date (66 in 2026), naming the field and the rule', async () => {
    const young = await api.request('POST', '/ama-agreements', {
      token: begeleider,
      body: agreementBody({ participant: amaParticipant('DEELN-1', '2008-12-02') }),
    });
    expect(young.status).toBe(422);
    expect(young.body.errors).toEqual([
      { path: 'participant.birthDate', rule: 'ama-participant-age-pension', message: expect.stringContaining('2026-12-02') },
    ]);
    expect(young.body.rule).toBe('ama-participant-age-pension');
    const accepted: string[] = [];
    for (const [reference, birthDate] of [
      ['DEELN-2', '2008-12-01'], // 18 on the start date
      ['DEELN-3', '1961-06-01'], // 65 and a half: refused under the old rule, younger than the pension age now
    ]) {
      const response = await api.request('POST', '/ama-agreements', {
        token: begeleider,
        body: agreementBody({ participant: amaParticipant(reference!, birthDate!) }),
      });
      expect(response.status, response.text).toBe(201);
      accepted.push(response.body.agreementId as string);
    }
    const old = await api.request('POST', '/ama-agreements', {
      token: begeleider,
      body: agreementBody({ participant: amaParticipant('DEELN-4', '1960-12-01') }),
    });
    expect(old.status).toBe(422);
    expect(old.body.errors[0]).toMatchObject({ rule: 'ama-participant-age-pension', message: expect.stringContaining('(66') });
    for (const id of accepted) {
      await api.request('POST', `/ama-agreements/${id}/end`, {
        token: begeleider,
        body: { endDate: '2026-12-01', reason: 'Test' },
      });
    }
  });

  it('two agreements racing for the last place: one wins, the other gets 409', async () => {
    const responses = await Promise.all([
      api.request('POST', '/ama-agreements', { token: begeleider, body: agreementBody() }),
      api.request('POST', '/ama-agreements', {
        token: begeleider,
        body: agreementBody({ participant: amaParticipant('DEELN-9', '1990-01-01') }),
      }),
      api.request('POST', '/ama-agreements', {
        token: begeleider,
        body: agreementBody({ participant: amaParticipant('DEELN-8', '1990-01-01') }),
      }),
    ]);
    // Two places: two win, one is refused.
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 409]);
    const refused = responses.find((r) => r.status === 409)!;
    expect(refused.body.type).toBe('/problems/werkpost-full');
    const wp = await api.request('GET', `/facilities/${BEGELEIDER}/werkposten`, { token: begeleider });
    expect(wp.body.items[0].freePlaces).toBe(0);
    const winners = responses.filter((r) => r.status === 201);
    agreementId = winners[0]!.body.agreementId;
    await api.request('POST', `/ama-agreements/${winners[1]!.body.agreementId}/end`, {
      token: begeleider,
      body: { endDate: '2026-12-01', reason: 'Dubbel' },
    });
  });

  it('holds what the annex asks (werkpostbegeleider, the participant’s access, hours a week); overlapping periods are refused, a short one is a warning', async () => {
    const before = await api.scanTable();
    const { werkpostbegeleider: _w, participantStatus: _p, ...bare } = agreementBody();
    const missing = await api.request('POST', '/ama-agreements', { token: begeleider, body: bare });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['participantStatus', 'werkpostbegeleider']);
    const overlapping = await api.request('POST', '/ama-agreements', {
      token: begeleider,
      body: agreementBody({
        weeklySchedule: [
          { day: 'MA', from: '09:00', to: '12:30' },
          { day: 'MA', from: '12:00', to: '15:00' },
        ],
      }),
    });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.errors).toEqual([expect.objectContaining({ path: 'weeklySchedule[1]', rule: 'ama-schedule' })]);
    expect(await api.scanTable()).toEqual(before);
    const short = await api.request('POST', '/ama-agreements', {
      token: begeleider,
      body: agreementBody({
        weeklySchedule: [
          { day: 'MA', from: '09:00', to: '12:30' },
          { day: 'WO', from: '10:00', to: '10:30' },
        ],
      }),
    });
    expect(short.status, short.text).toBe(201);
    expect(short.body).toMatchObject({
      hoursPerWeek: 4,
      werkpostbegeleider: { name: 'Sofie Claes' },
      participantStatus: { permission: 'VDAB_REFERRAL' },
      checks: [
        { rule: 'ama-minimum-period', level: 'warning', path: 'weeklySchedule[1]', message: expect.stringContaining('3 hours') },
      ],
    });
    await api.request('POST', `/ama-agreements/${short.body.agreementId}/end`, {
      token: begeleider,
      body: { endDate: '2026-12-01', reason: 'Test' },
    });
  });

  it('a signature needs its evidence; the participant is never named; nothing is recorded for a refused one', async () => {
    const url = `/ama-agreements/${agreementId}/signatures`;
    const before = await api.scanTable();
    const named = await api.request('POST', url, {
      token: begeleider,
      body: { ...signature('PARTICIPANT'), signerName: 'Jan Janssens' },
    });
    expect(named.status).toBe(422);
    expect(named.body.errors).toEqual([expect.objectContaining({ path: 'signerName' })]);
    expect(named.text).not.toContain('Jan Janssens');
    const { scanSha256: _omitted, ...noHash } = signature('WERKPOST');
    const unproven = await api.request('POST', url, { token: begeleider, body: noHash });
    expect(unproven.body.errors).toEqual([expect.objectContaining({ path: 'scanSha256' })]);
    const nobody = await api.request('POST', url, {
      token: begeleider,
      body: { ...signature('BEGELEIDER'), signerName: undefined },
    });
    expect(nobody.body.errors).toEqual([expect.objectContaining({ path: 'signerName' })]);
    const future = await api.request('POST', url, {
      token: begeleider,
      body: { ...signature('BEGELEIDER'), signedOn: '2099-01-01' },
    });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([expect.objectContaining({ path: 'signedOn', rule: 'signature-evidence' })]);
    const electronic = await api.request('POST', url, {
      token: begeleider,
      body: { party: 'WERKPOST', method: 'ELECTRONIC', signedOn: '2026-11-25', signerName: 'x' },
    });
    expect(electronic.body.errors).toEqual([expect.objectContaining({ path: 'electronicReference' })]);
    expect(await api.scanTable()).toEqual(before);
  });

  it('DRAFT until the three parties sign; a change after a signature voids them, with an explanation', async () => {
    const url = `/ama-agreements/${agreementId}`;
    const first = await api.request('POST', `${url}/signatures`, {
      token: begeleider,
      body: signature('PARTICIPANT'),
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body.status).toBe('DRAFT');
    const changed = await api.request('PUT', url, {
      token: begeleider,
      headers: { 'if-match': first.headers.get('etag')! },
      body: agreementBody({ activities: 'Sorteren van boeken.' }),
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.signatures).toEqual([]);
    expect(changed.body.voidedSignatures).toEqual([expect.objectContaining({ party: 'PARTICIPANT' })]);
    expect(changed.body.notice).toContain('void');
    for (const [party, name] of [
      ['PARTICIPANT', undefined],
      ['WERKPOST', 'An Peeters (werkpost)'],
    ] as const) {
      const r = await api.request('POST', `${url}/signatures`, { token: begeleider, body: signature(party, name) });
      expect(r.body.status).toBe('DRAFT');
    }
    // The evidence is recorded as given: how, the day, the scanned copy's hash; the participant is not named.
    const recorded = (await api.request('GET', url, { token: begeleider })).body.signatures as Array<Record<string, unknown>>;
    expect(recorded.find((x) => x.party === 'PARTICIPANT')).toEqual({
      party: 'PARTICIPANT',
      method: 'SCANNED_PAPER',
      signedOn: '2026-11-25',
      scanSha256: signature('PARTICIPANT').scanSha256,
      recordedBy: 'begeleider-1',
      signedAt: expect.any(String),
    });
    const twice = await api.request('POST', `${url}/signatures`, {
      token: begeleider,
      body: signature('WERKPOST', 'x'),
    });
    expect(twice.status).toBe(409);
    const third = await api.request('POST', `${url}/signatures`, {
      token: begeleider,
      body: signature('BEGELEIDER', 'Bert Begeleider'),
    });
    expect(Agreement().parse(third.body).status).toBe('ACTIVE');
    const frozen = await api.request('PUT', url, {
      token: begeleider,
      headers: { 'if-match': third.headers.get('etag')! },
      body: agreementBody(),
    });
    expect(frozen.status).toBe(409);
  });

  it('the PDF document in Dutch, with every element and the signature lines', async () => {
    const response = await fetch(`${api.baseUrl}/ama-agreements/${agreementId}/document`, {
      headers: { authorization: `Bearer ${begeleider}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { extractText } = await import('unpdf');
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Overeenkomst arbeidsmatige activiteiten',
      'DEELN-2041',
      'Kringwinkel Gent',
      'Sorteren van boeken',
      'Ethias',
      'POL-778812',
      'Bert Begeleider',
      'Handtekening werkpost',
    ]) {
      expect(flat).toContain(expected);
    }
  });

  it('the begeleider facility and the department see it; every other facility gets 404; nothing changes', async () => {
    const before = await api.scanTable();
    for (const r of [
      await api.request('GET', `/ama-agreements/${agreementId}`, { token: other }),
      await api.request('POST', `/ama-agreements/${agreementId}/signatures`, {
        token: other,
        body: signature('WERKPOST', 'x'),
      }),
      await api.request('POST', `/ama-agreements/${agreementId}/end`, {
        token: other,
        body: { endDate: '2027-01-01', reason: 'x' },
      }),
      await api.request('GET', `/ama-agreements/${agreementId}/document`, { token: other }),
    ]) {
      expect(r.status).toBe(404);
    }
    expect(await api.scanTable()).toEqual(before);
    expect((await api.request('GET', `/ama-agreements/${agreementId}`, { token: department })).status).toBe(200);
  });

  it('emails the begeleider 14 days before each evaluation, exactly once, without participant data', async () => {
    const deps = api.deps();
    await runExpiringTrajectories(deps, '2027-02-14');
    expect((await api.emails(begeleiderEmail)).filter((m) => m.subject.includes('Evaluatie'))).toHaveLength(0);
    await Promise.all([runExpiringTrajectories(deps, '2027-02-15'), runExpiringTrajectories(deps, '2027-02-15')]);
    await runExpiringTrajectories(deps, '2027-02-16');
    const mails = (await api.emails(begeleiderEmail)).filter((m) => m.subject.includes('Evaluatie'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('2027-03-01');
    expect(mails[0]!.body.text).not.toContain('DEELN-2041');
    expect(mails[0]!.body.text).not.toContain('1988-05-17');
    await runExpiringTrajectories(deps, '2027-05-18');
    expect((await api.emails(begeleiderEmail)).filter((m) => m.subject.includes('Evaluatie'))).toHaveLength(2);
    // Both evaluations noticed: the agreement leaves the sparse notice index, so later runs do not read it.
    const agreement = await getAgreement(deps, agreementId);
    expect(agreement!.sentEvaluationNotices.sort()).toEqual(['2027-03-01', '2027-06-01']);
    expect(agreement!.GSI4PK).toBeUndefined();
    expect(agreement!.GSI4SK).toBeUndefined();
  });

  it('sends no evaluation reminder for an agreement still being signed; once all three signed, it does', async () => {
    const deps = api.deps();
    const werkpost = await api.request('POST', `/facilities/${BEGELEIDER}/werkposten`, {
      token: begeleider,
      body: werkpostBody(1),
    });
    expect(werkpost.status, werkpost.text).toBe(201);
    const draft = await api.request('POST', '/ama-agreements', {
      token: begeleider,
      body: agreementBody({
        werkpostId: werkpost.body.werkpostId,
        participant: amaParticipant('DEELN-3090', '1990-01-01'),
        evaluationDates: ['2027-09-01'],
      }),
    });
    expect(draft.status, draft.text).toBe(201);
    const reminders = async () =>
      (await api.emails(begeleiderEmail)).filter((m) => m.subject.includes('Evaluatie') && m.subject.includes('2027-09-01'));
    await runExpiringTrajectories(deps, '2027-08-20');
    expect(await reminders()).toHaveLength(0);
    for (const party of ['PARTICIPANT', 'WERKPOST', 'BEGELEIDER'] as const) {
      const signed = await api.request('POST', `/ama-agreements/${draft.body.agreementId}/signatures`, {
        token: begeleider,
        body: signature(party, `Handtekening ${party.toLowerCase()}`),
      });
      expect(signed.status, signed.text).toBe(201);
    }
    await runExpiringTrajectories(deps, '2027-08-21');
    expect(await reminders()).toHaveLength(1);
  });

  it('a werkpost an agreement ever named cannot be removed, only closed, even once the agreement ended', async () => {
    const removal = await api.request('DELETE', `/werkposten/${werkpostId}`, { token: begeleider });
    expect(removal.status).toBe(409);
    const ended = await api.request('POST', `/ama-agreements/${agreementId}/end`, {
      token: begeleider,
      body: { endDate: '2027-06-30', reason: 'Doorstroom naar betaald werk' },
    });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ENDED', endReason: 'Doorstroom naar betaald werk' });
    const audit = await api.request('GET', `/ama-agreements/${agreementId}/audit`, { token: department });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['created', 'read', 'document', 'signed-BEGELEIDER-active', 'ended']),
    );
    // Ended, the agreement still names the werkpost (its document does): the werkpost is closed, never deleted.
    const stillNamed = await api.request('DELETE', `/werkposten/${werkpostId}`, { token: begeleider });
    expect(stillNamed.status).toBe(409);
    expect(stillNamed.body.type).toBe('/problems/werkpost-in-use');
    const listed = await api.request('GET', `/facilities/${BEGELEIDER}/werkposten`, { token: begeleider });
    const current = listed.body.items.find((w: { werkpostId: string }) => w.werkpostId === werkpostId);
    const closed = await api.request('PATCH', `/werkposten/${werkpostId}`, {
      token: begeleider,
      headers: { 'if-match': `"${current.version}"` },
      body: { closed: true },
    });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ closed: true, freePlaces: 0 });
    const document = await api.request('GET', `/ama-agreements/${agreementId}/document`, { token: begeleider });
    expect(document.status).toBe(200);
    // A werkpost no agreement ever named can still be deleted.
    const unused = await api.request('POST', `/facilities/${BEGELEIDER}/werkposten`, {
      token: begeleider,
      body: werkpostBody(1),
    });
    expect((await api.request('DELETE', `/werkposten/${unused.body.werkpostId}`, { token: begeleider })).status).toBe(204);
  });
});

describe('listing agreements', () => {
  it('a begeleider lists its own, paginated and filtered, without participant data; the department lists all or one begeleider’s', async () => {
    const mine = await api.request('GET', '/ama-agreements?limit=100', { token: begeleider });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(2);
    for (const line of mine.body.items) {
      expect(line.begeleiderEnterpriseNumber).toBe(BEGELEIDER);
      expect(line).not.toHaveProperty('participant');
    }
    expect(mine.text).not.toContain('DEELN-');
    // Sorted by start date; one page of 1 leads to the next.
    const first = await api.request('GET', '/ama-agreements?limit=1', { token: begeleider });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.request('GET', `/ama-agreements?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, {
      token: begeleider,
    });
    expect(second.body.items[0].agreementId).not.toBe(first.body.items[0].agreementId);
    const ended = await api.request('GET', '/ama-agreements?status=ENDED&limit=100', { token: begeleider });
    expect(ended.body.items.length).toBeGreaterThan(0);
    expect(ended.body.items.every((a: { status: string }) => a.status === 'ENDED')).toBe(true);
    const none = await api.request('GET', '/ama-agreements?startsFrom=2030-01-01', { token: begeleider });
    expect(none.body.items).toEqual([]);
    // Another facility asking for this begeleider's agreements gets its own (none).
    const stranger = await api.request('GET', `/ama-agreements?begeleider=${BEGELEIDER}`, { token: other });
    expect(stranger.status).toBe(200);
    expect(stranger.body.items).toEqual([]);
    const all = await api.request('GET', '/ama-agreements?limit=100', { token: department });
    expect(all.body.items.map((a: { agreementId: string }) => a.agreementId).sort()).toEqual(
      mine.body.items.map((a: { agreementId: string }) => a.agreementId).sort(),
    );
    const byBegeleider = await api.request('GET', `/ama-agreements?begeleider=${NOT_RECOGNISED}`, { token: department });
    expect(byBegeleider.body.items).toEqual([]);
    const bad = await api.request('GET', '/ama-agreements?status=SIGNED', { token: department });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('status');
  });
});

describe('submitting an agreement to the department', () => {
  it('an active agreement is submitted with its signed copy’s hash; the department returns it with a reason, then accepts the resubmission; each side is emailed', async () => {
    const sha = createHash('sha256').update('volledige getekende overeenkomst').digest('hex');
    const post = await api.request('POST', `/facilities/${BEGELEIDER}/werkposten`, { token: department, body: werkpostBody(3) });
    const draft = await api.request('POST', '/ama-agreements', {
      token: begeleider,
      body: agreementBody({ participant: amaParticipant('DEELN-80', '1990-01-01'), werkpostId: post.body.werkpostId }),
    });
    expect(draft.status, draft.text).toBe(201);
    const notActive = await api.request('POST', `/ama-agreements/${draft.body.agreementId}/submission`, {
      token: begeleider,
      body: { signedCopySha256: sha },
    });
    expect(notActive.status).toBe(409);
    expect(notActive.body.rule).toBe('ama-submission');
    for (const party of ['PARTICIPANT', 'WERKPOST', 'BEGELEIDER'] as const) {
      await api.request('POST', `/ama-agreements/${draft.body.agreementId}/signatures`, {
        token: begeleider,
        body: signature(party),
      });
    }
    const active = draft.body.agreementId as string;
    const url = `/ama-agreements/${active}/submission`;
    expect((await api.request('POST', url, { token: begeleider, body: { signedCopySha256: 'abc' } })).body.errors[0].path).toBe(
      'signedCopySha256',
    );
    expect((await api.request('POST', url, { token: other, body: { signedCopySha256: sha } })).status).toBe(404);
    const submitted = await api.request('POST', url, { token: begeleider, body: { signedCopySha256: sha } });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.submission).toMatchObject({
      status: 'SUBMITTED',
      signedCopySha256: sha,
      recognitionRequestId: expect.any(String),
      submittedBy: 'begeleider-1',
    });
    expect((await api.request('POST', url, { token: begeleider, body: { signedCopySha256: sha } })).status).toBe(409);
    const told = (await api.emails('werkenzorg@departement-wvg.example')).filter((m) => m.subject.includes('ingediend'));
    expect(told.some((m) => m.body.text?.includes(active))).toBe(true);
    const waiting = await api.request('GET', '/ama-agreements?submission=SUBMITTED&limit=100', { token: department });
    expect(waiting.body.items.map((a: { agreementId: string }) => a.agreementId)).toEqual([active]);
    // It waits in the department's queue until it is accepted or returned.
    const queue = () => api.request('GET', '/department/queue?kind=AMA_SUBMISSION', { token: department });
    expect((await queue()).body.items).toEqual([
      expect.objectContaining({
        kind: 'AMA_SUBMISSION',
        subjectId: active,
        enterpriseNumber: BEGELEIDER,
        href: `/ama-agreements/${active}`,
      }),
    ]);
    expect((await queue()).text).not.toContain('DEELN');

    const decide = (body: Record<string, unknown>, token = department) => api.request('POST', `${url}/decision`, { token, body });
    expect((await decide({ accepted: true }, begeleider)).status).toBe(403);
    expect((await decide({ accepted: false })).status).toBe(422);
    const returned = await decide({ accepted: false, reason: 'Het uurrooster ontbreekt op de getekende kopie.' });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body.submission).toMatchObject({
      status: 'RETURNED',
      returnReason: 'Het uurrooster ontbreekt op de getekende kopie.',
    });
    expect((await queue()).body.items).toEqual([]);
    const back = (await api.emails(begeleiderEmail)).filter((m) => m.subject.includes('teruggestuurd'));
    expect(back).toHaveLength(1);
    expect(back[0]!.body.text).toContain('Het uurrooster ontbreekt');
    expect((await api.request('POST', url, { token: begeleider, body: { signedCopySha256: sha } })).status).toBe(200);
    expect((await queue()).body.items.map((l: { subjectId: string }) => l.subjectId)).toEqual([active]);
    const accepted = await decide({ accepted: true });
    expect((await queue()).body.items).toEqual([]);
    expect(accepted.body.submission.status).toBe('ACCEPTED');
    expect((await decide({ accepted: true })).status).toBe(409);
    expect((await api.emails(begeleiderEmail)).filter((m) => m.subject.includes('aanvaard'))).toHaveLength(1);
  });
});

describe("the participant's identity (name and national register number)", () => {
  const NAME = 'Griet Identiteitstest';
  const NUMBER = '85073003328'; // born 30 July 1985
  const WRITTEN = '85.07.30-033.28';
  let post: string;
  const withIdentity = (nationalRegisterNumber: string, birthDate = '1985-07-30') =>
    agreementBody({
      participant: { reference: 'DEELN-ID-1', birthDate, name: NAME, nationalRegisterNumber },
      werkpostId: post,
    });

  beforeAll(async () => {
    const created = await api.request('POST', `/facilities/${BEGELEIDER}/werkposten`, {
      token: department,
      body: werkpostBody(5),
    });
    expect(created.status, created.text).toBe(201);
    post = created.body.werkpostId as string;
  });

  it('checks the number (11 digits, check digits for births before and from 2000, the birth date) with a 422 that names the rule, never repeats the number, and writes nothing', async () => {
    const before = await api.scanTable();
    for (const [number, birthDate] of [
      ['85073003329', '1985-07-30'], // check digits off by one
      ['8507300332', '1985-07-30'], // 10 digits
      ['85/07/30-033.28', '1985-07-30'], // not a written form
      ['01020300141', '2001-02-03'], // valid for 1901, not for someone born in 2001
      ['85073003328', '1985-07-31'], // another day
    ] as const) {
      const refused = await api.request('POST', '/ama-agreements', { token: begeleider, body: withIdentity(number, birthDate) });
      expect(refused.status, number).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ path: 'participant.nationalRegisterNumber', rule: 'national-register-number' }),
      ]);
      expect(refused.text, refused.text).not.toContain(number);
    }
    expect(await api.scanTable()).toEqual(before);
    for (const [number, birthDate] of [
      ['01020300170', '2001-02-03'], // born from 2000: a 2 before the nine digits
      ['85470000176', '1985-07-01'], // a bis number with unknown day (month 40 + 7, day 00)
    ] as const) {
      const accepted = await api.request('POST', '/ama-agreements', { token: begeleider, body: withIdentity(number, birthDate) });
      expect(accepted.status, `${number}: ${accepted.text}`).toBe(201);
    }
  });

  it('is sealed: not in the table’s plain attributes, logs, emails, lists or the begeleider’s view; the PDF prints it; the department reads it with the submission', async () => {
    const { result: id, lines } = await captureOutput(async () => {
      const created = await api.request('POST', '/ama-agreements', { token: begeleider, body: withIdentity(WRITTEN) });
      expect(created.status, created.text).toBe(201);
      const agreementId = created.body.agreementId as string;
      expect(created.body.participant).toEqual({ reference: 'DEELN-ID-1', birthDate: '1985-07-30', identityRecorded: true });
      for (const party of ['PARTICIPANT', 'WERKPOST', 'BEGELEIDER'] as const) {
        const signed = await api.request('POST', `/ama-agreements/${agreementId}/signatures`, {
          token: begeleider,
          body: signature(party, party === 'PARTICIPANT' ? undefined : 'Iemand'),
        });
        expect(signed.status, signed.text).toBeLessThan(300);
      }
      const readByDepartmentEarly = await api.request('GET', `/ama-agreements/${agreementId}`, { token: department });
      expect(readByDepartmentEarly.body.participant).not.toHaveProperty('identity');
      const submitted = await api.request('POST', `/ama-agreements/${agreementId}/submission`, {
        token: begeleider,
        body: { signedCopySha256: createHash('sha256').update('ondertekende kopie').digest('hex') },
      });
      expect(submitted.status, submitted.text).toBe(200);
      const readByBegeleider = await api.request('GET', `/ama-agreements/${agreementId}`, { token: begeleider });
      expect(readByBegeleider.status).toBe(200);
      for (const text of [created.text, submitted.text, readByBegeleider.text]) {
        expect(text).not.toContain(NAME);
        expect(text).not.toContain(NUMBER);
      }
      const lists = [
        await api.request('GET', '/ama-agreements?limit=100', { token: begeleider }),
        await api.request('GET', '/ama-agreements?limit=100', { token: department }),
        await api.request('GET', `/ama-agreements/${agreementId}/audit`, { token: department }),
      ];
      for (const list of lists) {
        expect(list.status, list.text).toBe(200);
        expect(list.text).not.toContain(NAME);
        expect(list.text).not.toContain(NUMBER);
      }
      const readByDepartment = await api.request('GET', `/ama-agreements/${agreementId}`, { token: department });
      expect(readByDepartment.body.participant.identity).toEqual({ name: NAME, nationalRegisterNumber: NUMBER });
      return agreementId;
    });
    const response = await fetch(`${api.baseUrl}/ama-agreements/${id}/document`, {
      headers: { authorization: `Bearer ${begeleider}` },
    });
    const { extractText } = await import('unpdf');
    const { text } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain(`Naam: ${NAME}`);
    expect(text.replace(/\s+/g, ' ')).toContain(`Rijksregisternummer: ${WRITTEN}`);

    const items = await api.scanTable();
    const record = items.find((item) => item.PK === `AMA#${id}` && item.SK === 'AGREEMENT')!;
    expect(typeof record.participantIdentityEncrypted).toBe('string');
    const stored = JSON.stringify(items);
    const emails = JSON.stringify(await api.emails());
    for (const secret of [NAME, NUMBER, WRITTEN]) {
      expect(stored).not.toContain(secret);
      expect(emails).not.toContain(secret);
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });

  it('a sealed identity is bound to its agreement: copied onto another agreement, it does not open', async () => {
    const created = await api.request('POST', '/ama-agreements', { token: begeleider, body: withIdentity(NUMBER) });
    const record = (await getAgreement(api.deps(), created.body.agreementId as string))!;
    const sealed = record.participantIdentityEncrypted!;
    await expect(openParticipantIdentity(api.deps(), record.agreementId, sealed)).resolves.toEqual({
      name: NAME,
      nationalRegisterNumber: NUMBER,
    });
    await expect(openParticipantIdentity(api.deps(), '00000000-0000-4000-8000-000000000000', sealed)).rejects.toThrow(
      /encryption context/,
    );
  });

  it('when the key service does not answer, nothing is written and the API answers 503 with Retry-After; a key that fails is logged without the request', async () => {
    const before = await api.scanTable();
    const failing = (error: Error) =>
      overrideDeps({
        clock: () => new Date('2026-11-25T09:00:00.000Z'),
        participantCipher: { encrypt: () => Promise.reject(error), decrypt: () => Promise.reject(error) },
      });
    const { lines } = await captureOutput(async () => {
      try {
        failing(Object.assign(new Error('KMS did not answer'), { name: 'TimeoutError' }));
        const unavailable = await api.request('POST', '/ama-agreements', { token: begeleider, body: withIdentity(NUMBER) });
        expect(unavailable.status, unavailable.text).toBe(503);
        expect(unavailable.headers.get('retry-after')).toBeTruthy();
        failing(new Error('the key is disabled'));
        const failed = await api.request('POST', '/ama-agreements', { token: begeleider, body: withIdentity(NUMBER) });
        expect(failed.status, failed.text).toBe(500);
        for (const text of [unavailable.text, failed.text]) expect(text).not.toContain(NAME);
      } finally {
        api.setNow('2026-11-25T09:00:00.000Z');
      }
    });
    expect(await api.scanTable()).toEqual(before);
    // The failure is logged (the tests log errors), without the request's personal data.
    expect(lines.some((line) => line.includes('unhandled error'))).toBe(true);
    expect(lines.filter((line) => line.includes(NAME) || line.includes(NUMBER))).toEqual([]);
  });
});

describe('withdrawing a recognition as begeleider AMA', () => {
  it('the department withdraws it from a date, with the reason; from then on no new agreement starts on it; the facility is emailed', async () => {
    const requests = await api.request('GET', `/facilities/${BEGELEIDER}/mandate-requests`, { token: department });
    const recognition = (requests.body.items as Array<{ requestId: string; kind: string; status: string }>).find(
      (r) => r.kind === 'BEGELEIDER_AMA' && r.status === 'GRANTED',
    )!;
    const url = `/mandate-requests/${recognition.requestId}/withdrawal`;
    const post = await api.request('POST', `/facilities/${BEGELEIDER}/werkposten`, { token: department, body: werkpostBody(5) });
    expect(post.status, post.text).toBe(201);
    const early = await api.request('POST', url, { token: department, body: { reason: 'x', withdrawnOn: '2000-01-01' } });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ path: 'withdrawnOn', rule: 'mandate-withdrawal' })]);
    expect((await api.request('POST', url, { token: begeleider, body: { reason: 'x' } })).status).toBe(403);
    const withdrawn = await api.request('POST', url, {
      token: department,
      body: { reason: 'De verzekering van de organisatie is verlopen.', withdrawnOn: '2026-12-15' },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toMatchObject({
      withdrawnOn: '2026-12-15',
      withdrawalReason: 'De verzekering van de organisatie is verlopen.',
    });
    const again = await api.request('POST', url, { token: department, body: { reason: 'x' } });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('mandate-withdrawal');
    // What runs on under the recognition is listed for reassignment: every agreement of the begeleider not ended.
    const listed = await api.request('GET', `/ama-agreements?begeleider=${BEGELEIDER}&limit=100`, { token: department });
    const notEnded = (listed.body.items as Array<{ agreementId: string; status: string }>)
      .filter((a) => a.status !== 'ENDED')
      .map((a) => a.agreementId)
      .sort();
    expect(notEnded.length).toBeGreaterThan(0);
    expect(withdrawn.body.toReassign.agreements.map((a: { agreementId: string }) => a.agreementId).sort()).toEqual(notEnded);
    expect(withdrawn.body.toReassign.trajectories).toEqual([]);
    expect(JSON.stringify(withdrawn.body.toReassign)).not.toMatch(/participant|DEELN/);
    const mail = (await api.emails(begeleiderEmail)).filter((m) => m.subject.includes('ingetrokken'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body.text).toContain('De verzekering van de organisatie is verlopen.');
    expect(mail[0]!.body.text).toContain(`nog ${notEnded.length} lopende AMA-overeenkomsten`);
    // An agreement starting before the withdrawal still may; one starting on or after it may not.
    const before = await api.request('POST', '/ama-agreements', {
      token: begeleider,
      body: agreementBody({
        participant: amaParticipant('DEELN-90', '1990-01-01'),
        werkpostId: post.body.werkpostId,
        startDate: '2026-12-14',
        evaluationDates: ['2027-03-01'],
      }),
    });
    expect(before.status, before.text).toBe(201);
    const after = await api.request('POST', '/ama-agreements', {
      token: begeleider,
      body: agreementBody({
        participant: amaParticipant('DEELN-91', '1990-01-01'),
        werkpostId: post.body.werkpostId,
        startDate: '2026-12-15',
        evaluationDates: ['2027-03-01'],
      }),
    });
    expect(after.status).toBe(409);
    expect(after.body.rule).toBe('ama-begeleider-recognised');
  });
});

describe('recognition as begeleider AMA: its own conditions and a limited period', () => {
  it('asks for qualified staff, the liability insurance and someone who can bind the organisation; is granted for at most 5 years', async () => {
    const user = await api.token({ role: 'facility', facility: NOT_RECOGNISED, sub: 'other-1' });
    const url = `/facilities/${NOT_RECOGNISED}/mandate-requests`;
    const { liabilityInsurance: _l, ...uninsured } = begeleiderAmaRequest();
    const refused = await api.request('POST', url, { token: user, body: uninsured });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'liabilityInsurance' })]);
    const notBinding = await api.request('POST', url, {
      token: user,
      body: begeleiderAmaRequest({ requestedBy: { name: 'Stagiair', role: 'stagiair', mayBindOrganisation: false } }),
    });
    expect(notBinding.body.errors).toEqual([expect.objectContaining({ path: 'requestedBy.mayBindOrganisation' })]);
    const noStaff = await api.request('POST', url, { token: user, body: begeleiderAmaRequest({ qualifiedStaff: 0 }) });
    expect(noStaff.status, noStaff.text).toBe(201);
    const decide = (body: Record<string, unknown>) =>
      api.request('POST', `/mandate-requests/${noStaff.body.requestId}/decision`, {
        token: department,
        body: { granted: true, ...body },
      });
    const open = await decide({ validFrom: '2026-12-01' });
    expect(open.status).toBe(422);
    expect(open.body.errors.map((e: { rule: string }) => e.rule).sort()).toEqual([
      'ama-recognition-conditions',
      'ama-recognition-period',
    ]);
    const tooLong = await decide({ validFrom: '2026-12-01', validUntil: '2031-12-01' });
    expect(tooLong.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'validUntil', message: expect.stringContaining('2031-11-30') })]),
    );
    const refusedForGood = await api.request('POST', `/mandate-requests/${noStaff.body.requestId}/decision`, {
      token: department,
      body: { granted: false, reason: 'Geen gekwalificeerd personeel.' },
    });
    expect(refusedForGood.status).toBe(200);
  });
});
