import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { putAll } from '../../shared/store/batch-write.ts';
import { clientKeyOf, getTrajectory, listAudit, withIndexKeys, type TrajectoryRecord } from '../../shared/store/trajectories.ts';
import { closedTrajectoryFixture, trajectoryFixture } from '../helpers/trajectory-fixture.ts';
import { newAgreement } from '../../shared/store/ama.ts';
import '../../shared/runtime/secrets-client.ts';

/**
 * A data subject's requests (GDPR art. 15 and 17), handled by the department through POST /privacy/requests,
 * against DynamoDB Local with the real keyed hash of the client reference.
 */
let api: TestApi;
let department: string;
beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-26T10:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dpo-1' });
});
afterAll(() => api.close());

async function trajectoryOf(reference: string, closedOn?: string): Promise<TrajectoryRecord> {
  const client = { client: { reference, birthDate: '1984-07-21' }, clientKey: await clientKeyOf(api.deps(), reference) };
  const record = closedOn
    ? closedTrajectoryFixture(closedOn, client)
    : withIndexKeys({ ...trajectoryFixture('2026-12-31', { startDate: '2026-01-15' }), ...client });
  await putAll(api.deps(), [record as unknown as Record<string, unknown>]);
  return record;
}

const ask = (body: unknown, token = department) => api.request('POST', '/privacy/requests', { token, body });

