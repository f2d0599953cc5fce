/**
 * `npm run clock`: shows or moves the running local cloud's clock (infra/local/clock.ts).
 *   npm run clock                                   the clock's instant and each job's last run
 *   npm run clock -- +31d                           forward 31 days (also +2h, +90m, +1w), running the jobs passed
 *   npm run clock -- 2027-02-01T10:00:00+01:00      forward to that instant
 *   npm run clock -- reset                          back to the real time (jobs already run do not run again)
 * It finds the running cloud's clock control in the state file `npm start` writes (`.local/cloud.json`, or
 * LOCAL_CLOUD_STATE), or at CLOCK_URL; when no cloud runs it says so in one line and exits with 1.
 */
import { runningCloud } from './cloud-state.ts';

const argument = process.argv.slice(2).find((a) => a !== '--');

interface ClockState {
  now: string;
  lastRuns: Record<string, string>;
  ran?: Array<{ schedule: string; at: string; ok: boolean }>;
  error?: string;
}

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

let url = process.env.CLOCK_URL;
if (!url) {
  try {
    url = runningCloud().endpoints.clock;
  } catch (error) {
    fail(`npm run clock: ${(error as Error).message}`);
  }
}
let response: Response;
try {
  response = await fetch(url, argument === undefined ? {} : { method: 'POST', body: JSON.stringify({ move: argument }) });
} catch {
  fail(`npm run clock: no local cloud answers at ${url}: start it with npm start.`);
}
const state = (await response.json()) as ClockState;
if (!response.ok) fail(state.error ?? `The clock control answered ${response.status}.`);

const lines = [`Clock: ${state.now}`];
if (state.ran) {
  const byJob = new Map<string, { runs: number; failed: number; last: string }>();
  for (const run of state.ran) {
    const entry = byJob.get(run.schedule) ?? { runs: 0, failed: 0, last: run.at };
    byJob.set(run.schedule, { runs: entry.runs + 1, failed: entry.failed + (run.ok ? 0 : 1), last: run.at });
  }
  if (byJob.size === 0) lines.push('No scheduled job was due on the way.');
  for (const [job, { runs, failed, last }] of byJob) {
    lines.push(`Ran ${job} ${runs} time${runs === 1 ? '' : 's'} (last at ${last})${failed ? `, ${failed} failed (see the cloud's output)` : ''}.`);
  }
} else {
  for (const [job, at] of Object.entries(state.lastRuns)) lines.push(`Last run of ${job}: ${at}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
