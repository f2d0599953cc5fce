// First: SDK clients built from here on are traced (shared/runtime/tracing.ts).
import '../../shared/runtime/tracing.ts';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { getMetrics, METRIC } from '../../shared/runtime/metrics.ts';
import { brusselsDateOf, isCalendarDate } from '../../shared/domain/calendar.ts';
import { dueEvaluation, dueMilestone, type Milestone } from '../../shared/domain/notices.ts';
import { sendEmail } from '../../shared/email/send.ts';
import { failedNoticesEmail, trajectoryNoticeEmail } from '../../shared/email/templates.ts';
import { getBackgroundDeps, getDeps, type Deps } from '../../shared/runtime/deps.ts';
import { evaluationNoticeEmail } from '../../shared/email/templates.ts';
import { getWerkpost, recordEvaluationNoticesHandled, type AgreementRecord } from '../../shared/store/ama.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import {
  claimNotice,
  dueTrajectories,
  evaluationNoticeKey,
  markNotice,
  recordSentMilestone,
  trajectoryNoticeKey,
} from '../../shared/store/notices.ts';
import type { TrajectoryRecord } from '../../shared/store/trajectories.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { isPublishedCall, reviewPhase } from '../../shared/domain/call-rules.ts';
import { hasBeenSubmitted } from '../../shared/domain/application-status.ts';
import { allApplications } from '../../shared/store/applications.ts';
import { isDeadlineReminderDue } from '../../shared/domain/call-audience.ts';
import { callDeadlineReminderEmail, callDeadlinePassedEmail } from '../../shared/email/templates.ts';
import { callAudienceEmails } from '../../shared/handlers/call-audience-emails.ts';
import { allCallsWhere, claimCallMessage } from '../../shared/store/calls.ts';
import { outboxPut, outboxPuts } from '../../shared/store/outbox.ts';
import { runRetention, type RetentionRunReport } from '../../shared/handlers/retention-run.ts';

export interface NoticeRunReport {
  date: string;
  itemsRead: number;
  due: number;
  sent: number;
  skipped: number;
  failed: Array<{ trajectoryId: string; milestone: Milestone | `EVALUATION ${string}` }>;
  /** Calls whose deadline reminder this run wrote to the outbox. */
  callReminders?: number;
  /** Calls whose passed deadline this run told the department of. */
  callsPastDeadline?: number;
  /** The retention run of the same day (shared/handlers/retention-run.ts). */
  retention?: RetentionRunReport;
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
  for (const item of items as Array<TrajectoryRecord | AgreementRecord>) {
    if (item.entity === 'AmaAgreement') {
      await evaluationNotice(deps, item, date, now, report);
      continue;
    }
    const trajectory = item;
    const milestone = dueMilestone({
      plannedEndDate: trajectory.plannedEndDate,
      today: date,
      armedFrom: trajectory.noticesArmedFrom,
      sent: trajectory.sentMilestones,
    });
    if (isTrajectoryClosed(trajectory) || !milestone) {
      report.skipped++;
      continue;
    }
    if (
      !(await claimNotice(
        deps,
        trajectoryNoticeKey(trajectory, milestone),
        { trajectoryId: trajectory.trajectoryId, milestone, runDate: date },
        now,
      ))
    ) {
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
      await markNotice(
        deps,
        trajectoryNoticeKey(trajectory, milestone),
        'FAILED',
        now,
        error instanceof Error ? error.name : 'Error',
      );
      report.failed.push({ trajectoryId: trajectory.trajectoryId, milestone });
      continue;
    }
    await markNotice(deps, trajectoryNoticeKey(trajectory, milestone), 'SENT', now);
    await recordSentMilestone(deps, trajectory, milestone);
    report.sent++;
  }
  if (report.failed.length > 0) {
    await sendEmail(deps, { to: deps.departmentEmail, ...failedNoticesEmail({ date, failures: report.failed }) });
  }
  report.callReminders = await callDeadlineReminders(deps, date, now);
  report.callsPastDeadline = await callsPastTheirDeadline(deps, now);
  deps.logger.info('expiring-trajectory notices', { ...report, failed: report.failed.length });
  return report;
}

/**
 * AMA agreements share the sparse index: the begeleider facility is emailed 14 days before each evaluation,
 * once (claim, send, mark), with no participant data; after an outage only the next evaluation still ahead;
 * only while the agreement is active (dueEvaluation).
 */
