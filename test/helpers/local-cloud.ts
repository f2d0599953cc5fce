import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertPortFree } from '../../infra/local/emulators.ts';
import { REPO_ROOT } from '../../infra/local/paths.ts';

/** A state file of the test's own, so a cloud you run in this folder is left alone. */
export const stateFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'wez-cloud-')), 'cloud.json');

/** `npm run job`'s script as a user runs it. */
export function runJob(args: string[], env: Record<string, string>, script = 'infra/local/job.ts') {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** Runs `npm start`'s script as a child, the way a user does, with ports of our choosing. */
export function startLocalCloud(env: Record<string, string>, args: readonly string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--in-memory', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOCAL_CLOUD_STATE: stateFile(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes(text)) {
          clearInterval(timer);
          resolve();
        }
      };
      const timer = setInterval(check, 50);
      void exited.then(() => {
        clearInterval(timer);
        if (output.includes(text)) resolve();
        else reject(new Error(`exited before printing "${text}":\n${output}`));
      });
    });
  return { child, exited, waitFor, output: () => output };
}

export async function freePorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < n) {
    const port = await assertPortFree(0, 'test');
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** Free ports for a local cloud's fixed ports, and the environment that puts it on them (infra/local/ports.ts). */
export async function freeCloudPorts() {
  const [api, dynamo, ses, sfn] = (await freePorts(4)) as [number, number, number, number];
  return {
    api,
    dynamo,
    ses,
    sfn,
    env: { PORT: String(api), DYNAMODB_PORT: String(dynamo), SES_PORT: String(ses), SFN_PORT: String(sfn) },
  };
}

/** Runs `work` while another server listens on `port` (a port in use). */
export async function whilePortTaken<T>(port: number, work: () => Promise<T>): Promise<T> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  try {
    return await work();
  } finally {
    blocker.close();
  }
}
