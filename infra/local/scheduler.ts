import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import { Cron } from 'croner';
import { schedules as allSchedules, type ScheduleSpec } from '../../shared/schedules.ts';
import { REPO_ROOT } from './paths.ts';
import { lambdaContext } from './api-event.ts';
import type { LocalClock } from './clock.ts';

/** EventBridge Scheduler's cron fields as a 5-field expression (its `?` means "any"). */
export function toCronExpression(spec: ScheduleSpec): string {
  const any = (field: string | undefined) => (field === undefined || field === '?' ? '*' : field);
  const { minute, hour, day, month, weekDay } = spec.cron;
  return [minute, hour, any(day), any(month), any(weekDay)].join(' ');
}

/** A schedule's handler, as EventBridge Scheduler invokes it. */
type ScheduledHandler = (event: { source: string; scheduleId: string }, context: Context) => Promise<unknown>;

export interface ScheduledRun {
  schedule: string;
  /** The instant it ran at: the clock's instant while it ran. */
  at: string;
  ok: boolean;
}

/** The most runs of one schedule a single clock move runs (a daily job over almost three years). */
const MAX_RUNS_PER_MOVE = 1000;

/**
 * The runs of each schedule after its last run up to `until`, in time order (a schedule with
 * `missedRuns: 'latest'` only its latest one). Pure: the scheduler and its tests share it.
 */
export function dueRuns(
  list: readonly ScheduleSpec[],
  lastRuns: Readonly<Record<string, Date>>,
  until: Date,
): Array<{ spec: ScheduleSpec; at: Date }> {
  const due: Array<{ spec: ScheduleSpec; at: Date; order: number }> = [];
  list.forEach((spec, order) => {
    const cron = new Cron(toCronExpression(spec), { timezone: spec.timeZone, paused: true });
    const runs: Date[] = [];
    let next = cron.nextRun(lastRuns[spec.id] ?? until);
    while (next && next.getTime() <= until.getTime() && runs.length < MAX_RUNS_PER_MOVE) {
      runs.push(next);
      next = cron.nextRun(next);
    }
    const kept = spec.missedRuns === 'latest' ? runs.slice(-1) : runs;
    for (const at of kept) due.push({ spec, at, order });
  });
  return due.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order).map(({ spec, at }) => ({ spec, at }));
}

export interface LocalScheduler {
  stop(): void;
  describe(): string;
  /**
   * Moves the clock to `target`, running on the way every schedule's runs in between, in order, each with
   * the clock at its instant (as the real schedule would have); refuses a target before the clock.
   */
  advanceTo(target: Date): Promise<ScheduledRun[]>;
  /** The last instant each schedule ran at. */
  lastRuns(): Record<string, string>;
}

/**
 * Runs each schedule's handler in-process at the times EventBridge Scheduler would, in its time zone, on
 * the local cloud's clock: as time passes (checked every `tickMs`) and when the clock is moved forward.
 * Runs never overlap: one after the other, in time order.
 */
export function startLocalScheduler(options: {
  log: (line: string) => void;
  clock: LocalClock;
  schedules?: readonly ScheduleSpec[];
  /** The last run of each schedule (from the clock file); a schedule never run starts from now. */
  lastRuns?: Readonly<Record<string, string>>;
  /** Told after each run, to keep the last runs (the clock file). */
  onRun?: (lastRuns: Record<string, string>) => void;
  tickMs?: number;
}): LocalScheduler {
  const list = options.schedules ?? allSchedules;
  const started = options.clock.now();
  const last: Record<string, Date> = {};
  for (const spec of list) {
    const stored = options.lastRuns?.[spec.id];
    last[spec.id] = stored ? new Date(stored) : started;
  }
  const lastRunsAsText = () => Object.fromEntries(Object.entries(last).map(([id, at]) => [id, at.toISOString()]));

  async function run(spec: ScheduleSpec, at: Date): Promise<ScheduledRun> {
    if (at.getTime() > options.clock.now().getTime()) options.clock.moveTo(at);
    let ok = true;
    const startedAt = performance.now();
    try {
      const module = (await import(pathToFileURL(path.join(REPO_ROOT, spec.handler)).href)) as { handler: ScheduledHandler };
      await module.handler({ source: 'local-scheduler', scheduleId: spec.id }, lambdaContext(spec.id, 900_000));
      options.log(`schedule ${spec.id} ran at ${at.toISOString()} (${Math.round(performance.now() - startedAt)} ms)`);
    } catch (error) {
      ok = false;
      options.log(`schedule ${spec.id} failed at ${at.toISOString()}: ${error instanceof Error ? error.name : 'error'}`);
    }
    last[spec.id] = at;
    options.onRun?.(lastRunsAsText());
    return { schedule: spec.id, at: at.toISOString(), ok };
  }

  async function runUntil(until: Date): Promise<ScheduledRun[]> {
    const done: ScheduledRun[] = [];
    for (const { spec, at } of dueRuns(list, last, until)) done.push(await run(spec, at));
    return done;
  }

  // One run at a time: ticks and moves queue behind each other.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  let ticking = false;
  const timer = setInterval(() => {
    if (ticking) return;
    ticking = true;
    void serially(() => runUntil(options.clock.now())).finally(() => (ticking = false));
  }, options.tickMs ?? 1000);
  timer.unref();

  return {
    stop: () => clearInterval(timer),
    describe: () =>
      list.length === 0
        ? 'no schedules defined yet'
        : list
            .map((spec) => {
              const next = new Cron(toCronExpression(spec), { timezone: spec.timeZone, paused: true }).nextRun(
                options.clock.now(),
              );
              return `${spec.id} next at ${next?.toISOString()}`;
            })
            .join('; '),
    advanceTo: (target) =>
      serially(async () => {
        if (target.getTime() < options.clock.now().getTime()) options.clock.moveTo(target); // throws: never back
        const done = await runUntil(target);
        if (target.getTime() > options.clock.now().getTime()) options.clock.moveTo(target);
        return done;
      }),
    lastRuns: lastRunsAsText,
  };
}
