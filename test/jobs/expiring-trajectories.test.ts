import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { runExpiringTrajectories } from '../../functions/jobs/expiring-trajectories.ts';
import { overrideDeps } from '../../shared/runtime/deps.ts';
import { putAll } from '../../shared/store/batch-write.ts';
import { withIndexKeys, type TrajectoryRecord } from '../../shared/store/trajectories.ts';
import { trajectoryFixture } from '../helpers/trajectory-fixture.ts';
import { getTrajectory } from '../../shared/store/trajectories.ts';
import type { SESv2Client } from '@aws-sdk/client-sesv2';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-25T06:00:00.000Z');
});
afterAll(() => api.close());

const trajectory = trajectoryFixture;

async function seed(...records: TrajectoryRecord[]) {
  await putAll(api.deps(), records as unknown as Record<string, unknown>[]);
  return records;
}

async function noticesTo(t: TrajectoryRecord) {
  const zorg = await api.emails(t.casemanagerZorg.email);
  const werk = await api.emails(t.casemanagerWerk.email);
  return {
    zorg: zorg.map((m) => m.subject),
    werk: werk.map((m) => m.subject),
    bodies: [...zorg, ...werk].map((m) => m.body.text ?? ''),
  };
}

describe('the expiring-trajectory notices', () => {
  it('sends each milestone once, on its day, to both case managers, in Dutch and without client data', async () => {
    const [t] = await seed(trajectory('2027-03-31'));
    const deps = api.deps();
    expect((await runExpiringTrajectories(deps, '2027-01-29')).sent).toBe(0);
    const d60 = await runExpiringTrajectories(deps, '2027-01-30');
    expect(d60.sent).toBe(1);
    expect((await noticesTo(t!)).zorg).toEqual([expect.stringContaining('loopt over 60 dagen af (2027-03-31)')]);
    expect((await noticesTo(t!)).werk).toHaveLength(1);
    expect((await runExpiringTrajectories(deps, '2027-01-30')).sent).toBe(0); // a re-run of the same day
    expect((await runExpiringTrajectories(deps, '2027-02-15')).sent).toBe(0);
    await runExpiringTrajectories(deps, '2027-03-01'); // D30
    await runExpiringTrajectories(deps, '2027-03-24'); // D7
    await runExpiringTrajectories(deps, '2027-04-01'); // overdue
    expect((await runExpiringTrajectories(deps, '2027-05-01')).sent).toBe(0);
    const notices = await noticesTo(t!);
    expect(notices.zorg).toHaveLength(4);
    expect(notices.zorg[3]).toContain('nog niet afgesloten');
    for (const body of notices.bodies) {
      expect(body).toContain(t!.trajectoryId);
      expect(body).not.toContain(t!.client!.reference);
      expect(body).not.toContain(t!.client!.birthDate);
    }
    expect((await getTrajectory(deps, t!.trajectoryId))!.GSI4PK).toBeUndefined();
  });

  it('two concurrent runs send nothing twice', async () => {
    const records = await seed(trajectory('2027-03-31'), trajectory('2027-03-31'), trajectory('2027-04-30'));
    const deps = api.deps();
    const [a, b, c] = await Promise.all([
      runExpiringTrajectories(deps, '2027-01-30'),
      runExpiringTrajectories(deps, '2027-01-30'),
      runExpiringTrajectories(deps, '2027-01-30'),
    ]);
    expect(a.sent + b.sent + c.sent).toBe(2);
    for (const t of records.slice(0, 2)) expect((await noticesTo(t)).zorg).toHaveLength(1);
    expect((await noticesTo(records[2]!)).zorg).toHaveLength(0);
  });

  it('after an outage the next run catches up with the most urgent milestone only, once', async () => {
    const [t] = await seed(trajectory('2027-06-30'));
    const deps = api.deps();
    await runExpiringTrajectories(deps, '2027-06-25'); // D60, D30 and D7 have all passed
    expect((await noticesTo(t!)).zorg).toEqual([expect.stringContaining('over 7 dagen')]);
    await runExpiringTrajectories(deps, '2027-06-26');
    expect((await noticesTo(t!)).zorg).toHaveLength(1);
  });

  it('closed trajectories get nothing', async () => {
    const [t] = await seed(trajectory('2027-02-28', { status: 'CLOSED' }));
    expect(t!.GSI4PK).toBeUndefined();
    await runExpiringTrajectories(api.deps(), '2027-03-15');
    expect((await noticesTo(t!)).zorg).toEqual([]);
  });

  it('a planned end moved later re-arms only the milestones not yet due', async () => {
    // D60 and D30 were sent for 2027-03-31; on 2027-03-02 the end moves to 2027-06-30.
    const original = trajectory('2027-03-31');
    const [t] = await seed({ ...original, sentMilestones: [] });
    const deps = api.deps();
    await runExpiringTrajectories(deps, '2027-01-30');
    await runExpiringTrajectories(deps, '2027-03-01');
    const current = (await getTrajectory(deps, t!.trajectoryId))!;
    const { GSI4PK: _a, GSI4SK: _b, ...rest } = current;
    await seed(withIndexKeys({ ...rest, plannedEndDate: '2027-06-30', noticesArmedFrom: '2027-03-02', sentMilestones: [] }));
    await runExpiringTrajectories(deps, '2027-03-24'); // the old D7 is gone
    expect((await noticesTo(t!)).zorg).toHaveLength(2);
    await runExpiringTrajectories(deps, '2027-05-01'); // the new D60 (2027-05-01)
    const subjects = (await noticesTo(t!)).zorg;
    expect(subjects).toHaveLength(3);
    expect(subjects[2]).toContain('(2027-06-30)');
  });

  it('a send that fails is recorded, reported to the department, and retried by the next run', async () => {
    const [t] = await seed(trajectory('2027-08-31'));
    const deps = api.deps();
    const realSes = deps.ses;
    const failing = {
      send: async (command: { input: { Destination?: { ToAddresses?: string[] } } }) => {
        if (command.input.Destination?.ToAddresses?.includes(t!.casemanagerWerk.email)) {
          throw Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' });
        }
        return realSes.send(command as never);
      },
    } as unknown as SESv2Client;
    const clock = deps.clock;
    overrideDeps({ clock, ses: failing });
    const report = await runExpiringTrajectories(api.deps(), '2027-07-02');
    expect(report.failed).toEqual([{ trajectoryId: t!.trajectoryId, milestone: 'D60' }]);
    const reports = (await api.emails('werkenzorg@departement-wvg.example')).filter((m) =>
      m.body.text?.includes(t!.trajectoryId),
    );
    expect(reports).toHaveLength(1);
    overrideDeps({ clock });
    const retry = await runExpiringTrajectories(api.deps(), '2027-07-03');
    expect(retry.sent).toBe(1);
    expect((await noticesTo(t!)).werk).toHaveLength(1);
  });

  it('reads only the due trajectories: 10,000 in the table, 12 due, about 12 items read', async () => {
    const far = Array.from({ length: 10_000 - 12 }, (_, i) => trajectory(`2028-0${1 + (i % 6)}-15`, { startDate: '2026-10-01' }));
    const due = Array.from({ length: 12 }, () => trajectory('2027-10-31', { startDate: '2026-06-01' }));
    await seed(...far, ...due);
    const report = await runExpiringTrajectories(api.deps(), '2027-09-01');
    // The due ones, and at most a few left due by the other tests in this table; never the 9,988 others.
    expect(report.itemsRead).toBeGreaterThanOrEqual(12);
    expect(report.itemsRead).toBeLessThanOrEqual(12 + 5);
    for (const t of due) expect((await noticesTo(t)).zorg).toHaveLength(1);
  }, 240_000);
});
