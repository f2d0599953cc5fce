/**
 * The scheduled jobs, defined once: CDK creates an EventBridge Scheduler schedule per entry and the local
 * scheduler runs the same handler on the same cron expression and time zone.
 */
export interface ScheduleSpec {
  id: string;
  description: string;
  /** EventBridge Scheduler cron fields: minute hour day-of-month month day-of-week year. */
  cron: { minute: string; hour: string; day?: string; month?: string; weekDay?: string };
  timeZone: string;
  /** Handler module relative to the repository root; it exports `handler`. */
  handler: string;
}

/** The notice jobs arrive with the trajectories and AMA issues. */
export const schedules: readonly ScheduleSpec[] = [];
