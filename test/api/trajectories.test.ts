import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';
import { Trajectory } from '../../shared/schemas/trajectories.ts';

let api: TestApi;
let department: string;
const MANDATED = enterpriseNumber(9001);
const PARTNER = enterpriseNumber(9002);
const UNMANDATED = enterpriseNumber(9003);
const OUTSIDER = enterpriseNumber(9004);
const CLIENT = { reference: 'VDAB-77120934', birthDate: '1990-04-12' };
const cmzEmail = mailbox('cmz');
const cmwEmail = mailbox('cmw');
let networkId: string;
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
  await registerFacility(api, department, MANDATED, {
    recognitions: [{ authority: 'JONGERENWELZIJN', validFrom: '2018-01-01' }],
  });
  await registerFacility(api, department, PARTNER, { recognitions: [{ authority: 'VDAB', validFrom: '2018-01-01' }] });
  await registerFacility(api, department, UNMANDATED, { recognitions: [{ authority: 'WELZIJN', validFrom: '2018-01-01' }] });
  await registerFacility(api, department, OUTSIDER);
  const network = await api.request('POST', '/networks', {
    token: department,
    body: {
      region: 'GENT',
      leadEnterpriseNumber: MANDATED,
      partners: [
        { enterpriseNumber: PARTNER, role: 'werkpartner' },
        { enterpriseNumber: UNMANDATED, role: 'zorgpartner' },
      ],
      appointedAt: '2025-07-01T00:00:00+02:00',
    },
  });
  expect(network.status, network.text).toBe(201);
  networkId = network.body.networkId;
  const facilityUser = await api.token({ role: 'facility', facility: MANDATED });
  const request = await api.request('POST', `/facilities/${MANDATED}/mandate-requests`, {
    token: facilityUser,
    body: { icfTrainedStaff: 2, icfTrainingDate: '2018-04-20', motivation: 'Wij begeleiden jongeren naar werk.' },
  });
  expect(request.status, request.text).toBe(201);
  const granted = await api.request('POST', `/mandate-requests/${request.body.requestId}/decision`, {
    token: department,
    body: { granted: true, validFrom: '2026-01-01' },
  });
  expect(granted.status, granted.text).toBe(200);
  cmz = await api.token({ role: 'casemanager-zorg', facility: MANDATED, sub: 'cmz-1', email: cmzEmail });
  cmw = await api.token({ role: 'casemanager-werk', sub: 'cmw-1', email: cmwEmail });
}, 120_000);

afterAll(async () => {
  restoreStdout();
  await api.close();
});

function body(overrides: Record<string, unknown> = {}) {
  return {
    networkId,
    casemanagerWerk: { id: 'cmw-1', email: cmwEmail },
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
        providerEnterpriseNumber: MANDATED,
        plannedStart: '2026-01-15',
        plannedEnd: '2026-12-31',
      },
    ],
    ...overrides,
  };
}

