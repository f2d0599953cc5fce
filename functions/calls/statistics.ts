import pLimit from 'p-limit';
import { accepts, defineHandler } from '../../shared/http/handler.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { callReportCsv, callReportLine, type ReportApplication } from '../../shared/domain/call-report.ts';
import { isEvaluable } from '../../shared/domain/selection-start.ts';
import { isDecidedBy } from '../../shared/domain/call-rules.ts';
import { eligibilityOf } from '../../shared/handlers/eligibility-of.ts';
import { allApplications, type ApplicationRecord } from '../../shared/store/applications.ts';
import { allCallsWhere, type CallRecord } from '../../shared/store/calls.ts';

/** Applications checked for eligibility at most this many at a time (two reads each), for calls not yet decided. */
const CHECKS_AT_ONCE = 8;

/**
 * The department's calls report (shared/domain/call-report.ts): per call and region, where the applications
 * stand. Eligibility comes from the decision that stands once a call is decided, and is checked now for the
 * submitted applications of a call that is not. No client data is involved. JSON, or CSV (`Accept: text/csv`).
 */
export const handler = defineHandler(callRoutes.callStatistics, async ({ query, event, deps }) => {
  const calls = (
    await allCallsWhere(deps, (c) => (!query.callId || c.callId === query.callId) && (!query.status || c.status === query.status))
  ).sort((a, b) => (a.submissionDeadline < b.submissionDeadline ? -1 : a.submissionDeadline > b.submissionDeadline ? 1 : 0));
  const limit = pLimit(CHECKS_AT_ONCE);
  const lines = await Promise.all(
    calls.map(async (call) => {
      const applications = await allApplications(deps, call.callId);
      const rows = await Promise.all(applications.map((application) => limit(() => reportApplication(deps, call, application))));
      return callReportLine(call, rows);
    }),
  );
  if (accepts(event, 'text/csv')) {
    return {
      status: 200,
      body: callReportCsv(lines),
      contentType: 'text/csv; charset=utf-8',
      headers: { 'content-disposition': 'attachment; filename="oproepen.csv"' },
    };
  }
  return { status: 200, body: { calls: lines } };
});

async function reportApplication(
  deps: Parameters<typeof eligibilityOf>[0],
  call: CallRecord,
  application: ApplicationRecord,
): Promise<ReportApplication> {
  const outcome = application.outcome;
  const standing = outcome && isDecidedBy(call, outcome.runId) ? outcome.status : undefined;
  const evaluable = isEvaluable(application);
  const eligible = !evaluable
    ? undefined
    : standing
      ? standing !== 'INELIGIBLE'
      : (await eligibilityOf(deps, call, application)).report.eligible;
  return {
    region: application.region,
    status: application.status,
    submitted: application.submittedVersions > 0,
    eligible,
    outcome: standing,
    objection: application.objection,
    partnersNotAnswered: application.partners.filter((p) => !application.partnerAnswers?.[p.enterpriseNumber]).length,
  };
}
