import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import { Cron } from 'croner';
import { schedules as allSchedules, type ScheduleSpec } from '../../shared/schedules.ts';
import { REPO_ROOT } from './paths.ts';
import { lambdaContext } from './api-event.ts';
import type { LocalClock } from './clock.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';

/** EventBridge Scheduler's cron fields as a 5-field expression (its `?` means "any"). */
export function toCronExpression(spec: ScheduleSpec): string {
  const any = (field: string | undefined) => (field === undefined || field === '?' ? '*' : field);
  const { minute, hour, day, month, weekDay } = spec.cron;
  return [minute, hour, any(day), any(month), any(weekDay)].join(' ');
}

/** A schedule's handler, as EventBridge Scheduler invokes it. */
type ScheduledHandler = (event: { source: string; scheduleId: string; date?: string }, context: Context) => Promise<unknown>;

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
    let latest: Date | undefined;
    let next = cron.nextRun(lastRuns[spec.id] ?? until);
    // `each` keeps every run (at most MAX_RUNS_PER_MOVE, the rest on the next move or tick); `latest` only the last.
    while (next && next.getTime() <= until.getTime() && runs.length < MAX_RUNS_PER_MOVE) {
      if (spec.missedRuns === 'latest') latest = next;
      else runs.push(next);
      next = cron.nextRun(next);
    }
    for (const at of latest ? [latest] : runs) due.push({ spec, at, order });
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
  advanceTo(target: Date | ((now: Date) => Date)): Promise<ScheduledRun[]>;
  /** Runs `work` when no run or move is under way (a reset of the clock, say). */
  whenIdle<T>(work: () => T): Promise<T>;
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
    // A run the clock has already passed (after a restart, or --now) is told its day, as `npm run job -- --date` does.
    const late = at.getTime() < options.clock.now().getTime();
    if (!late) options.clock.moveTo(at);
    let ok = true;
    const startedAt = performance.now();
    try {
      const module = (await import(pathToFileURL(path.join(REPO_ROOT, spec.handler)).href)) as { handler: ScheduledHandler };
      await module.handler(
        { source: 'local-scheduler', scheduleId: spec.id, ...(late ? { date: brusselsDateOf(at) } : {}) },
        lambdaContext(spec.id, 900_000),
      );
      options.log(`schedule ${spec.id} ran at ${at.toISOString()} (${Math.round(performance.now() - startedAt)} ms)`);
    } catch (error) {
      ok = false;
      options.log(`schedule ${spec.id} failed at ${at.toISOString()}: ${error instanceof Error ? error.name : 'error'}`);
    }
    last[spec.id] = at;
    try {
      options.onRun?.(lastRunsAsText());
    } catch (error) {
      options.log(`schedule ${spec.id}: its last run could not be kept: ${error instanceof Error ? error.message : 'error'}`);
    }
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
    void serially(() => runUntil(options.clock.now()))
      .catch((error: unknown) => options.log(`scheduler: ${error instanceof Error ? error.message : 'error'}`))
      .finally(() => (ticking = false));
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
    whenIdle: (work) => serially(() => Promise.resolve(work())),
    advanceTo: (targetOrMove) =>
      serially(async () => {
        // Relative moves are counted from the clock when their turn comes, not when they were asked for.
        const target = typeof targetOrMove === 'function' ? targetOrMove(options.clock.now()) : targetOrMove;
        if (target.getTime() < options.clock.now().getTime()) options.clock.moveTo(target); // throws: never back
        const done = await runUntil(target);
        if (target.getTime() > options.clock.now().getTime()) options.clock.moveTo(target);
        return done;
      }),
    lastRuns: lastRunsAsText,
  };
}