describe('mandates', () => {
  it('refuses to grant a mandate to a facility without a valid recognition (409), and lets only that facility and the department read requests', async () => {
    const outsiderUser = await api.token({ role: 'facility', facility: OUTSIDER });
    const request = await api.request('POST', `/facilities/${OUTSIDER}/mandate-requests`, {
      token: outsiderUser,
      body: { icfTrainedStaff: 1, motivation: 'x' },
    });
    expect(request.status).toBe(201);
    const refused = await api.request('POST', `/mandate-requests/${request.body.requestId}/decision`, {
      token: department,
      body: { granted: true, validFrom: '2026-01-01' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/no-valid-recognition');
    const other = await api.token({ role: 'facility', facility: MANDATED });
    expect((await api.request('GET', `/facilities/${OUTSIDER}/mandate-requests`, { token: other })).status).toBe(404);
    expect(
      (
        await api.request('POST', `/facilities/${OUTSIDER}/mandate-requests`, {
          token: other,
          body: { icfTrainedStaff: 1, motivation: 'x' },
        })
      ).status,
    ).toBe(404);
    const list = await api.request('GET', `/facilities/${MANDATED}/mandate-requests`, { token: department });
    expect(list.body.items).toEqual([
      expect.objectContaining({ kind: 'CASEMANAGER_ZORG', status: 'GRANTED', validFrom: '2026-01-01' }),
    ]);
  });
});

let trajectoryId: string;

describe('trajectories', () => {
  it('a casemanager Zorg of a mandated network member opens one, with minEndDate and maxEndDate', async () => {
    const response = await api.request('POST', '/trajectories', { token: cmz, body: body() });
    expect(response.status, response.text).toBe(201);
    const t = Trajectory.parse(response.body);
    expect(t).toMatchObject({
      status: 'ACTIVE',
      minEndDate: '2026-04-14',
      maxEndDate: '2027-07-14',
      casemanagerZorg: { id: 'cmz-1', email: cmzEmail, enterpriseNumber: MANDATED },
      casemanagerWerk: { id: 'cmw-1' },
      version: 1,
    });
    trajectoryId = t.trajectoryId;
  });

  it('one active trajectory per client (409, the reference is not echoed)', async () => {
    const response = await api.request('POST', '/trajectories', { token: cmz, body: body() });
    expect(response.status).toBe(409);
    expect(response.text).not.toContain(CLIENT.reference);
  });

  it('422 for an end beyond 18 months or under 3, and for a provider outside the network, naming the fields', async () => {
    const before = await api.scanTable();
    const late = await api.request('POST', '/trajectories', {
      token: cmz,
      body: body({ client: { ...CLIENT, reference: 'VDAB-1' }, plannedEndDate: '2027-07-15' }),
    });
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([{ path: 'plannedEndDate', message: expect.stringContaining('2027-07-14') }]);
    const short = await api.request('POST', '/trajectories', {
      token: cmz,
      body: body({ client: { ...CLIENT, reference: 'VDAB-2' }, plannedEndDate: '2026-04-13' }),
    });
    expect(short.body.errors[0]).toEqual({ path: 'plannedEndDate', message: expect.stringContaining('2026-04-14') });
    const provider = await api.request('POST', '/trajectories', {
      token: cmz,
      body: body({
        client: { ...CLIENT, reference: 'VDAB-3' },
        workActions: [
          {
            type: 'X',
            description: 'y',
            providerEnterpriseNumber: OUTSIDER,
            plannedStart: '2026-02-01',
            plannedEnd: '2026-03-01',
          },
        ],
      }),
    });
    expect(provider.body.errors).toEqual([{ path: 'workActions[0].providerEnterpriseNumber', message: expect.any(String) }]);
    const unknownField = await api.request('POST', '/trajectories', {
      token: cmz,
      body: body({ client: { ...CLIENT, name: 'Jan Janssens' } }),
    });
    expect(unknownField.status).toBe(422);
    expect(unknownField.text).not.toContain('Jan Janssens');
    expect(await api.scanTable()).toEqual(before);
  });

  it('a casemanager Zorg of an unmandated facility is refused', async () => {
    const unmandated = await api.token({ role: 'casemanager-zorg', facility: UNMANDATED, sub: 'cmz-2' });
    const response = await api.request('POST', '/trajectories', {
      token: unmandated,
      body: body({ client: { ...CLIENT, reference: 'VDAB-9' } }),
    });
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('/problems/no-mandate');
  });

  it('only its two case managers and the department see it; everyone else gets 404', async () => {
    for (const token of [cmz, cmw, department]) {
      expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token })).status).toBe(200);
    }
    const others = [
      await api.token({ role: 'casemanager-zorg', facility: MANDATED, sub: 'cmz-other' }),
      await api.token({ role: 'casemanager-werk', sub: 'cmw-other' }),
    ];
    for (const token of others) {
      expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token })).status).toBe(404);
      expect((await api.request('GET', '/trajectories', { token })).body.items).toEqual([]);
    }
    const facilityUser = await api.token({ role: 'facility', facility: MANDATED });
    expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token: facilityUser })).status).toBe(403);
    const mine = await api.request('GET', '/trajectories', { token: cmw });
    expect(mine.body.items.map((t: { trajectoryId: string }) => t.trajectoryId)).toEqual([trajectoryId]);
    const all = await api.request('GET', `/trajectories?networkId=${networkId}&status=ACTIVE&endsBefore=2027-02-01`, {
      token: department,
    });
    expect(all.body.items).toHaveLength(1);
  });

  it('PATCH by either case manager with If-Match, never past maxEndDate; concurrent patches: one wins', async () => {
    const stale = await api.request('PATCH', `/trajectories/${trajectoryId}`, {
      token: cmw,
      headers: { 'if-match': '"0"' },
      body: { plannedEndDate: '2027-03-31' },
    });
    expect(stale.status).toBe(412);
    const tooLate = await api.request('PATCH', `/trajectories/${trajectoryId}`, {
      token: cmw,
      headers: { 'if-match': '"1"' },
      body: { plannedEndDate: '2027-07-15' },
    });
    expect(tooLate.status).toBe(422);
    const responses = await Promise.all(
      ['2027-03-31', '2027-04-30', '2027-05-31'].map((date) =>
        api.request('PATCH', `/trajectories/${trajectoryId}`, {
          token: cmw,
          headers: { 'if-match': '"1"' },
          body: { plannedEndDate: date },
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412, 412]);
  });

  it('an extension beyond 18 months: requested, granted by the department, maxEndDate moves, both case managers emailed', async () => {
    const current = await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmz });
    const requested = await api.request('POST', `/trajectories/${trajectoryId}/extension-requests`, {
      token: cmz,
      body: { plannedEndDate: '2027-09-30', reason: 'Uitzonderlijke omstandigheden.' },
    });
    expect(requested.status, requested.text).toBe(201);
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

  it('reassignment: the previous casemanager Werk loses access at once; a colleague Zorg of the same facility can take over', async () => {
    const newCmwEmail = mailbox('cmw2');
    const reassigned = await api.request('POST', `/trajectories/${trajectoryId}/reassignment`, {
      token: department,
      body: { casemanagerWerk: { id: 'cmw-2', email: newCmwEmail } },
    });
    expect(reassigned.status, reassigned.text).toBe(200);
    expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmw })).status).toBe(404);
    const cmw2 = await api.token({ role: 'casemanager-werk', sub: 'cmw-2' });
    expect((await api.request('GET', `/trajectories/${trajectoryId}`, { token: cmw2 })).status).toBe(200);
    const colleague = await api.token({ role: 'casemanager-zorg', facility: MANDATED, sub: 'cmz-3', email: mailbox('cmz3') });
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

  it('closing makes it read-only and frees the client for a new trajectory', async () => {
    const closed = await api.request('POST', `/trajectories/${trajectoryId}/close`, {
      token: cmw,
      body: { endDate: '2026-09-30', outcome: 'PAID_WORK' },
    });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', outcome: 'PAID_WORK', endDate: '2026-09-30' });
    const patch = await api.request('PATCH', `/trajectories/${trajectoryId}`, {
      token: cmw,
      headers: { 'if-match': `"${closed.body.version}"` },
      body: { plannedEndDate: '2027-01-31' },
    });
    expect(patch.status).toBe(409);
    const again = await api.request('POST', '/trajectories', {
      token: cmz,
      body: body({ casemanagerWerk: { id: 'cmw-2', email: cmwEmail } }),
    });
    expect(again.status, again.text).toBe(201);
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
        'plan-changed-end-date',
        'extension-requested',
        'extension-granted',
        'closed-PAID_WORK',
      ]),
    );
    expect(actions.some((a: string) => a.startsWith('reassigned: casemanager-werk cmw-1 → cmw-2'))).toBe(true);
    expect(audit.body.items.every((e: { by: string; at: string }) => e.by && e.at)).toBe(true);
    expect((await api.request('GET', `/trajectories/${trajectoryId}/audit`, { token: cmw })).status).toBe(403);
  });

  it('statistics count per network, status and outcome, without client data', async () => {
    const stats = await api.request('GET', '/statistics/trajectories', { token: department });
    expect(stats.body).toEqual({
      total: 2,
      byNetwork: [{ networkId, active: 1, closed: 1 }],
      byStatus: { ACTIVE: 1, CLOSED: 1 },
      byOutcome: { PAID_WORK: 1 },
    });
    expect(stats.text).not.toContain(CLIENT.reference);
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
