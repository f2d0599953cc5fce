/**
 * `npm run bench -- --start`: how long `npm start` takes until `/health` answers, as a developer starts it
 * (`npm start` in a process group of its own, stopped as Ctrl-C stops it), on free ports and a state file
 * of its own. Three kinds of start, with `.local/` existing (keys, the state machines' cache):
 * - `existing data`: the table in `.local/dynamodb` exists (the everyday restart);
 * - `in memory`: `--in-memory`, so the table is created and the demo data loaded at each start;
 * - `sources changed`: the state machines' cache removed first, as after an edit under infra/ or shared/
 *   (one CDK synth); one run.
 * Refuses to run while a local cloud started from this folder is running (it would share `.local/dynamodb`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertPortFree } from '../infra/local/emulators.ts';
import { REPO_ROOT } from '../infra/local/paths.ts';
import { otherRunningCloud } from '../infra/local/cloud-state.ts';
import { WORKFLOW_CACHE_FILE } from '../infra/local/workflow-cache.ts';
import { round } from './stats.ts';

export interface StartRun {
  kind: 'existing data' | 'in memory' | 'sources changed';
  /** From spawning `npm start` to the first 200 from /health. */
  healthMs: number;
  /** What the cloud itself printed: "Local cloud is up in N s". */
  reportedUpS: number | undefined;
}

async function freePort(): Promise<number> {
  return assertPortFree(0, 'bench');
}

async function oneStart(kind: StartRun['kind']): Promise<StartRun> {
  const ports = { api: await freePort(), dynamodb: await freePort(), ses: await freePort(), sfn: await freePort() };
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'wez-bench-start-'));
  if (kind === 'sources changed') rmSync(WORKFLOW_CACHE_FILE, { force: true });
  const started = performance.now();
  const child = spawn('npm', ['start', ...(kind === 'in memory' ? ['--', '--in-memory'] : [])], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(ports.api),
      DYNAMODB_PORT: String(ports.dynamodb),
      SES_PORT: String(ports.ses),
      SFN_PORT: String(ports.sfn),
      LOCAL_CLOUD_STATE: path.join(stateDir, 'cloud.json'),
    },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  try {
    for (;;) {
      if (exitedEarly) throw new Error(`npm start exited before /health answered:\n${output.slice(-2000)}`);
      const ok = await fetch(`http://127.0.0.1:${ports.api}/health`, { signal: AbortSignal.timeout(1000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (performance.now() - started > 180_000) throw new Error(`no /health within 180 s:\n${output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const healthMs = Math.round(performance.now() - started);
    const reported = /Local cloud is up in ([\d.]+) s/.exec(output)?.[1];
    return { kind, healthMs, reportedUpS: reported === undefined ? undefined : Number(reported) };
  } finally {
    // Ctrl-C: SIGINT to the whole process group, then wait until npm and the cloud are gone.
    if (child.pid !== undefined && !exitedEarly) process.kill(-child.pid, 'SIGINT');
    await exited;
    rmSync(stateDir, { recursive: true, force: true });
  }
}

export interface StartBench {
  runs: StartRun[];
  median: Record<StartRun['kind'], number>;
  loadAverageAtStart: number[];
  target: string;
  status: 'PASS' | 'FAIL';
}

export async function measureStart(options: { runs: number; log: (line: string) => void }): Promise<StartBench> {
  const other = otherRunningCloud();
  if (other) throw new Error(`a local cloud runs from this folder (pid ${other.pid}): stop it before npm run bench -- --start`);
  const loadAverageAtStart = os.loadavg().map((v) => round(v, 2));
  // One start first, not counted: it makes sure .local/ exists (keys, the table, the state machines' cache).
  options.log('npm start once, not counted, so that .local/ exists');
  await oneStart('existing data');
  const runs: StartRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    for (const kind of ['existing data', 'in memory'] as const) {
      const run = await oneStart(kind);
      options.log(`${kind}: /health after ${(run.healthMs / 1000).toFixed(1)} s`);
      runs.push(run);
    }
  }
  const changed = await oneStart('sources changed');
  options.log(`sources changed (one CDK synth): /health after ${(changed.healthMs / 1000).toFixed(1)} s`);
  runs.push(changed);
  const medianOf = (kind: StartRun['kind']) => {
    const values = runs
      .filter((r) => r.kind === kind)
      .map((r) => r.healthMs)
      .sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  const median = {
    'existing data': medianOf('existing data'),
    'in memory': medianOf('in memory'),
    'sources changed': medianOf('sources changed'),
  };
  return {
    runs,
    median,
    loadAverageAtStart,
    target: '/health within 10 s of npm start with an existing .local/ (median of the everyday restarts)',
    status: median['existing data'] <= 10_000 ? 'PASS' : 'FAIL',
  };
}
