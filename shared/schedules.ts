/**
 * The scheduled jobs, defined once: CDK creates an EventBridge Scheduler schedule per entry and the local
 * scheduler runs the same handler on the same cron expression and time zone.
 */
export interface ScheduleSpec {
  id: string;
  description: string;
  /** EventBridge Scheduler cron fields: minute hour day-of-month month day-of-week (year is always *). */
  cron: { minute: string; hour: string; day?: string; month?: string; weekDay?: string };
  timeZone: string;
  /** Handler module relative to the repository root; it exports `handler`. */
  handler: string;
  table: 'read' | 'write';
  sendsEmail: boolean;
  /**
   * When the local cloud's clock is moved past several of its runs (infra/local/scheduler.ts): run `each`
   * of them in order, as the real schedule would have (a daily job: every day passed), or only the `latest`
   * (a sweep that has nothing to do twice). In AWS time only runs, so EventBridge Scheduler never needs it.
   */
  missedRuns: 'each' | 'latest';
}

export const schedules: readonly ScheduleSpec[] = [
  {
    id: 'expiring-trajectories',
    description:
      'Every day at 07:00 Brussels time: notices 60, 30 and 7 days before a planned end, and when overdue; then the retention run (personal data whose retention ended).',
    cron: { minute: '0', hour: '7', day: '*', month: '*', weekDay: '?' },
    timeZone: 'Europe/Brussels',
    handler: 'functions/jobs/expiring-trajectories.ts',
    table: 'write',
    sendsEmail: true,
    missedRuns: 'each',
  },
  {
    id: 'outbox-sweep',
    description: 'Every 5 minutes: delivers outbox emails still pending after the stream sender gave up (SES was down).',
    cron: { minute: '0/5', hour: '*', day: '*', month: '*', weekDay: '?' },
    timeZone: 'Europe/Brussels',
    handler: 'functions/jobs/outbox-sweep.ts',
    table: 'write',
    sendsEmail: true,
    missedRuns: 'latest',
  },
];
