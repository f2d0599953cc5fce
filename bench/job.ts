/**
 * The daily notice job (issue 5): its time and the items it reads with 1,000 and with 10,000 trajectories in
 * the table, the same 12 due in both. With the sparse index the two should be about equal: the job's work
 * follows the notices, not the table.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../infra/local/emulators.ts';
import { runExpiringTrajectories } from '../functions/jobs/expiring-trajectories.ts';
import { getDeps, resetDeps } from '../shared/runtime/deps.ts';
import { putAll } from '../shared/store/batch-write.ts';
import type { TrajectoryRecord } from '../shared/store/trajectories.ts';
import { trajectoryFixture } from '../test/helpers/trajectory-fixture.ts';

export interface JobRun {
  trajectories: number;
  due: number;
  itemsRead: number;
  sent: number;
  ms: number;
}

function trajectory(plannedEndDate: string, startDate: string): TrajectoryRecord {
  return trajectoryFixture(plannedEndDate, { startDate });
}

/** Runs the job against a fresh table of `total` trajectories, `due` of them due on the run date. */
async function runOnce(total: number, due: number): Promise<JobRun> {
  const previousTable = process.env.TABLE_NAME;
  process.env.TABLE_NAME = `bench-job-${total}-${randomUUID().slice(0, 8)}`;
  resetDeps();
  const client = new DynamoDBClient({});
  try {
    await ensureTable(client, process.env.TABLE_NAME);
    const deps = getDeps();
    const records = [
      ...Array.from({ length: total - due }, (_, i) => trajectory(`2028-0${1 + (i % 6)}-15`, '2026-10-01')),
      ...Array.from({ length: due }, () => trajectory('2027-10-31', '2026-06-01')),
    ];
    await putAll(deps, records as unknown as Record<string, unknown>[]);
    const started = performance.now();
    const report = await runExpiringTrajectories(deps, '2027-09-01');
    return {
      trajectories: total,
      due,
      itemsRead: report.itemsRead,
      sent: report.sent,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    client.destroy();
    process.env.TABLE_NAME = previousTable;
    resetDeps();
  }
}

export async function measureJob(): Promise<{ runs: JobRun[]; target: string; status: 'PASS' | 'FAIL' }> {
  const runs = [await runOnce(1_000, 12), await runOnce(10_000, 12)];
  const [small, large] = runs as [JobRun, JobRun];
  // "About equal": the same items read, and the time within 2× (plus 50 ms of noise) although the table is 10× larger.
  const ok = small.itemsRead === large.itemsRead && large.ms <= small.ms * 2 + 50;
  return { runs, target: 'items read equal, time within 2× (+50 ms) at 10× the trajectories', status: ok ? 'PASS' : 'FAIL' };
}
