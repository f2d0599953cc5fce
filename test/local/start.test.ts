import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { decodeJwt } from 'jose';
import { assertPortFree } from '../../infra/local/emulators.ts';
import { localTokenIssuer } from '../../infra/local/tokens.ts';
import { REPO_ROOT } from '../../infra/local/paths.ts';
import { freeCloudPorts, freePorts, runJob, startLocalCloud, stateFile, whilePortTaken } from '../helpers/local-cloud.ts';

/** Command lines of running processes that contain `text`. */
function processesMentioning(text: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

async function isFree(port: number): Promise<boolean> {
  return assertPortFree(port, 'check').then(
    () => true,
    () => false,
  );
}

describe('npm start (the local cloud)', () => {
  it('says what it starts, serves the API, npm run job and npm run clock find it, and Ctrl-C stops every child process', async () => {
    const [api, dynamo, ses, sfn, secrets] = await freePorts(5);
    const state = stateFile();
    const env = {
      PORT: String(api),
      DYNAMODB_PORT: String(dynamo),
      SES_PORT: String(ses),
      SFN_PORT: String(sfn),
      SECRETS_PORT: String(secrets),
      LOCAL_CLOUD_STATE: state,
    };
    // Before it runs, the job says so in one line, with no stack trace.
    const before = runJob(['expiring-trajectories', '--date', '2026-12-01'], env);
    expect(before.status).toBe(1);
    expect(before.stdout).toBe('');
    expect(before.stderr.trim().split('\n')).toHaveLength(1);
    expect(before.stderr).toMatch(/^npm run job: The local cloud is not running .*npm start/);

    // Its clock starts at --now (infra/local/clock.ts).
    const cloud = startLocalCloud(env, ['--now', '2030-01-07T09:00:00+01:00']);
    // A failed assertion must not leave the cloud (and its JVM) running.
    onTestFinished(async () => {
      if (cloud.child.exitCode === null) cloud.child.kill('SIGINT');
      await cloud.exited;
    });
    await cloud.waitFor('Local cloud is up');
    // A progress line for each part as it is ready, with where it is.
    for (const line of [
      `✓ DynamoDB Local  http://127.0.0.1:${dynamo}`,
      `✓ SES emulator    http://127.0.0.1:${ses}`,
      `✓ Step Functions  http://127.0.0.1:${sfn}`,
      `✓ Secrets         http://127.0.0.1:${secrets}`,
      '✓ Table           werk-en-zorg created from the table design',
      '✓ Demo data       4 facilities',
    ]) {
      expect(cloud.output()).toContain(line);
    }
    expect(cloud.output()).toMatch(/ASL (from \.local\/cache\/state-machines\.json|synthesized now)/);
    expect(cloud.output()).toContain(`Step Functions http://127.0.0.1:${sfn}`);
    expect(cloud.output()).toContain(`http://127.0.0.1:${api}`);
    expect(cloud.output()).toContain(
      '4 facilities, 1 published call with 4 applications, a samenwerkingsverband Zorg and a network for ANTWERPEN, a begeleider AMA with werkposten and an agreement loaded',
    );
    const health = await fetch(`http://127.0.0.1:${api}/health`);
    expect(health.status).toBe(200);
    const clockAt = async () => Date.parse(((await (await fetch(`http://127.0.0.1:${api}/health`)).json()) as { now: string }).now);
    const started = await clockAt();
    expect(started).toBeGreaterThanOrEqual(Date.parse('2030-01-07T08:00:00Z'));
    expect(started).toBeLessThan(Date.parse('2030-01-07T08:10:00Z'));
    const emails = await fetch(`http://127.0.0.1:${ses}/store`);
    expect(emails.status).toBe(200);
    // The state file names every endpoint, and the job finds the cloud through it (no port given).
    const written = JSON.parse(readFileSync(state, 'utf8')) as { pid: number; endpoints: Record<string, string> };
    expect(written.pid).toBe(cloud.child.pid);
    expect(written.endpoints).toEqual({
      api: `http://127.0.0.1:${api}`,
      dynamodb: `http://127.0.0.1:${dynamo}`,
      ses: `http://127.0.0.1:${ses}`,
      sfn: `http://127.0.0.1:${sfn}`,
      secrets: `http://127.0.0.1:${secrets}`,
      clock: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/clock$/),
    });
    // npm run clock finds the clock through the state file and moves it, running the daily job on the way.
    const moved = runJob(['+1d'], { LOCAL_CLOUD_STATE: state }, 'infra/local/clock-cli.ts');
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout).toContain('Ran expiring-trajectories 1 time');
    expect((await clockAt()) - started).toBeGreaterThanOrEqual(86_400_000);
    const job = runJob(['expiring-trajectories', '--date', '2026-12-01'], { LOCAL_CLOUD_STATE: state });
    expect(job.status, job.stderr).toBe(0);
    expect(JSON.parse(job.stdout)).toMatchObject({ date: '2026-12-01' });

    cloud.child.kill('SIGINT');
    expect(await cloud.exited).toBe(0);
    expect(existsSync(state)).toBe(false);
    for (const port of [api!, dynamo!, ses!, sfn!, secrets!]) {
      expect(await isFree(port), `port ${port}`).toBe(true);
      expect(processesMentioning(`-port ${port}`).concat(processesMentioning(`--port ${port}`))).toEqual([]);
    }
    const after = runJob(['expiring-trajectories'], { LOCAL_CLOUD_STATE: state });
    expect(after.status).toBe(1);
    expect(after.stderr.trim().split('\n')).toHaveLength(1);
  }, 180_000);

  it('a port in use gets a clear message, and what had started is stopped again', async () => {
    const { api, dynamo, ses, env } = await freeCloudPorts();
    await whilePortTaken(dynamo, async () => {
      const cloud = startLocalCloud(env);
      expect(await cloud.exited).toBe(1);
      expect(cloud.output()).toMatch(new RegExp(`DynamoDB Local: port ${dynamo} .* already in use`));
      expect(cloud.output()).toContain(`DYNAMODB_PORT=${dynamo + 10} npm start`);
      // The SES emulator starts in parallel; it must be gone again, not merely not listening yet.
      expect(processesMentioning(`--port ${ses}`)).toEqual([]);
      expect(await isFree(ses)).toBe(true);
      expect(await isFree(api)).toBe(true);
    });
  }, 90_000);

  it('a second npm start beside a running one (same state file) is refused in one line, naming LOCAL_CLOUD_STATE', async () => {
    const { env } = await freeCloudPorts();
    const state = stateFile();
    // A live process (this test's) as the running cloud's pid.
    const endpoints = { api: 'http://127.0.0.1:3000', dynamodb: 'http://127.0.0.1:8000', ses: '', sfn: '', secrets: '' };
    writeFileSync(
      state,
      JSON.stringify({ pid: process.pid, startedAt: '', data: 'in-memory', tableName: 't', endpoints, environment: {} }),
    );
    const cloud = startLocalCloud({ ...env, LOCAL_CLOUD_STATE: state });
    expect(await cloud.exited).toBe(1);
    expect(cloud.output()).toMatch(
      new RegExp(`another local cloud is running \\(pid ${process.pid}, API at http://127.0.0.1:3000`),
    );
    expect(cloud.output()).toContain('LOCAL_CLOUD_STATE=');
    expect(existsSync(state), 'the other cloud keeps its state file').toBe(true);
  }, 60_000);

  it('npm run job against a state file whose DynamoDB Local does not answer: one line, exit 1', async () => {
    const [closed] = await freePorts(1);
    const state = stateFile();
    const endpoints = { api: '', dynamodb: `http://127.0.0.1:${closed}`, ses: '', sfn: '', secrets: '' };
    writeFileSync(
      state,
      JSON.stringify({ pid: process.pid, startedAt: '', data: 'in-memory', tableName: 't', endpoints, environment: {} }),
    );
    const job = runJob(['expiring-trajectories'], { LOCAL_CLOUD_STATE: state });
    expect(job.status).toBe(1);
    expect(job.stdout).toBe('');
    expect(job.stderr.trim().split('\n')).toEqual([
      `npm run job: the local cloud's DynamoDB Local (http://127.0.0.1:${closed}, pid ${process.pid}) does not answer: restart it with npm start.`,
    ]);
  });

  it('a taken Step Functions port names SFN_PORT, before anything starts', async () => {
    const { dynamo, sfn, env } = await freeCloudPorts();
    await whilePortTaken(sfn, async () => {
      const cloud = startLocalCloud(env);
      expect(await cloud.exited).toBe(1);
      expect(cloud.output()).toMatch(
        new RegExp(`Local Step Functions: port ${sfn} .* already in use\\. .*SFN_PORT=${sfn + 10} npm start`),
      );
      expect(cloud.output()).not.toContain('PORT=3001');
      expect(cloud.output()).not.toContain('Starting the local cloud');
      expect(processesMentioning(`-port ${dynamo}`)).toEqual([]);
    });
  }, 60_000);
});

describe('npm run token', () => {
  it('prints only a token, which the local key verifies, with the claims asked for', async () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'infra/local/token.ts',
        '--role',
        'facility',
        '--facility',
        '0123.456.749',
        '--sub',
        'user-7',
        '--email',
        'a@example.org',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const token = lines[0]!;
    const payload = await (await localTokenIssuer()).verify(token);
    expect(payload).toMatchObject({
      sub: 'user-7',
      email: 'a@example.org',
      'cognito:groups': ['facility'],
      'custom:facility': '0123456749',
    });
    expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(12 * 3600);
  });

  it('refuses a facility role without a facility, and a bad enterprise number, on stderr', () => {
    for (const args of [
      ['--role', 'facility'],
      ['--role', 'casemanager-zorg', '--facility', '0123456748'],
      ['--role', 'admin'],
    ]) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/token.ts', ...args], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.length).toBeGreaterThan(0);
    }
  });
});
