import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { begeleiderAmaRequest, enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';
import { Trajectory } from '../../shared/schemas/trajectories.ts';
import { insertTrajectory } from '../../shared/store/trajectories.ts';
import { trajectoryFixture } from '../helpers/trajectory-fixture.ts';
import { putAll } from '../../shared/store/batch-write.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { addDays } from '../../shared/domain/trajectory-dates.ts';

/**
 * Activation trajectories under the rules in force since 1 July 2023: the department mandates a
 * samenwerkingsverband Zorg per werkingsgebied, VDAB (its casemanager Werk) records the start and assigns
 * a casemanager Zorg of that samenwerkingsverband, both confirm the plan.
 */
let api: TestApi;
let department: string;
const MEMBER_A = enterpriseNumber(9001);
const PARTNER = enterpriseNumber(9002);
const UNMANDATED = enterpriseNumber(9003);
const OUTSIDER = enterpriseNumber(9004);
const MEMBER_B = enterpriseNumber(9005);
const MEMBER_C = enterpriseNumber(9006);
const OTHER_ONLY = enterpriseNumber(9007);
const CLIENT = { reference: 'VDAB-77120934', birthDate: '1990-04-12' };
const DEPARTMENT_EMAIL = 'werkenzorg@departement-wvg.example';
const cmzEmail = mailbox('cmz');
const cmwEmail = mailbox('cmw');
let networkId: string;
let cooperationId: string;
let cmz: string;
let cmw: string;
const output: string[] = [];
let restoreStdout: () => void;

beforeAll(async () => {
  // Every log line written while this file runs is kept, to check that no client data is ever logged.
  const original = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    output.push(String(chunk));
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  };
  process.stderr.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    output.push(String(chunk));
    return (originalErr as (...a: unknown[]) => boolean)(chunk, ...rest);
  };
  restoreStdout = () => {
    process.stdout.write = original;
    process.stderr.write = originalErr;
  };
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  api = await startTestApi();
  api.setNow('2026-01-10T09:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dept-1' });
  await registerFacility(api, department, MEMBER_A, {
    recognitions: [{ authority: 'JONGERENWELZIJN', validFrom: '2018-01-01' }],
  });
  await registerFacility(api, department, MEMBER_B, { recognitions: [{ authority: 'VAPH', validFrom: '2018-01-01' }] });
  await registerFacility(api, department, MEMBER_C, {
    recognitions: [{ authority: 'ZORG_EN_GEZONDHEID', validFrom: '2018-01-01' }],
  });
  await registerFacility(api, department, PARTNER, { recognitions: [{ authority: 'VDAB', validFrom: '2018-01-01' }] });
  await registerFacility(api, department, UNMANDATED, { recognitions: [{ authority: 'WELZIJN', validFrom: '2018-01-01' }] });
  await registerFacility(api, department, OTHER_ONLY, { recognitions: [{ authority: 'OTHER', validFrom: '2018-01-01' }] });
  await registerFacility(api, department, OUTSIDER);
  const network = await api.request('POST', '/networks', {
    token: department,
    body: {
      region: 'GENT',
      leadEnterpriseNumber: MEMBER_A,
      partners: [
        { enterpriseNumber: PARTNER, role: 'werkpartner' },
        { enterpriseNumber: MEMBER_B, role: 'zorgpartner' },
      ],
      appointedAt: '2025-07-01T00:00:00+02:00',
    },
  });
  expect(network.status, network.text).toBe(201);
  networkId = network.body.networkId;
  cmz = await api.token({ role: 'casemanager-zorg', facility: MEMBER_A, sub: 'cmz-1', email: cmzEmail });
  cmw = await api.token({ role: 'casemanager-werk', sub: 'cmw-1', email: cmwEmail });
}, 120_000);

afterAll(async () => {
  restoreStdout();
  await api.close();
});

const cooperationBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Samenwerkingsverband Zorg Gent',
  werkingsgebied: 'GENT',
  leadEnterpriseNumber: MEMBER_A,
  members: [
    { enterpriseNumber: MEMBER_A, icfTrainedStaff: 3 },
    { enterpriseNumber: MEMBER_B, icfTrainedStaff: 2 },
    { enterpriseNumber: MEMBER_C, icfTrainedStaff: 1 },
  ],
  validFrom: '2025-01-01',
  ...overrides,
});

function body(overrides: Record<string, unknown> = {}) {
  return {
    werkingsgebied: 'GENT',
    networkId,
    casemanagerZorg: { id: 'cmz-1', email: cmzEmail, enterpriseNumber: MEMBER_A },
    client: CLIENT,
    startDate: '2026-01-15',
    plannedEndDate: '2027-01-14',
    workActions: [
      {
        type: 'STAGE',
        description: 'Werkplekleren',
        providerEnterpriseNumber: PARTNER,
        plannedStart: '2026-02-01',
        plannedEnd: '2026-06-30',
      },
    ],
    careActions: [
      {
        type: 'BEGELEIDING',
        description: 'Wekelijks gesprek',
        providerEnterpriseNumber: MEMBER_A,
        plannedStart: '2026-01-15',
        plannedEnd: '2026-12-31',
      },
    ],
    ...overrides,
  };
}

const rulesOf = (response: { body: { errors: Array<{ rule?: string }> } }) => response.body.errors.map((e) => e.rule);

