import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { runRetention } from '../../shared/handlers/retention-run.ts';
import { backfillRetentionKeys } from '../../shared/store/retention.ts';
import { putAll } from '../../shared/store/batch-write.ts';
import { getTrajectory, listAudit, type TrajectoryRecord } from '../../shared/store/trajectories.ts';
import { closedTrajectoryFixture } from '../helpers/trajectory-fixture.ts';
import { getAgreement, listAgreementAudit, newAgreement, withAgreementIndexKeys } from '../../shared/store/ama.ts';

let api: TestApi;
let department: string;
beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2031-06-29T01:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dept-1' });
});
afterAll(() => api.close());

/** A closed trajectory, with its client data typed as present (the fixture's). */
function closed(endDate: string) {
  return closedTrajectoryFixture(endDate) as TrajectoryRecord & {
    client: { reference: string; birthDate: string };
    clientKey: string;
  };
}

async function seed(records: TrajectoryRecord[]) {
  await putAll(api.deps(), records as unknown as Record<string, unknown>[]);
}

describe('the retention job (rule retention-trajectory-client-data)', () => {
  it('a trajectory closed more than 5 years ago loses its client data on the next run and keeps its statistics', async () => {
    const t = closed('2026-06-30');
    expect(t.GSI4PK).toBe('RETENTION');
    expect(t.GSI4SK).toBe(`2031-06-30#TRAJECTORY#${t.trajectoryId}`);
    await seed([t]);
    const deps = api.deps();

    // The day before its retention ends: nothing goes.
    expect(await runRetention(deps, '2031-06-29')).toMatchObject({ erased: 0 });
    expect((await getTrajectory(deps, t.trajectoryId))!.client).toEqual(t.client);

    const run = await runRetention(deps, '2031-06-30');
    expect(run).toMatchObject({ erased: 1, skipped: 0, itemsRead: 1 });
    const after = (await getTrajectory(deps, t.trajectoryId))!;
    expect(after.client).toBeUndefined();
    expect(after.clientKey).toBeUndefined();
    expect(after.GSI4PK).toBeUndefined();
    expect(after).toMatchObject({
      clientDataErasedOn: '2031-06-30',
      status: 'CLOSED',
      endDate: '2026-06-30',
      outcome: 'PAID_WORK',
      startDate: '2026-01-15',
      networkId: t.networkId,
      version: t.version + 1,
    });
    // No trace of the reference or the birth date anywhere in the table; one audit line that names neither.
    const table = JSON.stringify(await api.scanTable());
    expect(table).not.toContain(t.client.reference);
    expect(table).not.toContain(t.client.birthDate);
    expect(table).not.toContain('clientKey');
    const audit = await listAudit(deps, t.trajectoryId);
    expect(audit.map((a) => a.action)).toEqual(['client data removed: retention ended (rule retention-trajectory-client-data)']);
    expect(audit[0]).toMatchObject({ by: 'retention-job' });

    // The department still counts it; it reads without client data; it can no longer be reopened.
    const report = await api.request('GET', '/statistics/trajectories', { token: department });
    expect(report.status, report.text).toBe(200);
    expect(report.body.total === null || report.body.total >= 1).toBe(true);
    const read = await api.request('GET', `/trajectories/${t.trajectoryId}`, { token: department });
    expect(read.status, read.text).toBe(200);
    expect(read.body).not.toHaveProperty('client');
    expect(read.body.clientDataErasedOn).toBe('2031-06-30');
    const reopen = await api.request('POST', `/trajectories/${t.trajectoryId}/reopening`, {
      token: department,
      body: { reason: 'Verkeerd afgesloten.' },
    });
    expect(reopen.status).toBe(409);
    expect(reopen.body.rule).toBe('retention-trajectory-client-data');

    // Nothing more is due: the next run reads nothing.
    expect(await runRetention(deps, '2031-07-01')).toMatchObject({ itemsRead: 0, erased: 0 });
  });

  it('reads only what is due: 300 closed trajectories not yet due, 3 due (one of them missed days ago)', async () => {
    const notDue = Array.from({ length: 300 }, (_, i) => closed(`2027-0${1 + (i % 9)}-1${i % 10}`));
    const due = [closed('2026-07-01'), closed('2026-07-02'), closed('2026-06-20')];
    await seed([...notDue, ...due]);
    const run = await runRetention(api.deps(), '2031-07-02');
    expect(run).toMatchObject({ itemsRead: 3, erased: 3 });
    for (const t of notDue.slice(0, 5)) expect((await getTrajectory(api.deps(), t.trajectoryId))!.client).toEqual(t.client);
  });

  it('an AMA agreement ended more than 5 years ago loses its participant data (rule retention-ama-participant-data)', async () => {
    const audit = { actor: 'seed', now: new Date('2026-11-01T09:00:00.000Z') };
    const draft = newAgreement(
      '0123456749',
      '00000000-0000-4000-8000-00000000a001',
      {
        participant: { reference: 'DEELN-RET-1', birthDate: '1979-04-05' },
        werkpostId: '00000000-0000-4000-8000-00000000b001',
        activities: 'Sorteren van kleding.',
        weeklySchedule: [{ day: 'MA', from: '09:00', to: '12:30' }],
        startDate: '2026-12-01',
        evaluationDates: ['2027-03-01'],
        insurance: { insurer: 'Ethias', policyReference: 'POL-1' },
        werkpostbegeleider: { name: 'Sofie Claes-Retentie', phone: '+32 9 123 45 67' },
        participantStatus: { permission: 'VDAB_REFERRAL', reference: 'VDAB-TOEL-RET' },
        guidance: 'Wekelijks gesprek.',
        endingConditions: 'Twee weken opzeg.',
      },
      'c2VhbGVkLWlkZW50aXR5',
      audit,
    );
    const ended = withAgreementIndexKeys({ ...draft, status: 'ENDED', endDate: '2026-12-20', endReason: 'Doel bereikt.' });
    expect(ended.GSI4SK).toBe('2031-12-20#AMA#00000000-0000-4000-8000-00000000a001');
    await seed([ended as unknown as TrajectoryRecord]);
    expect(await runRetention(api.deps(), '2031-12-19')).toMatchObject({ erased: 0 });
    expect(await runRetention(api.deps(), '2031-12-20')).toMatchObject({ erased: 1, itemsRead: 1 });
    const after = (await getAgreement(api.deps(), ended.agreementId))!;
    expect(after.participant).toBeUndefined();
    expect(after.participantIdentityEncrypted).toBeUndefined();
    expect(after.participantStatus).toBeUndefined();
    expect(after.werkpostbegeleider).toBeUndefined();
    expect(after).toMatchObject({
      participantDataErasedOn: '2031-12-20',
      status: 'ENDED',
      startDate: '2026-12-01',
      endDate: '2026-12-20',
    });
    const table = JSON.stringify(await api.scanTable());
    for (const gone of ['DEELN-RET-1', '1979-04-05', 'c2VhbGVkLWlkZW50aXR5', 'VDAB-TOEL-RET', 'Sofie Claes-Retentie']) {
      expect(table, gone).not.toContain(gone);
    }
    // Read without them; no longer printed.
    const read = await api.request('GET', `/ama-agreements/${ended.agreementId}`, { token: department });
    expect(read.status, read.text).toBe(200);
    expect(read.body.participant).toEqual({ identityRecorded: false });
    expect(read.body.participantDataErasedOn).toBe('2031-12-20');
    const pdf = await api.request('GET', `/ama-agreements/${ended.agreementId}/document`, { token: department });
    expect(pdf.status, pdf.text).toBe(409);
    expect(pdf.body.rule).toBe('retention-ama-participant-data');
    const trail = await listAgreementAudit(api.deps(), ended.agreementId);
    // The removal, then the department's two reads (each read is audited, also the one refused).
    expect(trail.map((a) => a.action)).toEqual([
      'participant data removed: retention ended (rule retention-ama-participant-data)',
      'read',
      'document',
    ]);
  });

  it('a trajectory closed before the retention index existed is found once the migration gave it its keys', async () => {
    const { GSI4PK: _pk, GSI4SK: _sk, ...legacy } = closed('2026-03-31');
    await seed([legacy]);
    expect((await runRetention(api.deps(), '2031-03-31')).erased).toBe(0);
    const migrated = await backfillRetentionKeys(api.deps());
    expect(migrated.keyed).toBe(1);
    expect((await getTrajectory(api.deps(), legacy.trajectoryId))!.GSI4SK).toBe(`2031-03-31#TRAJECTORY#${legacy.trajectoryId}`);
    expect((await backfillRetentionKeys(api.deps())).keyed).toBe(0);
    expect(await runRetention(api.deps(), '2031-03-31')).toMatchObject({ erased: 1, itemsRead: 1 });
    expect((await getTrajectory(api.deps(), legacy.trajectoryId))!.client).toBeUndefined();
  });
});
