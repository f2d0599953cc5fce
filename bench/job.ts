/**
 * The daily notice job (issue 5): its time and the items it reads with 1,000 and with 10,000 trajectories in
 * the table, the same 12 due in both. With the sparse index the two should be about equal: the job's work
 * follows the notices, not the table.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../infra/local/emulators.ts';
import { runExpiringTrajectories } from '../functions/jobs/expiring-trajectories.ts';
import { runRetention } from '../shared/handlers/retention-run.ts';
import { getDeps, resetDeps } from '../shared/runtime/deps.ts';
import { putAll } from '../shared/store/batch-write.ts';
import type { TrajectoryRecord } from '../shared/store/trajectories.ts';
import { closedTrajectoryFixture, trajectoryFixture } from '../test/helpers/trajectory-fixture.ts';

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

/**
 * Runs `measure` against a fresh table holding `records` (written first, not timed): the time of `measure`
 * alone, with what it reports.
 */
async function onFreshTable<R>(
  prefix: string,
  records: readonly TrajectoryRecord[],
  measure: (deps: ReturnType<typeof getDeps>) => Promise<R>,
): Promise<{ report: R; ms: number }> {
  const previousTable = process.env.TABLE_NAME;
  process.env.TABLE_NAME = `${prefix}-${records.length}-${randomUUID().slice(0, 8)}`;
  resetDeps();
  const client = new DynamoDBClient({});
  try {
    await ensureTable(client, process.env.TABLE_NAME);
    const deps = getDeps();
    await putAll(deps, records as unknown as Record<string, unknown>[]);
    const started = performance.now();
    const report = await measure(deps);
    return { report, ms: Math.round(performance.now() - started) };
  } finally {
    client.destroy();
    process.env.TABLE_NAME = previousTable;
    resetDeps();
  }
}

/** Runs the job against a fresh table of `total` trajectories, `due` of them due on the run date. */
async function runOnce(total: number, due: number): Promise<JobRun> {
  const records = [
    ...Array.from({ length: total - due }, (_, i) => trajectory(`2028-0${1 + (i % 6)}-15`, '2026-10-01')),
    ...Array.from({ length: due }, () => trajectory('2027-10-31', '2026-06-01')),
  ];
  const { report, ms } = await onFreshTable('bench-job', records, (deps) => runExpiringTrajectories(deps, '2027-09-01'));
  return { trajectories: total, due, itemsRead: report.itemsRead, sent: report.sent, ms };
}

export async function measureJob(): Promise<{ runs: JobRun[]; target: string; status: 'PASS' | 'FAIL' }> {
  const runs = [await runOnce(1_000, 12), await runOnce(10_000, 12)];
  const [small, large] = runs as [JobRun, JobRun];
  // "About equal": the same items read, and the time within 2× (plus 50 ms of noise) although the table is 10× larger.
  const ok = small.itemsRead === large.itemsRead && large.ms <= small.ms * 2 + 50;
  return { runs, target: 'items read equal, time within 2× (+50 ms) at 10× the trajectories', status: ok ? 'PASS' : 'FAIL' };
}

export interface RetentionRun {
  trajectories: number;
  due: number;
  itemsRead: number;
  erased: number;
  ms: number;
}

/** The retention run against a fresh table of `total` closed trajectories, `due` of them past their retention. */
async function retentionOnce(total: number, due: number): Promise<RetentionRun> {
  const records = [
    // Closed in 2027: their client data stay until 2032.
    ...Array.from({ length: total - due }, (_, i) => closedTrajectoryFixture(`2027-0${1 + (i % 9)}-15`)),
    // Closed in mid-2026: due on the run date, 2031-09-01.
    ...Array.from({ length: due }, (_, i) => closedTrajectoryFixture(`2026-0${6 + (i % 3)}-0${1 + (i % 9)}`)),
  ];
  const { report, ms } = await onFreshTable('bench-retention', records, (deps) => runRetention(deps, '2031-09-01'));
  return { trajectories: total, due, itemsRead: report.itemsRead, erased: report.erased, ms };
}

/** The retention run (issue 15) with 1,000 and 10,000 closed trajectories, 12 due in both: its work follows what is due. */
export async function measureRetention(): Promise<{ runs: RetentionRun[]; target: string; status: 'PASS' | 'FAIL' }> {
  const runs = [await retentionOnce(1_000, 12), await retentionOnce(10_000, 12)];
  const [small, large] = runs as [RetentionRun, RetentionRun];
  const ok = small.itemsRead === large.itemsRead && small.erased === 12 && large.erased === 12 && large.ms <= small.ms * 2 + 50;
  return {
    runs,
    target: 'items read equal, 12 erased in both, time within 2× (+50 ms) at 10× the trajectories',
    status: ok ? 'PASS' : 'FAIL',
  };
}