describe('the samenwerkingsverband Zorg', () => {
  it('the department mandates one per werkingsgebied for five years; members meet the mandate conditions', async () => {
    const before = await api.scanTable();
    const two = await api.request('POST', '/cooperations', {
      token: department,
      body: cooperationBody({ members: cooperationBody().members.slice(0, 2) }),
    });
    expect(two.status).toBe(422);
    expect(two.body).toMatchObject({ rule: 'cooperation-composition' });
    const unqualified = await api.request('POST', '/cooperations', {
      token: department,
      body: cooperationBody({
        members: [
          { enterpriseNumber: MEMBER_A, icfTrainedStaff: 0 },
          { enterpriseNumber: OTHER_ONLY, icfTrainedStaff: 2 },
          { enterpriseNumber: OUTSIDER, icfTrainedStaff: 2 },
        ],
      }),
    });
    expect(unqualified.status).toBe(422);
    expect(unqualified.body.errors).toEqual([
      expect.objectContaining({ path: 'members[0].icfTrainedStaff', rule: 'mandate-conditions' }),
      expect.objectContaining({ path: 'members[1].recognitions', rule: 'mandate-conditions' }),
      expect.objectContaining({ path: 'members[2].recognitions', rule: 'mandate-conditions' }),
    ]);
    const tooEarly = await api.request('POST', '/cooperations', {
      token: department,
      body: cooperationBody({ validFrom: '2023-06-30' }),
    });
    expect(tooEarly.status).toBe(422);
    expect(rulesOf(tooEarly)).toContain('cooperation-mandate-period');
    const facilityUser = await api.token({ role: 'facility', facility: MEMBER_A });
    expect((await api.request('POST', '/cooperations', { token: facilityUser, body: cooperationBody() })).status).toBe(403);
    expect((await api.request('POST', '/cooperations', { token: cmw, body: cooperationBody() })).status).toBe(403);
    expect(await api.scanTable()).toEqual(before);

    const created = await api.request('POST', '/cooperations', { token: department, body: cooperationBody() });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      werkingsgebied: 'GENT',
      leadEnterpriseNumber: MEMBER_A,
      mandates: [{ validFrom: '2025-01-01', validUntil: '2029-12-31' }],
    });
    cooperationId = created.body.cooperationId;
    const second = await api.request('POST', '/cooperations', {
      token: department,
      body: cooperationBody({ validFrom: '2027-01-01' }),
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      type: '/problems/one-cooperation-per-werkingsgebied',
      rule: 'one-cooperation-per-werkingsgebied',
    });
    // Anyone signed in reads them; the list filters by werkingsgebied.
    const listed = await api.request('GET', '/cooperations?werkingsgebied=GENT', { token: facilityUser });
    expect(listed.body.items.map((c: { cooperationId: string }) => c.cooperationId)).toEqual([cooperationId]);
    expect((await api.request('GET', '/cooperations?werkingsgebied=KEMPEN', { token: cmw })).body.items).toEqual([]);
    expect((await api.request('GET', `/cooperations/${cooperationId}`, { token: cmz })).status).toBe(200);
    expect((await api.request('GET', '/cooperations/00000000-0000-4000-8000-000000000000', { token: cmz })).status).toBe(404);
  });

  it('a renewal adds the next five years, from the day after the last period; If-Match', async () => {
    const stale = await api.request('POST', `/cooperations/${cooperationId}/renewal`, {
      token: department,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    expect(
      (await api.request('POST', `/cooperations/${cooperationId}/renewal`, { token: cmw, headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(403);
    const renewed = await api.request('POST', `/cooperations/${cooperationId}/renewal`, {
      token: department,
      headers: { 'if-match': '"1"' },
    });
    expect(renewed.status, renewed.text).toBe(200);
    expect(renewed.body.mandates).toEqual([
      { validFrom: '2025-01-01', validUntil: '2029-12-31' },
      { validFrom: '2030-01-01', validUntil: '2034-12-31' },
    ]);
    expect(renewed.headers.get('etag')).toBe('"2"');
  });
});

describe('mandates', () => {
  it('since 1 July 2023 a single facility no longer asks for a casemanager Zorg mandate (422 naming the rule)', async () => {
    const facilityUser = await api.token({ role: 'facility', facility: UNMANDATED });
    const refused = await api.request('POST', `/facilities/${UNMANDATED}/mandate-requests`, {
      token: facilityUser,
      body: { kind: 'CASEMANAGER_ZORG', icfTrainedStaff: 2, motivation: 'x' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      rule: 'casemanager-zorg-of-cooperation',
      errors: [expect.objectContaining({ path: 'kind' })],
    });
  });

  it('a request made under the 2014 rules and decided now meets the conditions: ICF-trained staff and a qualifying recognition', async () => {
    api.setNow('2023-06-01T09:00:00.000Z');
    const ask = async (en: string, icfTrainedStaff: number) => {
      const user = await api.token({ role: 'facility', facility: en });
      const r = await api.request('POST', `/facilities/${en}/mandate-requests`, {
        token: user,
        body: { kind: 'CASEMANAGER_ZORG', icfTrainedStaff, motivation: 'Aanvraag van vóór 1 juli 2023.' },
      });
      expect(r.status, r.text).toBe(201);
      return r.body.requestId as string;
    };
    const noStaff = await ask(UNMANDATED, 0);
    const otherRecognition = await ask(OTHER_ONLY, 2);
    const fine = await ask(MEMBER_C, 1);
    const networkMember = await ask(MEMBER_B, 2);
    api.setNow('2026-01-10T09:00:00.000Z');
    // The department was told of each request as it arrived.
    const told = (await api.emails(DEPARTMENT_EMAIL)).filter((m) => m.subject.startsWith('Nieuwe aanvraag'));
    expect(told.map((m) => m.body.text).join('\n')).toContain(noStaff);
    const decide = (requestId: string) =>
      api.request('POST', `/mandate-requests/${requestId}/decision`, {
        token: department,
        body: { granted: true, validFrom: '2023-06-15' },
      });
    const first = await decide(noStaff);
    expect(first.status).toBe(422);
    expect(first.body.errors).toEqual([expect.objectContaining({ path: 'icfTrainedStaff', rule: 'mandate-conditions' })]);
    const second = await decide(otherRecognition);
    expect(second.status).toBe(422);
    expect(second.body.errors).toEqual([expect.objectContaining({ path: 'recognitions', rule: 'mandate-conditions' })]);
    expect((await decide(fine)).status).toBe(200);
    expect((await decide(networkMember)).status).toBe(200);
  });

  it('refuses to grant to a facility without a valid recognition (409), and lets only that facility and the department read requests', async () => {
    const outsiderUser = await api.token({ role: 'facility', facility: OUTSIDER });
    const request = await api.request('POST', `/facilities/${OUTSIDER}/mandate-requests`, {
      token: outsiderUser,
      body: begeleiderAmaRequest(),
    });
    expect(request.status).toBe(201);
    const refused = await api.request('POST', `/mandate-requests/${request.body.requestId}/decision`, {
      token: department,
      body: { granted: true, validFrom: '2026-01-01' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/no-valid-recognition');
    const other = await api.token({ role: 'facility', facility: MEMBER_A });
    expect((await api.request('GET', `/facilities/${OUTSIDER}/mandate-requests`, { token: other })).status).toBe(404);
    expect(
      (
        await api.request('POST', `/facilities/${OUTSIDER}/mandate-requests`, {
          token: other,
          body: begeleiderAmaRequest(),
        })
      ).status,
    ).toBe(404);
  });
});

let trajectoryId: string;

describe('trajectories', () => {
  it('VDAB’s casemanager Werk records the start, assigning a casemanager Zorg of the samenwerkingsverband; the casemanager Zorg is emailed', async () => {
    const response = await api.request('POST', '/trajectories', { token: cmw, body: body() });
    expect(response.status, response.text).toBe(201);
    const t = Trajectory().parse(response.body);
    expect(t).toMatchObject({
      status: 'ACTIVE',
      regime: 'DECREE_2022',
      requestedOn: '2026-01-10',
      werkingsgebied: 'GENT',
      cooperationId,
      minEndDate: '2026-04-14',
      maxEndDate: '2027-07-14',
      casemanagerZorg: { id: 'cmz-1', email: cmzEmail, enterpriseNumber: MEMBER_A },
      casemanagerWerk: { id: 'cmw-1', email: cmwEmail },
      plan: { confirmed: false },
      version: 1,
    });
    trajectoryId = t.trajectoryId;
    const assigned = (await api.emails(cmzEmail)).filter((m) => m.subject.startsWith('Nieuw activeringstraject'));
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.body.text).toContain(trajectoryId);
    expect(assigned[0]!.body.text).not.toMatch(/POST |\/trajectories/);
  });

  it('a casemanager Zorg can no longer start one alone, nor can a facility or the department (403)', async () => {
    const before = await api.scanTable();
    for (const token of [cmz, department, await api.token({ role: 'facility', facility: MEMBER_A })]) {
      const refused = await api.request('POST', '/trajectories', {
        token,
        body: body({ client: { ...CLIENT, reference: 'VDAB-403' } }),
      });
      expect(refused.status).toBe(403);
    }
    expect(await api.scanTable()).toEqual(before);
  });

  it('one active trajectory per client (409, the reference is not echoed)', async () => {
    const response = await api.request('POST', '/trajectories', { token: cmw, body: body() });
    expect(response.status).toBe(409);
    expect(response.text).not.toContain(CLIENT.reference);
  });

  it('422 naming the field and the rule for every start that makes no sense, and nothing is stored', async () => {
    const before = await api.scanTable();
    const start = (overrides: Record<string, unknown>, reference: string) =>
      api.request('POST', '/trajectories', { token: cmw, body: body({ client: { ...CLIENT, reference }, ...overrides }) });
    const late = await start({ plannedEndDate: '2027-07-15' }, 'VDAB-1');
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([
      { path: 'plannedEndDate', rule: 'trajectory-duration', message: expect.stringContaining('2027-07-14') },
    ]);
    expect(late.body.rule).toBe('trajectory-duration');
    const short = await start({ plannedEndDate: '2026-04-13' }, 'VDAB-2');
    expect(short.body.errors[0]).toMatchObject({ path: 'plannedEndDate', rule: 'trajectory-duration' });
    const provider = await start(
      {
        workActions: [
          {
            type: 'X',
            description: 'y',
            providerEnterpriseNumber: OUTSIDER,
            plannedStart: '2026-02-01',
            plannedEnd: '2026-03-01',
          },
        ],
      },
      'VDAB-3',
    );
    expect(provider.body.errors).toEqual([
      expect.objectContaining({ path: 'workActions[0].providerEnterpriseNumber', rule: 'plan-providers-in-network' }),
    ]);
    const child = await start({ client: { reference: 'VDAB-4', birthDate: '2020-03-01' } }, 'VDAB-4');
    expect(child.status).toBe(422);
    expect(rulesOf(child)).toEqual(['client-minimum-age']);
    const beforeNetwork = await start(
      { startDate: '2025-06-30', plannedEndDate: '2026-06-29', workActions: [], careActions: [] },
      'VDAB-5',
    );
    expect(rulesOf(beforeNetwork)).toEqual(['start-after-network-appointment']);
    const notAMember = await start(
      { casemanagerZorg: { id: 'cmz-9', email: mailbox('cmz9'), enterpriseNumber: UNMANDATED } },
      'VDAB-6',
    );
    expect(notAMember.body.errors).toEqual([
      expect.objectContaining({ path: 'casemanagerZorg.enterpriseNumber', rule: 'casemanager-zorg-of-cooperation' }),
    ]);
    const elsewhere = await start({ werkingsgebied: 'KEMPEN' }, 'VDAB-7');
    expect(rulesOf(elsewhere).sort()).toEqual(['casemanager-zorg-of-cooperation', 'network-in-werkingsgebied']);
    const unknownField = await start({ client: { ...CLIENT, name: 'Jan Janssens' } }, 'VDAB-8');
    expect(unknownField.status).toBe(422);
    expect(unknownField.text).not.toContain('Jan Janssens');
    expect(await api.scanTable()).toEqual(before);
  });

  it('only its two case managers and the department see it; everyone else gets 404', async () => {
    for (const token of [cmz, cmw, department]) {
      expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token })).status).toBe(200);
    }
    const others = [
      await api.token({ role: 'casemanager-zorg', facility: MEMBER_A, sub: 'cmz-other' }),
      await api.token({ role: 'casemanager-werk', sub: 'cmw-other' }),
    ];
    for (const token of others) {
      expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token })).status).toBe(404);
      expect((await api.request('GET', '/trajectories', { token })).body.items).toEqual([]);
    }
    const facilityUser = await api.token({ role: 'facility', facility: MEMBER_A });
    expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token: facilityUser })).status).toBe(403);
    const mine = await api.request('GET', '/trajectories', { token: cmw });
    expect(mine.body.items.map((t: { trajectoryId: string }) => t.trajectoryId)).toEqual([trajectoryId]);
    const all = await api.request('GET', `/trajectories?networkId=${networkId}&status=ACTIVE&endsBefore=2027-02-01`, {
      token: department,
    });
    expect(all.body.items).toHaveLength(1);
  });

  it('both case managers confirm the plan (If-Match); a change to the plan asks both again', async () => {
    const stale = await api.request('POST', `/trajectories/${trajectoryId}/plan-confirmation`, {
      token: cmz,
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
    const outsider = await api.token({ role: 'casemanager-zorg', facility: MEMBER_B, sub: 'cmz-other' });
    expect(
      (
        await api.request('POST', `/trajectories/${trajectoryId}/plan-confirmation`, {
          token: outsider,
          headers: { 'if-match': '"1"' },
        })
      ).status,
    ).toBe(404);
    const byZorg = await api.request('POST', `/trajectories/${trajectoryId}/plan-confirmation`, {
      token: cmz,
      headers: { 'if-match': '"1"' },
    });
    expect(byZorg.status, byZorg.text).toBe(200);
    expect(byZorg.body.plan).toEqual({ confirmed: false, confirmedByCasemanagerZorg: expect.any(String) });
    const byWerk = await api.request('POST', `/trajectories/${trajectoryId}/plan-confirmation`, {
      token: cmw,
      headers: { 'if-match': '"2"' },
    });
    expect(byWerk.body.plan).toMatchObject({ confirmed: true, confirmedByCasemanagerWerk: expect.any(String) });
    const changed = await api.request('PATCH', `/trajectories/${trajectoryId}`, {
      token: cmw,
      headers: { 'if-match': '"3"' },
      body: { careActions: [] },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.plan).toEqual({ confirmed: false });
  });

  it('PATCH by either case manager with If-Match, never past maxEndDate; concurrent patches: one wins', async () => {
    const current = (await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmw })).body.version as number;
    const stale = await api.request('PATCH', `/trajectories/${trajectoryId}`, {
      token: cmw,
      headers: { 'if-match': '"0"' },
      body: { plannedEndDate: '2027-03-31' },
    });
    expect(stale.status).toBe(412);
    const tooLate = await api.request('PATCH', `/trajectories/${trajectoryId}`, {
      token: cmw,
      headers: { 'if-match': `"${current}"` },
      body: { plannedEndDate: '2027-07-15' },
    });
    expect(tooLate.status).toBe(422);
    const responses = await Promise.all(
      ['2027-03-31', '2027-04-30', '2027-05-31'].map((date) =>
        api.request('PATCH', `/trajectories/${trajectoryId}`, {
          token: cmw,
          headers: { 'if-match': `"${current}"` },
          body: { plannedEndDate: date },
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412, 412]);
  });

  it('an extension beyond 18 months: requested (the department is emailed), granted, maxEndDate moves, both case managers emailed', async () => {
    const current = await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmz });
    const tooFar = await api.request('POST', `/trajectories/${trajectoryId}/extension-requests`, {
      token: cmz,
      body: { plannedEndDate: '2040-12-31', reason: 'Uitzonderlijke omstandigheden.' },
    });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.errors).toEqual([
      expect.objectContaining({
        path: 'plannedEndDate',
        rule: 'trajectory-extension',
        message: expect.stringContaining('2028-01-14'),
      }),
    ]);
    const within = await api.request('POST', `/trajectories/${trajectoryId}/extension-requests`, {
      token: cmz,
      body: { plannedEndDate: '2027-07-14', reason: 'x' },
    });
    expect(within.body.errors).toEqual([expect.objectContaining({ rule: 'trajectory-extension' })]);
    const requested = await api.request('POST', `/trajectories/${trajectoryId}/extension-requests`, {
      token: cmz,
      body: { plannedEndDate: '2027-09-30', reason: 'Uitzonderlijke omstandigheden.' },
    });
    expect(requested.status, requested.text).toBe(201);
    const told = (await api.emails(DEPARTMENT_EMAIL)).filter((m) => m.subject.startsWith('Verlenging gevraagd'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body.text).toContain(requested.body.requestId);
    expect(told[0]!.body.text).not.toContain('Uitzonderlijke omstandigheden');
    // It waits in the department's queue, under the trajectory's werkingsgebied, until it is decided.
    const queued = await api.request('GET', '/department/queue?kind=EXTENSION_REQUEST&region=GENT', { token: department });
    expect(queued.status, queued.text).toBe(200);
    expect(queued.body.items).toEqual([
      expect.objectContaining({
        kind: 'EXTENSION_REQUEST',
        subjectId: requested.body.requestId,
        region: 'GENT',
        ageInDays: 0,
        href: `/trajectories/${trajectoryId}`,
      }),
    ]);
    expect(queued.text).not.toContain(CLIENT.reference);
    expect(
      (await api.request('GET', '/department/queue?kind=EXTENSION_REQUEST&region=ANTWERPEN', { token: department })).body.items,
    ).toEqual([]);
    expect(
      (
        await api.request('POST', `/extension-requests/${requested.body.requestId}/decision`, {
          token: cmz,
          body: { granted: true, motivation: 'x' },
        })
      ).status,
    ).toBe(403);
    const decided = await api.request('POST', `/extension-requests/${requested.body.requestId}/decision`, {
      token: department,
      body: { granted: true, motivation: 'Goed gemotiveerd.' },
    });
    expect(decided.status, decided.text).toBe(200);
    expect((await api.request('GET', '/department/queue?kind=EXTENSION_REQUEST', { token: department })).body.items).toEqual([]);
    const after = await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmz });
    expect(after.body).toMatchObject({
      maxEndDate: '2027-09-30',
      plannedEndDate: '2027-09-30',
      version: current.body.version + 1,
    });
    expect((await api.emails(cmzEmail)).filter((m) => m.subject.includes('Verlenging'))).toHaveLength(1);
    expect((await api.emails(cmwEmail)).filter((m) => m.subject.includes('Verlenging'))).toHaveLength(1);
    const again = await api.request('POST', `/extension-requests/${requested.body.requestId}/decision`, {
      token: department,
      body: { granted: false, motivation: 'x' },
    });
    expect(again.status).toBe(409);
  });

  it('an older extension request granted after a later one is refused 409: the maximum end never moves back', async () => {
    const ask = async (plannedEndDate: string) => {
      const r = await api.request('POST', `/trajectories/${trajectoryId}/extension-requests`, {
        token: cmz,
        body: { plannedEndDate, reason: 'Verdere begeleiding nodig.' },
      });
      expect(r.status, r.text).toBe(201);
      return r.body.requestId as string;
    };
    const shorter = await ask('2027-10-31');
    const longer = await ask('2027-12-31');
    const decide = (requestId: string, granted: boolean) =>
      api.request('POST', `/extension-requests/${requestId}/decision`, {
        token: department,
        body: { granted, motivation: 'Beoordeeld.' },
      });
    expect((await decide(longer, true)).status).toBe(200);
    const before = await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmz });
    const superseded = await decide(shorter, true);
    expect(superseded.status).toBe(409);
    expect(superseded.body.type).toBe('/problems/extension-superseded');
    const after = await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmz });
    expect(after.body).toEqual(before.body);
    expect(after.body.maxEndDate).toBe('2027-12-31');
    expect((await decide(shorter, false)).status).toBe(200);
  });

  it('reassignment: only to a casemanager Zorg of the samenwerkingsverband and a known casemanager Werk; everyone involved is emailed', async () => {
    const cmw2Email = mailbox('cmw2');
    const cmw2 = await api.token({ role: 'casemanager-werk', sub: 'cmw-2', email: cmw2Email });
    const unknown = await api.request('POST', `/trajectories/${trajectoryId}/reassignment`, {
      token: department,
      body: { casemanagerWerk: { id: 'cmw-2', email: cmw2Email } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ path: 'casemanagerWerk.id', rule: 'casemanager-werk-known' }),
    ]);
    // cmw-2 becomes known by recording a start of their own.
    const own = await api.request('POST', '/trajectories', {
      token: cmw2,
      body: body({ client: { reference: 'VDAB-200', birthDate: '1980-01-01' } }),
    });
    expect(own.status, own.text).toBe(201);
    const outsideCooperation = await api.request('POST', `/trajectories/${trajectoryId}/reassignment`, {
      token: department,
      body: { casemanagerZorg: { id: 'cmz-9', email: mailbox('cmz9'), enterpriseNumber: UNMANDATED } },
    });
    expect(outsideCooperation.status).toBe(422);
    expect(outsideCooperation.body.rule).toBe('casemanager-zorg-of-cooperation');
    const reassigned = await api.request('POST', `/trajectories/${trajectoryId}/reassignment`, {
      token: department,
      body: { casemanagerWerk: { id: 'cmw-2', email: cmw2Email } },
    });
    expect(reassigned.status, reassigned.text).toBe(200);
    expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmw })).status).toBe(404);
    expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmw2 })).status).toBe(200);
    const toOld = (await api.emails(cmwEmail)).filter((m) => m.subject.includes('andere casemanager'));
    expect(toOld).toHaveLength(1);
    expect(toOld[0]!.body.text).toContain('niet langer');
    expect((await api.emails(cmw2Email)).filter((m) => m.subject.includes('andere casemanager'))).toHaveLength(1);
    expect((await api.emails(cmzEmail)).filter((m) => m.subject.includes('andere casemanager'))).toHaveLength(1);

    const colleague = await api.token({ role: 'casemanager-zorg', facility: MEMBER_A, sub: 'cmz-3', email: mailbox('cmz3') });
    const stranger = await api.token({ role: 'casemanager-zorg', facility: UNMANDATED, sub: 'cmz-4' });
    expect(
      (await api.request('POST', `/trajectories/${trajectoryId}/reassignment`, { token: stranger, body: { takeOver: true } }))
        .status,
    ).toBe(404);
    const takenOver = await api.request('POST', `/trajectories/${trajectoryId}/reassignment`, {
      token: colleague,
      body: { takeOver: true },
    });
    expect(takenOver.status, takenOver.text).toBe(200);
    expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmz })).status).toBe(404);
    cmz = colleague;
    cmw = cmw2;
  });

  it('closing: an end date between the start and maxEndDate and not in the future; then read-only, and the client is free', async () => {
    const close = (endDate: string, outcome = 'PAID_WORK') =>
      api.request('POST', `/trajectories/${trajectoryId}/close`, { token: cmw, body: { endDate, outcome } });
    for (const endDate of ['2030-01-01', '9999-12-31', '2026-01-14', '2026-09-30']) {
      const refused = await close(endDate);
      expect(refused.status, endDate).toBe(422);
      expect(refused.body.errors, endDate).toEqual([expect.objectContaining({ path: 'endDate', rule: 'trajectory-end-date' })]);
    }
    api.setNow('2026-10-01T09:00:00.000Z');
    const closed = await close('2026-09-30');
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', outcome: 'PAID_WORK', endDate: '2026-09-30' });
    const patch = await api.request('PATCH', `/trajectories/${trajectoryId}`, {
      token: cmw,
      headers: { 'if-match': `"${closed.body.version}"` },
      body: { plannedEndDate: '2027-01-31' },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.rule).toBe('trajectory-closed');
  });

  it('the department reopens a wrongly closed trajectory with a reason; the statistics follow', async () => {
    const reason = 'Afgesloten in het verkeerde dossier.';
    expect((await api.request('POST', `/trajectories/${trajectoryId}/reopening`, { token: cmw, body: { reason } })).status).toBe(
      403,
    );
    const reopened = await api.request('POST', `/trajectories/${trajectoryId}/reopening`, {
      token: department,
      body: { reason },
    });
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'ACTIVE',
      corrections: [{ action: 'reopened', by: 'dept-1', reason, endDate: '2026-09-30', outcome: 'PAID_WORK' }],
    });
    expect(reopened.body.endDate).toBeUndefined();
    expect(reopened.body.outcome).toBeUndefined();
    const again = await api.request('POST', `/trajectories/${trajectoryId}/reopening`, { token: department, body: { reason } });
    expect(again.status).toBe(409);
    const stats = await api.request('GET', '/statistics/trajectories', { token: department });
    expect(stats.body.byOutcome).toEqual({});
    // The client holds this trajectory again: a new start for them is refused.
    expect(
      (
        await api.request('POST', '/trajectories', {
          token: cmw,
          body: body({ startDate: '2026-10-01', plannedEndDate: '2027-03-31', workActions: [], careActions: [] }),
        })
      ).status,
    ).toBe(409);
    const closed = await api.request('POST', `/trajectories/${trajectoryId}/close`, {
      token: cmw,
      body: { endDate: '2026-09-30', outcome: 'CARE' },
    });
    expect(closed.status, closed.text).toBe(200);
    const next = await api.request('POST', '/trajectories', {
      token: cmw,
      body: body({ startDate: '2026-10-01', plannedEndDate: '2027-03-31', workActions: [], careActions: [] }),
    });
    expect(next.status, next.text).toBe(201);
  });

  it('the audit trail records every read and write, for the department only', async () => {
    const audit = await api.request('GET', `/trajectories/${trajectoryId}/audit`, { token: department });
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('created');
    expect(actions).toEqual(
      expect.arrayContaining([
        'read',
        'listed',
        'plan-confirmed-by-casemanager-zorg',
        'plan-confirmed-by-casemanager-werk',
        'plan-changed-end-date',
        'extension-requested',
        'extension-granted',
        'closed-PAID_WORK',
        'reopened',
        'closed-CARE',
      ]),
    );
    expect(actions.some((a: string) => a.startsWith('reassigned: casemanager-werk cmw-1 → cmw-2'))).toBe(true);
    expect(audit.body.items.every((e: { by: string; at: string }) => e.by && e.at)).toBe(true);
    expect((await api.request('GET', `/trajectories/${trajectoryId}/audit`, { token: cmw })).status).toBe(403);
  });

  it('statistics without client data: with three trajectories, every count would single someone out and is suppressed', async () => {
    const stats = await api.request('GET', '/statistics/trajectories', { token: department });
    expect(stats.status, stats.text).toBe(200);
    expect(stats.body).toMatchObject({
      suppressedBelow: 5,
      total: null,
      byNetwork: [{ networkId, active: null, closed: null }],
      byStatus: { ACTIVE: null, CLOSED: null },
      byOutcome: { CARE: null },
      durationDays: { closed: null },
    });
    expect(stats.text).not.toContain(CLIENT.reference);
    expect(stats.text).not.toContain(CLIENT.birthDate);
  });

  it('the report: filtered by region, network, period and regime, with durations and months; as CSV with Accept: text/csv; department only', async () => {
    // Twelve trajectories of one network in LEUVEN, written straight into the table: 7 active, 5 closed.
    const seeded = Array.from({ length: 12 }, (_, i) => {
      const t = trajectoryFixture('2026-12-31', { startDate: `2026-02-${String(i + 1).padStart(2, '0')}` });
      const closed = i < 5;
      return {
        ...t,
        networkId: '7e57a11e-0000-4000-8000-000000000001',
        werkingsgebied: 'LEUVEN',
        ...(closed ? { status: 'CLOSED', endDate: `2026-0${5 + (i % 2)}-15`, outcome: 'WORK' } : {}),
      };
    });
    await putAll(api.deps(), seeded);
    const report = await api.request('GET', '/statistics/trajectories?region=LEUVEN', { token: department });
    expect(report.status, report.text).toBe(200);
    expect(report.body).toMatchObject({
      filter: { region: 'LEUVEN' },
      total: 12,
      byStatus: { ACTIVE: 7, CLOSED: 5 },
      byOutcome: { WORK: 5 },
      byNetwork: [{ networkId: '7e57a11e-0000-4000-8000-000000000001', active: 7, closed: 5 }],
    });
    expect(report.body.perMonth).toEqual([
      { month: '2026-02', started: 12, ended: 0 },
      { month: '2026-05', started: 0, ended: null }, // 3 ended in May: suppressed
      { month: '2026-06', started: 0, ended: null }, // 2 in June
    ]);
    // Days from start to end: 2026-02-01→05-15 = 103, 02-02→06-15 = 133, 02-03→05-15 = 101, 02-04→06-15 = 131, 02-05→05-15 = 99.
    expect(report.body.durationDays).toEqual({ closed: 5, median: 103, q1: 101, q3: 131 });
    expect(
      (await api.request('GET', '/statistics/trajectories?region=LEUVEN&from=2026-02-08', { token: department })).body.total,
    ).toBe(5);
    expect(
      (await api.request('GET', '/statistics/trajectories?region=LEUVEN&regime=DECREE_2014', { token: department })).body.total,
    ).toBe(0);
    const csv = await fetch(`${api.baseUrl}/statistics/trajectories?region=LEUVEN`, {
      headers: { authorization: `Bearer ${department}`, accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('section,key,measure,value');
    expect(lines).toContain('total,,trajectories,12');
    expect(lines).toContain('month,2026-05,ended,');
    expect(lines).toContain('duration-days,,median,103');
    const before = await api.scanTable();
    expect((await api.request('GET', '/statistics/trajectories?region=NOWHERE', { token: department })).status).toBe(422);
    expect((await api.request('GET', '/statistics/trajectories?from=2026-13-01', { token: department })).status).toBe(422);
    expect((await api.request('GET', '/statistics/trajectories', { token: cmz })).status).toBe(403);
    expect(await api.scanTable()).toEqual(before);
  });

  it('no client reference or birth date in any log line or email of this whole flow', async () => {
    const logs = output.join('');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toContain('trajectory created');
    expect(logs).not.toContain(CLIENT.reference);
    expect(logs).not.toContain(CLIENT.birthDate);
    for (const mail of await api.emails()) {
      const text = `${mail.subject}\n${mail.body.text ?? ''}\n${mail.body.html ?? ''}`;
      expect(text).not.toContain(CLIENT.reference);
      expect(text).not.toContain(CLIENT.birthDate);
    }
  });
});

describe('a trajectory requested under the 2014 rules', () => {
  it('keeps them: its casemanager Zorg is reassigned only to a network member holding a mandate, not by the samenwerkingsverband', async () => {
    const legacy = trajectoryFixture('2023-12-31', { startDate: '2023-06-20' });
    legacy.networkId = networkId;
    legacy.casemanagerZorg = { id: 'cmz-legacy', email: mailbox('cmz-legacy'), enterpriseNumber: MEMBER_A };
    expect((await insertTrajectory(api.deps(), legacy, { userId: 'seed', roles: ['casemanager-zorg'] })).ok).toBe(true);
    const read = await api.request('GET', `/trajectories/${legacy.trajectoryId}`, { token: department });
    expect(read.body.regime).toBe('DECREE_2014');
    const reassign = (enterpriseNumber: string) =>
      api.request('POST', `/trajectories/${legacy.trajectoryId}/reassignment`, {
        token: department,
        body: { casemanagerZorg: { id: `cmz-${enterpriseNumber}`, email: mailbox(`cmz-${enterpriseNumber}`), enterpriseNumber } },
      });
    // MEMBER_C belongs to the samenwerkingsverband and holds a mandate, but is not in this trajectory's network.
    const notInNetwork = await reassign(MEMBER_C);
    expect(notInNetwork.status).toBe(422);
    expect(notInNetwork.body.errors).toEqual([
      expect.objectContaining({ path: 'casemanagerZorg.enterpriseNumber', rule: 'casemanager-zorg-facility-mandate' }),
    ]);
    // MEMBER_B is in the network and holds a per-facility mandate granted under the 2014 rules.
    const inNetwork = await reassign(MEMBER_B);
    expect(inNetwork.status, inNetwork.text).toBe(200);
    expect(inNetwork.body.casemanagerZorg.enterpriseNumber).toBe(MEMBER_B);
    // Withdrawing MEMBER_B's mandate lists this trajectory for reassignment (ids and dates only).
    const mandates = await api.request('GET', `/facilities/${MEMBER_B}/mandate-requests`, { token: department });
    const mandate = (mandates.body.items as Array<{ requestId: string; kind: string; status: string }>).find(
      (r) => r.kind === 'CASEMANAGER_ZORG' && r.status === 'GRANTED',
    )!;
    const withdrawn = await api.request('POST', `/mandate-requests/${mandate.requestId}/withdrawal`, {
      token: department,
      body: { reason: 'De voorwaarden van 2014 zijn niet meer vervuld.', withdrawnOn: '2027-06-01' },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body.toReassign).toEqual({
      trajectories: [{ trajectoryId: legacy.trajectoryId, startDate: legacy.startDate, plannedEndDate: legacy.plannedEndDate }],
      agreements: [],
    });
  });
});

describe('withdrawing a samenwerkingsverband Zorg', () => {
  it('from a date: no trajectory starts with its casemanagers Zorg from then, its renewals fall away, and the werkingsgebied is free', async () => {
    const current = await api.request('GET', `/cooperations/${cooperationId}`, { token: department });
    const etag = current.headers.get('etag')!;
    const url = `/cooperations/${cooperationId}/withdrawal`;
    expect((await api.request('POST', url, { token: cmw, headers: { 'if-match': etag }, body: { reason: 'x' } })).status).toBe(
      403,
    );
    expect(
      (await api.request('POST', url, { token: department, headers: { 'if-match': '"99"' }, body: { reason: 'x' } })).status,
    ).toBe(412);
    const outside = await api.request('POST', url, {
      token: department,
      headers: { 'if-match': etag },
      body: { reason: 'x', withdrawnOn: '2040-01-01' },
    });
    expect(outside.status).toBe(409);
    expect(outside.body.rule).toBe('mandate-withdrawal');
    const withdrawn = await api.request('POST', url, {
      token: department,
      headers: { 'if-match': etag },
      body: { reason: 'Een lid voldoet niet meer aan de voorwaarden.', withdrawnOn: '2026-12-01' },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    // Its running trajectories are listed for reassignment (ids and dates only), and its members are emailed.
    const all = await api.request('GET', '/trajectories?limit=100', { token: department });
    const running = (
      all.body.items as Array<{ trajectoryId: string; status: string; casemanagerZorg: { enterpriseNumber: string } }>
    )
      .filter((t) => t.status !== 'CLOSED' && [MEMBER_A, MEMBER_B, MEMBER_C].includes(t.casemanagerZorg.enterpriseNumber))
      .map((t) => t.trajectoryId);
    const listed = withdrawn.body.trajectoriesToReassign.map((t: { trajectoryId: string }) => t.trajectoryId);
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(running).toContain(id);
    expect(Object.keys(withdrawn.body.trajectoriesToReassign[0]).sort()).toEqual(['plannedEndDate', 'startDate', 'trajectoryId']);
    const told = (await api.emails()).filter((m) => m.subject.startsWith('Het mandaat van Samenwerkingsverband Zorg Gent'));
    expect(told).toHaveLength(3);
    expect(told[0]!.body.text).toContain(`nog ${listed.length} trajecten`);
    expect(withdrawn.body.mandates).toEqual([
      {
        validFrom: '2025-01-01',
        validUntil: '2029-12-31',
        withdrawnOn: '2026-12-01',
        withdrawalReason: 'Een lid voldoet niet meer aan de voorwaarden.',
      },
    ]);
    const start = await api.request('POST', '/trajectories', {
      token: cmw,
      body: body({
        client: { reference: 'VDAB-300', birthDate: '1985-01-01' },
        startDate: '2026-12-01',
        plannedEndDate: '2027-06-30',
        workActions: [],
        careActions: [],
      }),
    });
    expect(start.status).toBe(422);
    expect(start.body.rule).toBe('casemanager-zorg-of-cooperation');
    const renewed = await api.request('POST', `/cooperations/${cooperationId}/renewal`, {
      token: department,
      headers: { 'if-match': withdrawn.headers.get('etag')! },
    });
    expect(renewed.status).toBe(409);
    const successor = await api.request('POST', '/cooperations', {
      token: department,
      body: cooperationBody({ validFrom: '2026-12-01' }),
    });
    expect(successor.status, successor.text).toBe(201);
  });
});

describe("the department's queues", () => {
  it('lists the mandate and extension requests of every facility and trajectory, oldest first, by status; for the department only', async () => {
    const waiting = await api.request('GET', '/mandate-requests?status=REQUESTED&limit=100', { token: department });
    expect(waiting.status, waiting.text).toBe(200);
    const waitingFrom = (waiting.body.items as Array<{ enterpriseNumber: string; status: string }>).map(
      (r) => r.enterpriseNumber,
    );
    expect(waitingFrom).toEqual(expect.arrayContaining([UNMANDATED, OTHER_ONLY, OUTSIDER]));
    expect((waiting.body.items as Array<{ status: string }>).every((r) => r.status === 'REQUESTED')).toBe(true);
    expect(waiting.text).not.toContain('GSI');
    const granted = await api.request('GET', '/mandate-requests?status=GRANTED&kind=CASEMANAGER_ZORG', { token: department });
    expect((granted.body.items as Array<{ enterpriseNumber: string }>).map((r) => r.enterpriseNumber).sort()).toEqual(
      [MEMBER_B, MEMBER_C].sort(),
    );
    const all = await api.request('GET', '/mandate-requests?limit=100', { token: department });
    const created = (all.body.items as Array<{ createdAt: string }>).map((r) => r.createdAt);
    expect(created).toEqual([...created].sort());
    const page = await api.request('GET', '/mandate-requests?limit=1', { token: department });
    expect(page.body.nextCursor).toEqual(expect.any(String));

    const extensions = await api.request('GET', '/extension-requests?limit=100', { token: department });
    expect(extensions.status, extensions.text).toBe(200);
    expect((extensions.body.items as Array<{ status: string }>).map((r) => r.status).sort()).toEqual([
      'GRANTED',
      'GRANTED',
      'REFUSED',
    ]);
    expect((await api.request('GET', '/extension-requests?status=REQUESTED', { token: department })).body.items).toEqual([]);
    expect(extensions.text).not.toContain('GSI');
    expect((await api.request('GET', '/extension-requests', { token: cmz })).status).toBe(403);
  });

  it('one work queue: each kind oldest first with its age in days, filtered by province and sub-kind, with a summary of counts; department only', async () => {
    const queue = await api.request('GET', '/department/queue?kind=MANDATE_REQUEST&limit=100', { token: department });
    expect(queue.status, queue.text).toBe(200);
    const lines = queue.body.items as Array<{
      enterpriseNumber: string;
      since: string;
      subKind: string;
      ageInDays: number;
      title: string;
    }>;
    // Exactly the requests that still wait (granted and refused ones left the queue when decided).
    expect(lines.map((l) => l.enterpriseNumber).sort()).toEqual([UNMANDATED, OTHER_ONLY, OUTSIDER].sort());
    expect(lines.map((l) => l.since)).toEqual(lines.map((l) => l.since).sort());
    expect(lines.map((l) => l.subKind).sort()).toEqual(['BEGELEIDER_AMA', 'CASEMANAGER_ZORG', 'CASEMANAGER_ZORG']);
    expect(lines.every((l) => l.ageInDays >= 0 && l.title.startsWith('Aanvraag '))).toBe(true);
    const recognitions = await api.request('GET', '/department/queue?kind=MANDATE_REQUEST&subKind=BEGELEIDER_AMA', {
      token: department,
    });
    expect(recognitions.body.items.map((l: { enterpriseNumber: string }) => l.enterpriseNumber)).toEqual([OUTSIDER]);
    expect(
      (await api.request('GET', '/department/queue?kind=MANDATE_REQUEST&province=LIMBURG', { token: department })).body.items,
    ).toEqual([]);
    const page = await api.request('GET', '/department/queue?kind=MANDATE_REQUEST&limit=2', { token: department });
    expect(page.body.items).toHaveLength(2);
    const rest = await api.request(
      'GET',
      `/department/queue?kind=MANDATE_REQUEST&limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`,
      {
        token: department,
      },
    );
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    // A week later, the same lines are 7 days older.
    const today = api.deps().clock();
    api.setNow(new Date(Date.parse(lines[0]!.since) + 7 * 86_400_000 + 1_000));
    const later = await api.request('GET', '/department/queue?kind=MANDATE_REQUEST&limit=1', { token: department });
    expect(later.body.items[0].ageInDays).toBe(7);
    const summary = await api.request('GET', '/department/queue/summary', { token: department });
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body.kinds).toEqual(
      expect.arrayContaining([
        { kind: 'MANDATE_REQUEST', count: 3, oldestSince: lines[0]!.since, oldestAgeInDays: 7 },
        { kind: 'EXTENSION_REQUEST', count: 0 },
      ]),
    );
    api.setNow(today);
    const before = await api.scanTable();
    for (const bad of [
      'kind=NOPE',
      '',
      'kind=MANDATE_REQUEST&region=NOWHERE',
      'kind=MANDATE_REQUEST&limit=0',
      'kind=MANDATE_REQUEST&cursor=abc', // a cursor this query never gave out: 400
    ]) {
      const refused = await api.request('GET', `/department/queue?${bad}`, { token: department });
      expect(refused.status, bad).toBe(bad.includes('cursor') ? 400 : 422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    for (const token of [cmz, cmw]) {
      expect((await api.request('GET', '/department/queue?kind=MANDATE_REQUEST', { token })).status).toBe(403);
      expect((await api.request('GET', '/department/queue/summary', { token })).status).toBe(403);
    }
    expect(await api.scanTable()).toEqual(before);
  });
});

describe('ending a network', () => {
  it('from a date, with the reason: no trajectory starts with it from then; its active trajectories are listed for reassignment; its members are emailed', async () => {
    const today = brusselsDateOf(api.deps().clock());
    const url = `/networks/${networkId}/withdrawal`;
    const before = await api.scanTable();
    const past = await api.request('POST', url, { token: department, body: { reason: 'x', withdrawnOn: addDays(today, -1) } });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: 'withdrawnOn', rule: 'network-withdrawal' })]);
    expect((await api.request('POST', url, { token: department, body: {} })).status).toBe(422);
    expect((await api.request('POST', url, { token: cmz, body: { reason: 'x' } })).status).toBe(403);
    expect(
      (
        await api.request('POST', '/networks/00000000-0000-4000-8000-000000000000/withdrawal', {
          token: department,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(await api.scanTable()).toEqual(before);

    const withdrawnOn = addDays(today, 30);
    const ended = await api.request('POST', url, {
      token: department,
      body: { reason: 'Het netwerk voldoet niet meer aan de voorwaarden van de oproep.', withdrawnOn },
    });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.body.network).toMatchObject({
      networkId,
      withdrawnOn,
      withdrawalReason: expect.stringContaining('voorwaarden'),
    });
    const active = (await api.request('GET', '/trajectories?limit=100', { token: department })).body.items.filter(
      (t: { networkId: string; status: string }) => t.networkId === networkId && t.status === 'ACTIVE',
    );
    expect(active.length).toBeGreaterThan(0);
    expect(ended.body.trajectoriesToReassign.map((t: { trajectoryId: string }) => t.trajectoryId).sort()).toEqual(
      active.map((t: { trajectoryId: string }) => t.trajectoryId).sort(),
    );
    expect(ended.text).not.toContain(CLIENT.reference);
    const again = await api.request('POST', url, { token: department, body: { reason: 'x' } });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('network-withdrawal');
    for (const en of [MEMBER_A, PARTNER, MEMBER_B]) {
      const email = (await api.request('GET', `/facilities/${en}`, { token: department })).body.email as string;
      const told = (await api.emails(email)).filter((m) => m.subject.includes('beëindigd'));
      expect(told, en).toHaveLength(1);
      expect(told[0]!.body.text).toContain(withdrawnOn);
    }
    // A trajectory starting on the day it ends is refused, naming the rule.
    const start = await api.request('POST', '/trajectories', {
      token: cmw,
      body: body({
        client: { reference: 'VDAB-NET-END', birthDate: '1985-01-01' },
        startDate: withdrawnOn,
        plannedEndDate: addDays(withdrawnOn, 180),
        workActions: [],
        careActions: [],
      }),
    });
    expect(start.status).toBe(422);
    expect(start.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'networkId', rule: 'network-withdrawal' })]),
    );

    // The department moves a trajectory to another network of its werkingsgebied; its case managers are told.
    const register = async (region: string) => {
      const created = await api.request('POST', '/networks', {
        token: department,
        body: {
          region,
          leadEnterpriseNumber: MEMBER_C,
          partners: [{ enterpriseNumber: MEMBER_A, role: 'zorgpartner' }],
          appointedAt: '2025-09-01T00:00:00+02:00',
        },
      });
      expect(created.status, created.text).toBe(201);
      return created.body.networkId as string;
    };
    const [gent, leuven] = [await register('GENT'), await register('LEUVEN')];
    const listed = await Promise.all(
      ended.body.trajectoriesToReassign.map(
        async (t: { trajectoryId: string }) =>
          (await api.request('GET', `/trajectories/${t.trajectoryId}`, { token: department })).body,
      ),
    );
    const moving = listed.find((t: { regime: string }) => t.regime === 'DECREE_2022').trajectoryId as string;
    const legacyOne = listed.find((t: { regime: string }) => t.regime === 'DECREE_2014');
    const move = (token: string, networkId: string, trajectoryId = moving) =>
      api.request('POST', `/trajectories/${trajectoryId}/reassignment`, { token, body: { networkId } });
    // A casemanager Zorg of the trajectory's facility may only take over (403); any other does not see it (404).
    const trajectory = await api.request('GET', `/trajectories/${moving}`, { token: department });
    const unchanged = await api.scanTable();
    const ownFacility = await api.token({
      role: 'casemanager-zorg',
      facility: trajectory.body.casemanagerZorg.enterpriseNumber,
      sub: 'cmz-same-facility',
    });
    expect((await move(ownFacility, gent)).status).toBe(403);
    expect((await move(await api.token({ role: 'casemanager-zorg', facility: OUTSIDER, sub: 'cmz-x' }), gent)).status).toBe(404);
    const sameNetwork = await move(department, networkId);
    expect(sameNetwork.status).toBe(422);
    expect(sameNetwork.body.errors[0].path).toBe('networkId');
    const otherRegion = await move(department, leuven);
    expect(otherRegion.status).toBe(422);
    expect(otherRegion.body.errors).toEqual([expect.objectContaining({ path: 'networkId', rule: 'network-in-werkingsgebied' })]);
    // Under the 2014 rules its casemanager Zorg must work for a member of the new network: name one, or it is refused.
    const legacyMove = await move(department, gent, legacyOne.trajectoryId);
    expect(legacyMove.status).toBe(422);
    expect(legacyMove.body.errors).toEqual([
      expect.objectContaining({ path: 'casemanagerZorg.enterpriseNumber', rule: 'casemanager-zorg-facility-mandate' }),
    ]);
    expect(await api.scanTable()).toEqual(unchanged);
    const moved = await move(department, gent);
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.networkId).toBe(gent);
    const audit = await api.request('GET', `/trajectories/${moving}/audit`, { token: department });
    expect(JSON.stringify(audit.body)).toContain(`network ${networkId} → ${gent}`);
    const told = (await api.emails(moved.body.casemanagerZorg.email)).filter((m) => m.subject.endsWith('ander netwerk'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body.text).toContain('regio GENT');
  });
});
