import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { brusselsDateOf, isCalendarDate } from '../../shared/domain/calendar.ts';
import { dueMilestone, type Milestone } from '../../shared/domain/notices.ts';
import { sendEmail } from '../../shared/email/send.ts';
import { failedNoticesEmail, trajectoryNoticeEmail } from '../../shared/email/templates.ts';
import { getDeps, type Deps } from '../../shared/runtime/deps.ts';
import { claimNotice, dueTrajectories, markNotice, recordSentMilestone } from '../../shared/store/notices.ts';

export interface NoticeRunReport {
  date: string;
  itemsRead: number;
  due: number;
  sent: number;
  skipped: number;
  failed: Array<{ trajectoryId: string; milestone: Milestone }>;
}

/**
 * The daily expiring-trajectory notices (07:00 Europe/Brussels). Reads only the trajectories that are due
 * (sparse GSI4), sends each the most urgent milestone it reached, exactly once: claim (conditional write),
 * send to both case managers, mark SENT. The one window left is a crash after SES accepted the emails and
 * before the claim is marked: after 15 minutes a later run may send that notice again.
 */
export async function runExpiringTrajectories(deps: Deps, date: string): Promise<NoticeRunReport> {
  const now = deps.clock();
  const { items, itemsRead } = await dueTrajectories(deps, date);
  const report: NoticeRunReport = { date, itemsRead, due: items.length, sent: 0, skipped: 0, failed: [] };
  for (const trajectory of items) {
    const milestone = dueMilestone({
      plannedEndDate: trajectory.plannedEndDate,
      today: date,
      armedFrom: trajectory.noticesArmedFrom,
      sent: trajectory.sentMilestones,
    });
    if (trajectory.status !== 'ACTIVE' || !milestone) {
      report.skipped++;
      continue;
    }
    if (!(await claimNotice(deps, trajectory, milestone, date, now))) {
      report.skipped++;
      continue;
    }
    try {
      const content = trajectoryNoticeEmail({
        trajectoryId: trajectory.trajectoryId,
        networkId: trajectory.networkId,
        plannedEndDate: trajectory.plannedEndDate,
        milestone,
      });
      for (const to of [trajectory.casemanagerZorg.email, trajectory.casemanagerWerk.email].filter(Boolean)) {
        await sendEmail(deps, { to, ...content });
      }
    } catch (error) {
      await markNotice(deps, trajectory, milestone, 'FAILED', now, error instanceof Error ? error.name : 'Error');
      report.failed.push({ trajectoryId: trajectory.trajectoryId, milestone });
      continue;
    }
    await markNotice(deps, trajectory, milestone, 'SENT', now);
    await recordSentMilestone(deps, trajectory, milestone);
    report.sent++;
  }
  if (report.failed.length > 0) {
    await sendEmail(deps, { to: deps.departmentEmail, ...failedNoticesEmail({ date, failures: report.failed }) });
  }
  deps.logger.info('expiring-trajectory notices', { ...report, failed: report.failed.length });
  return report;
}

/** EventBridge Scheduler invokes it with no date (today in Brussels); `npm run job` passes one. */
export const handler = middy<{ date?: string }, NoticeRunReport, Error, Context>()
  .use(injectLambdaContext(getDeps().logger, { resetKeys: true }))
  .handler(async (event) => {
    const deps = getDeps();
    const date = event?.date ?? brusselsDateOf(deps.clock());
    if (!isCalendarDate(date)) throw new Error('date must be YYYY-MM-DD');
    return runExpiringTrajectories(deps, date);
  });