describe('data subject requests (POST /privacy/requests)', () => {
  it('ACCESS exports every trajectory of the person, every read of it, and its retention; the export is recorded', async () => {
    const closed = await trajectoryOf('VDAB-ACC-1', '2026-06-30');
    const active = await trajectoryOf('VDAB-ACC-1');
    await trajectoryOf('VDAB-OTHER-1', '2026-05-31');
    // An AMA agreement followed from the closed one.
    const agreement = newAgreement(
      '0123456749',
      '00000000-0000-4000-8000-00000000c001',
      {
        participant: { reference: 'DEELN-ACC-1', birthDate: '1984-07-21' },
        werkpostId: '00000000-0000-4000-8000-00000000b001',
        activities: 'Sorteren van kleding.',
        weeklySchedule: [{ day: 'MA', from: '09:00', to: '12:30' }],
        startDate: '2026-08-01',
        evaluationDates: ['2026-11-01'],
        insurance: { insurer: 'Ethias', policyReference: 'POL-1' },
        werkpostbegeleider: { name: 'Begeleider werkpost' },
        participantStatus: { permission: 'VDAB_REFERRAL', reference: 'VDAB-TOEL-ACC' },
        guidance: 'Wekelijks gesprek.',
        endingConditions: 'Twee weken opzeg.',
        trajectoryId: closed.trajectoryId,
      },
      'c2VhbGVk',
      { actor: 'seed', now: new Date('2026-07-20T09:00:00.000Z') },
    );
    await putAll(api.deps(), [agreement as unknown as Record<string, unknown>]);
    // Someone read the closed one before (an audited read).
    expect((await api.request('GET', `/trajectories/${closed.trajectoryId}`, { token: department })).status).toBe(200);

    const answer = await ask({ kind: 'ACCESS', clientReference: 'VDAB-ACC-1', reason: 'Inzageverzoek 2026/17 via de DPO.' });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.trajectoriesFound).toBe(2);
    expect(answer.body.agreements).toEqual([
      expect.objectContaining({ agreementId: agreement.agreementId, startDate: '2026-08-01' }),
    ]);
    const byId = new Map(
      answer.body.trajectories.map((t: { trajectory: { trajectoryId: string } }) => [t.trajectory.trajectoryId, t]),
    );
    expect([...byId.keys()].sort()).toEqual([closed.trajectoryId, active.trajectoryId].sort());
    const closedExport = byId.get(closed.trajectoryId) as {
      trajectory: { client: unknown };
      auditTrail: Array<{ action: string; by: string }>;
      retention: unknown;
    };
    expect(closedExport.trajectory.client).toEqual({ reference: 'VDAB-ACC-1', birthDate: '1984-07-21' });
    expect(closedExport.auditTrail).toEqual([expect.objectContaining({ action: 'read', by: 'dpo-1' })]);
    expect(closedExport.retention).toEqual({ rule: 'retention-trajectory-client-data', clientDataUntil: '2031-06-30' });
    expect((byId.get(active.trajectoryId) as { retention: unknown }).retention).toEqual({
      rule: 'retention-trajectory-client-data',
    });
    // The same export as a Dutch PDF for the person.
    const pdf = await fetch(`${api.baseUrl}/privacy/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${department}`, accept: 'application/pdf', 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'ACCESS', clientReference: 'VDAB-ACC-1', reason: 'Inzageverzoek 2026/17, als PDF.' }),
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
    // The export itself is in each trail, naming nobody.
    const trail = await listAudit(api.deps(), closed.trajectoryId);
    expect(trail.at(-1)).toMatchObject({ action: 'exported for an access request (GDPR art. 15)', by: 'dpo-1' });
    expect(JSON.stringify(trail)).not.toContain('VDAB-ACC-1');
  });

  it('ERASURE removes the client data of every closed trajectory, leaves no trace of the reference, lists what it cannot erase', async () => {
    const first = await trajectoryOf('VDAB-ERA-1', '2025-03-31');
    const second = await trajectoryOf('VDAB-ERA-1', '2026-02-28');
    const other = await trajectoryOf('VDAB-ERA-2', '2026-02-28');
    const { result: answer, lines } = await captureOutput(() =>
      ask({ kind: 'ERASURE', clientReference: 'VDAB-ERA-1', reason: 'Wissingsverzoek 2026/18 via de DPO.' }),
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ kind: 'ERASURE', trajectoriesFound: 2, notErased: [] });
    expect(answer.body.erased.map((e: { trajectoryId: string }) => e.trajectoryId).sort()).toEqual(
      [first.trajectoryId, second.trajectoryId].sort(),
    );
    expect(answer.body.kept.length).toBeGreaterThan(0);
    // No trace of the reference (nor of its keyed hash) anywhere in the table; the other client's data stay.
    const table = JSON.stringify(await api.scanTable());
    expect(table).not.toContain('VDAB-ERA-1');
    expect(table).not.toContain(first.clientKey);
    expect((await getTrajectory(api.deps(), other.trajectoryId))!.client).toEqual(other.client);
    for (const t of [first, second]) {
      const after = (await getTrajectory(api.deps(), t.trajectoryId))!;
      expect(after).toMatchObject({ status: 'CLOSED', outcome: 'PAID_WORK', clientDataErasedOn: '2026-11-26' });
      const trail = await listAudit(api.deps(), t.trajectoryId);
      expect(trail.filter((a) => a.action.startsWith('client data erased'))).toEqual([
        expect.objectContaining({ action: 'client data erased on request (GDPR art. 17)', by: 'dpo-1' }),
      ]);
    }
    expect(lines.join('')).not.toContain('VDAB-ERA-1');
    expect(answer.text).not.toContain('VDAB-ERA-1');
    // Asked again: nothing is found any more.
    expect(
      (await ask({ kind: 'ACCESS', clientReference: 'VDAB-ERA-1', reason: 'Controle na wissing.' })).body.trajectoriesFound,
    ).toBe(0);
  });

  it('an active trajectory is not erased, with the legal reason', async () => {
    const active = await trajectoryOf('VDAB-ERA-3');
    const answer = await ask({ kind: 'ERASURE', clientReference: 'VDAB-ERA-3', reason: 'Wissingsverzoek 2026/19.' });
    expect(answer.status).toBe(200);
    expect(answer.body.erased).toEqual([]);
    expect(answer.body.notErased).toEqual([{ trajectoryId: active.trajectoryId, reason: expect.stringContaining('17(3)(b)') }]);
    expect((await getTrajectory(api.deps(), active.trajectoryId))!.client).toEqual(active.client);
  });

  it('bad input: one entry per field, the reference never echoed, nothing changed; other roles are refused', async () => {
    const before = await api.scanTable();
    const bad = await ask({ kind: 'FORGET', clientReference: 'x!', reason: 'kort' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['clientReference', 'kind', 'reason']);
    expect(bad.text).not.toContain('x!');
    for (const role of ['facility', 'casemanager-zorg', 'casemanager-werk'] as const) {
      const token = await api.token({ role, facility: '0123456749' });
      expect((await ask({ kind: 'ACCESS', clientReference: 'VDAB-ACC-1', reason: 'Geen recht hierop.' }, token)).status).toBe(
        403,
      );
    }
    expect(await api.scanTable()).toEqual(before);
  });
});
