/**
 * `npm run job -- expiring-trajectories --date 2026-12-01`: runs a scheduled job now, for a given day,
 * against the running local cloud (`npm start`), whose endpoints it reads from the state file the cloud
 * writes (`.local/cloud.json`, or `LOCAL_CLOUD_STATE`). Prints its report. When no cloud runs, or it does
 * not answer, it says so in one line and exits with 1.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { schedules } from '../../shared/schedules.ts';
import { isCalendarDate } from '../../shared/domain/calendar.ts';
import { REPO_ROOT } from './paths.ts';
import { lambdaContext } from './api-event.ts';
import { runningCloud, type LocalCloudState } from './cloud-state.ts';
import { useClock } from '../../shared/runtime/clock.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { date: { type: 'string' } } });
const id = positionals[0];
const schedule = schedules.find((s) => s.id === id);
if (!schedule) fail(`Usage: npm run job -- <${schedules.map((s) => s.id).join('|')}> [--date YYYY-MM-DD]`, 2);
if (values.date !== undefined && !isCalendarDate(values.date)) fail('--date must be a calendar date, YYYY-MM-DD', 2);

let cloud: LocalCloudState;
try {
  cloud = runningCloud();
} catch (error) {
  fail(`npm run job: ${(error as Error).message}`, 1);
}
// Does its DynamoDB Local answer? (A cloud stopped with kill -9 leaves its state file and no emulator.)
try {
  await fetch(cloud.endpoints.dynamodb, { signal: AbortSignal.timeout(2000) });
} catch {
  fail(
    `npm run job: the local cloud's DynamoDB Local (${cloud.endpoints.dynamodb}, pid ${cloud.pid}) does not answer: restart it with npm start.`,
    1,
  );
}
// The report on stdout, nothing else: the handler logs only warnings and errors, and its metrics (the
// report's own figures, as CloudWatch EMF lines) are not printed.
Object.assign(process.env, cloud.environment, {
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  POWERTOOLS_METRICS_DISABLED: 'true',
});
// The job reads the running cloud's clock (npm run clock may have moved it), as the scheduler's runs do.
const clockNow = await fetch(cloud.endpoints.clock, { signal: AbortSignal.timeout(2000) })
  .then(async (response) => (response.ok ? Date.parse(((await response.json()) as { now: string }).now) : Number.NaN))
  .catch(() => Number.NaN);
if (!Number.isNaN(clockNow)) {
  const offset = clockNow - Date.now();
  useClock(() => new Date(Date.now() + offset));
}
try {
  const module = (await import(pathToFileURL(path.join(REPO_ROOT, schedule.handler)).href)) as {
    handler: (event: unknown, context: unknown) => Promise<unknown>;
  };
  const report = await module.handler(values.date ? { date: values.date } : {}, lambdaContext(schedule.id, 900_000));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} catch (error) {
  const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  fail(`npm run job: ${schedule.id} failed against the local cloud at ${cloud.endpoints.dynamodb}: ${reason}`, 1);
}