async function evaluationNotice(
  deps: Deps,
  agreement: AgreementRecord,
  date: string,
  now: Date,
  report: NoticeRunReport,
): Promise<void> {
  const { due: evaluationDate, passed } = dueEvaluation({
    status: agreement.status,
    evaluationDates: agreement.evaluationDates,
    sent: agreement.sentEvaluationNotices,
    today: date,
  });
  if (!evaluationDate) {
    // Evaluations already past (e.g. after an outage) are not announced any more; move the index on.
    if (passed.length > 0) await recordEvaluationNoticesHandled(deps, agreement, passed);
    report.skipped++;
    return;
  }
  if (
    !(await claimNotice(
      deps,
      evaluationNoticeKey(agreement.agreementId, evaluationDate),
      { agreementId: agreement.agreementId, runDate: date },
      now,
    ))
  ) {
    report.skipped++;
    return;
  }
  try {
    const [begeleider, werkpost] = await Promise.all([
      getFacility(deps, agreement.begeleiderEnterpriseNumber),
      getWerkpost(deps, agreement.werkpostId),
    ]);
    if (begeleider) {
      await sendEmail(deps, {
        to: begeleider.email,
        ...evaluationNoticeEmail({ agreementId: agreement.agreementId, evaluationDate, werkpostName: werkpost?.name ?? '' }),
      });
    }
  } catch (error) {
    await markNotice(
      deps,
      evaluationNoticeKey(agreement.agreementId, evaluationDate),
      'FAILED',
      now,
      error instanceof Error ? error.name : 'Error',
    );
    report.failed.push({ trajectoryId: agreement.agreementId, milestone: `EVALUATION ${evaluationDate}` });
    deps.logger.warn('evaluation notice failed', {
      agreementId: agreement.agreementId,
      error: error instanceof Error ? error.name : 'Error',
    });
    return;
  }
  await markNotice(deps, evaluationNoticeKey(agreement.agreementId, evaluationDate), 'SENT', now);
  await recordEvaluationNoticesHandled(deps, agreement, [...passed, evaluationDate]);
  report.sent++;
}

/**
 * Seven days before a published call's deadline (or on the first run after, while it has not passed), its
 * subscribers and every lead and partner of its applications are reminded once (rule `call-audience`): the
 * claim and the outbox entries in one transaction, so a rerun or a concurrent run sends nothing twice.
 * Calls are read whole (a handful a year).
 */
async function callDeadlineReminders(deps: Deps, date: string, now: Date): Promise<number> {
  const due = await allCallsWhere(
    deps,
    (call) => isPublishedCall(call) && isDeadlineReminderDue(call.submissionDeadline, date, now),
  );
  let written = 0;
  for (const call of due) {
    const emails = await callAudienceEmails(deps, call, { withApplications: true }, (facility) =>
      callDeadlineReminderEmail({ callTitle: call.title, deadline: call.submissionDeadline, drafts: facility.drafts }),
    );
    if (await claimCallMessage(deps, call, 'REMINDER', outboxPuts(deps, 'call-deadline-reminder', emails, now), now)) written++;
  }
  return written;
}

/**
 * Once a published call's deadline has passed, the department's mailbox is told, once per deadline, that its
 * applications wait for review and selection (the call is in the department's queue as `CALL_REVIEW`).
 */
async function callsPastTheirDeadline(deps: Deps, now: Date): Promise<number> {
  const passed = await allCallsWhere(deps, (call) => reviewPhase(call, now) === 'open');
  let written = 0;
  for (const call of passed) {
    const submitted = (await allApplications(deps, call.callId)).filter(hasBeenSubmitted).length;
    const email = {
      to: deps.departmentEmail,
      ...callDeadlinePassedEmail({ callTitle: call.title, deadline: call.submissionDeadline, submitted, regions: call.regions }),
    };
    const item = outboxPut(deps, 'call-deadline-passed', [email], now);
    if (item && (await claimCallMessage(deps, call, 'DEADLINE_PASSED', [item], now))) written++;
  }
  return written;
}

/** EventBridge Scheduler invokes it with no date (today in Brussels); `npm run job` passes one. */
export const handler = middy<{ date?: string }, NoticeRunReport, Error, Context>()
  .use(injectLambdaContext(getDeps().logger, { resetKeys: true }))
  .use(logMetrics(getMetrics()))
  .handler(async (event) => {
    const deps = getBackgroundDeps();
    const date = event?.date ?? brusselsDateOf(deps.clock());
    if (!isCalendarDate(date)) throw new Error('date must be YYYY-MM-DD');
    // The notices, then the retention run: each runs even when the other fails; a failure fails the invocation
    // afterwards (EventBridge Scheduler retries it, and both parts are idempotent).
    const failures: unknown[] = [];
    const report = await runExpiringTrajectories(deps, date).catch((error: unknown) => void failures.push(error));
    const retention = await runRetention(deps, date).catch((error: unknown) => void failures.push(error));
    if (report) {
      getMetrics().addMetric(METRIC.noticesSent, MetricUnit.Count, report.sent);
      getMetrics().addMetric(METRIC.noticesFailed, MetricUnit.Count, report.failed.length);
    }
    if (!report || !retention) throw failures[0];
    return { ...report, retention };
  });
