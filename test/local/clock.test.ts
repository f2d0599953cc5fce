import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClockError, clockTarget, LocalClock } from '../../infra/local/clock.ts';
import { CLOCK_CONTROL_PATH, createClockControl } from '../../infra/local/clock-control.ts';
import { dueRuns, startLocalScheduler, type LocalScheduler } from '../../infra/local/scheduler.ts';
import { listen } from '../../infra/local/api-server.ts';
import { REPO_ROOT } from '../../infra/local/paths.ts';
import { routeList } from '../../shared/routes.ts';
import { schedules } from '../../shared/schedules.ts';
import { useClock } from '../../shared/runtime/clock.ts';
import { putAll } from '../../shared/store/batch-write.ts';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { callBody, enterpriseNumber, registerFacility, applicationBody, mailbox } from '../helpers/fixtures.ts';
import { trajectoryFixture } from '../helpers/trajectory-fixture.ts';

describe('the local clock', () => {
  it('moves forward by +<n>m/h/d/w or to an instant with its offset, and never back', () => {
    const real = Date.parse('2026-11-02T09:00:00.000Z');
    const clock = new LocalClock(0, () => real);
    expect(clockTarget('+31d', clock.now()).toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(clockTarget('+2h', clock.now()).toISOString()).toBe('2026-11-02T11:00:00.000Z');
    expect(clockTarget('2027-02-01T10:00:00+01:00', clock.now()).toISOString()).toBe('2027-02-01T09:00:00.000Z');
    for (const bad of ['31d', '+31y', '-1d', '2027-02-01', 'tomorrow']) expect(() => clockTarget(bad, clock.now())).toThrow(ClockError);
    clock.moveTo(new Date('2026-12-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(() => clock.moveTo(new Date('2026-11-30T23:59:59.000Z'))).toThrow(/only moves forward/);
    expect(clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(clock.reset().toISOString()).toBe('2026-11-02T09:00:00.000Z');
  });

  it('the scheduler runs the daily job once for each day passed, at 07:00 Brussels, and a sweep only once', () => {
    const from = new Date('2026-11-02T09:00:00.000Z');
    const last = Object.fromEntries(schedules.map((s) => [s.id, from]));
    const runs = dueRuns(schedules, last, new Date('2026-11-05T09:00:00.000Z'));
    const daily = runs.filter((r) => r.spec.id === 'expiring-trajectories').map((r) => r.at.toISOString());
    // 07:00 in Brussels is 06:00 UTC in winter.
    expect(daily).toEqual(['2026-11-03T06:00:00.000Z', '2026-11-04T06:00:00.000Z', '2026-11-05T06:00:00.000Z']);
    expect(runs.filter((r) => r.spec.id === 'outbox-sweep').map((r) => r.at.toISOString())).toEqual(['2026-11-05T09:00:00.000Z']);
    expect(runs.map((r) => r.at.getTime())).toEqual([...runs.map((r) => r.at.getTime())].sort((a, b) => a - b));
    // A month: 31 daily runs, and still one sweep, at the end (not the first thousand 5-minute runs' last).
    const month = dueRuns(schedules, last, new Date('2026-12-03T09:00:00.000Z'));
    expect(month.filter((r) => r.spec.id === 'expiring-trajectories')).toHaveLength(31);
    expect(month.filter((r) => r.spec.id === 'outbox-sweep').map((r) => r.at.toISOString())).toEqual(['2026-12-03T09:00:00.000Z']);
    // Summer time: 05:00 UTC.
    const summer = dueRuns(schedules, { 'expiring-trajectories': new Date('2027-06-01T12:00:00Z') }, new Date('2027-06-02T12:00:00Z'));
    expect(summer.find((r) => r.spec.id === 'expiring-trajectories')!.at.toISOString()).toBe('2027-06-02T05:00:00.000Z');
  });

  it('exists only in the local cloud: no route of the route table, nothing in the CDK app', () => {
    expect(routeList.filter((spec) => spec.path === CLOCK_CONTROL_PATH || spec.path.startsWith(`${CLOCK_CONTROL_PATH}/`))).toEqual([]);
    for (const file of ['infra/app.ts', 'infra/stack.ts', ...['operations', 'outbox-sender', 'route-function', 'scheduled-jobs', 'selection-workflow'].map((n) => `infra/constructs/${n}.ts`)]) {
      const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
      expect(source, file).not.toMatch(/local\/clock|clock-control|useClock/);
    }
  });
});

describe('moving the running local cloud through time', () => {
  let api: TestApi;
  let clock: LocalClock;
  let scheduler: LocalScheduler;
  let control: Server;
  let controlUrl: string;
  // The "real" time stands still in this test: only the moves change the clock.
  const REAL = Date.parse('2026-11-02T09:00:00.000Z');

  beforeAll(async () => {
    api = await startTestApi();
    clock = new LocalClock(0, () => REAL);
    useClock(clock.now);
    scheduler = startLocalScheduler({ clock, log: () => undefined, tickMs: 3_600_000 });
    control = createClockControl({ clock, scheduler });
    controlUrl = `http://127.0.0.1:${await listen(control, 0)}${CLOCK_CONTROL_PATH}`;
  });
  afterAll(async () => {
    scheduler.stop();
    control.close();
    useClock(() => new Date());
    await api.close();
  });

  const move = async (to: string) => {
    const response = await fetch(controlUrl, { method: 'POST', body: JSON.stringify({ move: to }) });
    return { status: response.status, body: (await response.json()) as { now: string; ran: Array<{ schedule: string; at: string; ok: boolean }>; error?: string } };
  };

  it('GET /health shows the clock; past the deadline a draft can no longer be submitted and a review can start', async () => {
    expect((await api.request('GET', '/health')).body.now).toBe('2026-11-02T09:00:00.000Z');
    const department = await api.token({ role: 'department', sub: 'dept-clock' });
    const lead = enterpriseNumber(7701);
    await registerFacility(api, department, lead, { email: mailbox('clock-lead'), recognitions: [{ authority: 'VAPH', validFrom: '2018-01-01' }] });
    const leadToken = await api.token({ role: 'facility', facility: lead, sub: 'clock-lead' });
    const call = await api.request('POST', '/calls', { token: department, body: callBody('2026-12-01T12:00:00+01:00', { title: 'Oproep door de tijd (klok)' }) });
    expect(call.status, call.text).toBe(201);
    expect((await api.request('POST', `/calls/${call.body.callId}/publish`, { token: department })).status).toBe(200);
    const submitted = await api.request('POST', `/calls/${call.body.callId}/applications`, { token: leadToken, body: applicationBody('ANTWERPEN', []) });
    const draft = await api.request('POST', `/calls/${call.body.callId}/applications`, { token: leadToken, body: applicationBody('GENT', []) });
    expect(draft.status, draft.text).toBe(201);
    const submittedUrl = `/calls/${call.body.callId}/applications/${submitted.body.applicationId}`;
    expect((await api.request('POST', `${submittedUrl}/submit`, { token: leadToken })).status).toBe(201);
    const reviewer = await api.token({ role: 'department', sub: 'clock-reviewer' });
    const early = await api.request('POST', `${submittedUrl}/reviews/me/declaration`, { token: reviewer, body: { noConflictOfInterest: true } });
    expect(early.status).toBe(409);

    const moved = await move('+30d');
    expect(moved.status).toBe(200);
    expect(moved.body.now).toBe('2026-12-02T09:00:00.000Z');
    expect((await api.request('GET', '/health')).body.now).toBe('2026-12-02T09:00:00.000Z');
    // The daily job ran for each of the 30 days passed.
    expect(moved.body.ran.filter((r) => r.schedule === 'expiring-trajectories' && r.ok)).toHaveLength(30);

    const late = await api.request('POST', `/calls/${call.body.callId}/applications/${draft.body.applicationId}/submit`, { token: leadToken });
    expect(late.status).toBe(409);
    expect(late.body.rule).toBe('call-open');
    const declared = await api.request('POST', `${submittedUrl}/reviews/me/declaration`, { token: reviewer, body: { noConflictOfInterest: true } });
    expect(declared.status, declared.text).toBe(201);
  });

  it('59 days before the planned end the 60-day notice is sent once; 29 days before, the 30-day one; back is refused', async () => {
    const trajectory = trajectoryFixture('2027-03-31', { startDate: '2026-10-01' });
    await putAll(api.deps(), [trajectory as unknown as Record<string, unknown>]);
    const subjects = async () => (await api.emails(trajectory.casemanagerZorg.email)).map((m) => m.subject);

    const to59 = await move('2027-01-31T10:00:00+01:00');
    expect(to59.status, to59.body.error).toBe(200);
    expect(await subjects()).toEqual([expect.stringContaining('loopt over 60 dagen af (2027-03-31)')]);
    const to29 = await move('2027-03-02T10:00:00+01:00');
    expect(to29.status).toBe(200);
    const after = await subjects();
    expect(after).toHaveLength(2);
    expect(after[1]).toContain('loopt over 30 dagen af (2027-03-31)');

    const back = await move('2027-03-01T10:00:00+01:00');
    expect(back.status).toBe(409);
    expect(back.body.error).toMatch(/only moves forward/);
    expect((await api.request('GET', '/health')).body.now).toBe('2027-03-02T09:00:00.000Z');
    expect(await subjects()).toHaveLength(2);
  });

  it('npm run clock prints the clock in one line per fact, and one clear line when it cannot', async () => {
    // Asynchronously: the clock control answers from this very process.
    const run = async (args: string[], env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/local/clock-cli.ts', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      }).then(
        ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ status: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const shown = await run([], { CLOCK_URL: controlUrl });
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Clock: 2027-03-02T09:00:00.000Z');
    const back = await run(['2027-01-01T00:00:00+01:00'], { CLOCK_URL: controlUrl });
    expect(back.status).toBe(1);
    expect(back.stderr.trim().split('\n')).toHaveLength(1);
    expect(back.stderr).toContain('only moves forward');
    const nobody = await run(['+1d'], { CLOCK_URL: 'http://127.0.0.1:9/clock' });
    expect(nobody.status).toBe(1);
    expect(nobody.stderr.trim()).toMatch(/^npm run clock: no local cloud answers at .*: start it with npm start\.$/);
  });

  it('moves only while the outbox sender is idle (whileOutboxIdle), so no sweep takes over a delivery it holds', async () => {
    let entered!: () => void;
    const inBeforeMove = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const gated = createClockControl({
      clock,
      scheduler,
      whileOutboxIdle: async (run) => {
        entered();
        await held;
        return run();
      },
    });
    const gatedUrl = `http://127.0.0.1:${await listen(gated, 0)}${CLOCK_CONTROL_PATH}`;
    try {
      const before = clock.now().toISOString();
      const moving = fetch(gatedUrl, { method: 'POST', body: JSON.stringify({ move: '+1h' }) });
      await inBeforeMove;
      expect(clock.now().toISOString(), 'the clock waits while the sender finishes').toBe(before);
      release();
      const moved = (await (await moving).json()) as { now: string };
      expect(moved.now).toBe(new Date(Date.parse(before) + 3_600_000).toISOString());
    } finally {
      gated.close();
    }
    // When the sender cannot finish, the clock does not move: 503 with one line saying why.
    const failing = createClockControl({ clock, scheduler, whileOutboxIdle: () => Promise.reject(new Error('DynamoDB down')) });
    const failingUrl = `http://127.0.0.1:${await listen(failing, 0)}${CLOCK_CONTROL_PATH}`;
    try {
      const before = clock.now().toISOString();
      const refused = await fetch(failingUrl, { method: 'POST', body: JSON.stringify({ move: '+1d' }) });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: string }).error).toMatch(/did not move/);
      expect(clock.now().toISOString()).toBe(before);
    } finally {
      failing.close();
    }
  });
});
