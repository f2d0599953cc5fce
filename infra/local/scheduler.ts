import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Context } from 'aws-lambda';
import { Cron } from 'croner';
import { schedules as allSchedules, type ScheduleSpec } from '../../shared/schedules.ts';
import { REPO_ROOT } from './paths.ts';
import { lambdaContext } from './api-event.ts';

/** EventBridge Scheduler's cron fields as a 5-field expression (its `?` means "any"). */
export function toCronExpression(spec: ScheduleSpec): string {
  const any = (field: string | undefined) => (field === undefined || field === '?' ? '*' : field);
  const { minute, hour, day, month, weekDay } = spec.cron;
  return [minute, hour, any(day), any(month), any(weekDay)].join(' ');
}

/** A schedule's handler, as EventBridge Scheduler invokes it. */
type ScheduledHandler = (event: { source: string; scheduleId: string }, context: Context) => Promise<unknown>;

export interface LocalScheduler {
  stop(): void;
  describe(): string;
}

/** Runs each schedule's handler in-process at the times EventBridge Scheduler would, in its time zone. */
export function startLocalScheduler(options: {
  log: (line: string) => void;
  schedules?: readonly ScheduleSpec[];
}): LocalScheduler {
  const list = options.schedules ?? allSchedules;
  const jobs = list.map(
    (spec) =>
      new Cron(toCronExpression(spec), { timezone: spec.timeZone, protect: true }, async () => {
        const module = (await import(pathToFileURL(path.join(REPO_ROOT, spec.handler)).href)) as { handler: ScheduledHandler };
        try {
          await module.handler({ source: 'local-scheduler', scheduleId: spec.id }, lambdaContext(spec.id, 900_000));
          options.log(`schedule ${spec.id} ran`);
        } catch (error) {
          options.log(`schedule ${spec.id} failed: ${error instanceof Error ? error.name : 'error'}`);
        }
      }),
  );
  return {
    stop: () => jobs.forEach((job) => job.stop()),
    describe: () =>
      jobs.length === 0
        ? 'no schedules defined yet'
        : jobs.map((job, i) => `${list[i]!.id} next at ${job.nextRun()?.toISOString()}`).join('; '),
  };
}
