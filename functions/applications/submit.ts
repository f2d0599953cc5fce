import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { HttpProblem, problems } from '../../shared/http/problem.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { isCallOpen } from '../../shared/domain/call-rules.ts';
import { receiptView, issueReceipt } from '../../shared/domain/receipt.ts';
import { submissionConfirmedEmail } from '../../shared/email/templates.ts';
import {
  getApplication,
  recordRefusal,
  submitApplication,
  submittedContent,
  type ApplicationRecord,
} from '../../shared/store/applications.ts';
import { historyEntry, type Audit } from '../../shared/store/history.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { loadVisibleApplication, requireLead } from '../../shared/access/applications.ts';
import { eligibilityOf } from '../../shared/handlers/eligibility-of.ts';
import '../../shared/runtime/secrets-client.ts';
import { hasBeenSubmitted, isDraftApplication } from '../../shared/domain/application-status.ts';

const deadlinePassed = () =>
  problems.conflict('deadline-passed', 'The submission deadline has passed; the application was not submitted.');

async function refuse(
  deps: Parameters<typeof recordRefusal>[0],
  application: ApplicationRecord,
  audit: Audit,
  reason: string,
  problem: HttpProblem,
) {
  await recordRefusal(deps, application, historyEntry(audit, 'submit-refused', { details: { reason } }));
  return problem;
}

export const handler = defineHandler(applicationRoutes.submitApplication, async ({ params, principal, deps }) => {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  requireLead(principal, application);
  // Submitting again returns the same receipt.
  if (hasBeenSubmitted(application) && application.receipt) return { status: 200, body: receiptView(application.receipt) };
  const audit = { actor: principal.userId, now: deps.clock() };
  if (!isCallOpen(call, audit.now)) {
    throw await refuse(deps, application, audit, 'deadline-passed', deadlinePassed());
  }
  if (!isDraftApplication(application)) {
    throw problems.conflict('not-a-draft', `The application is ${application.status}; reopen it first to submit it again.`);
  }
  const { report, facilities } = await eligibilityOf(deps, call, application);
  if (!report.eligible) {
    const failed = report.rules.filter((r) => !r.passed);
    throw await refuse(
      deps,
      application,
      audit,
      'not-eligible',
      new HttpProblem({
        status: 422,
        slug: 'not-eligible',
        title: 'Not eligible',
        detail: 'The application does not meet every eligibility rule; see report.',
        errors: failed.map((r) => ({ path: r.rule, rule: r.rule, message: r.explanation })),
        extensions: { report, rule: failed[0]?.rule },
      }),
    );
  }
  const receipt = issueReceipt(application, submittedContent(application), audit.now, await deps.receiptKey());
  // The lead's confirmation is written with the submission (outbox) and sent once it stands.
  const lead = facilities.get(application.leadEnterpriseNumber);
  const confirmation = lead
    ? [{ to: lead.email, ...submissionConfirmedEmail({ callTitle: call.title, receipt, region: application.region }) }]
    : [];
  const outcome = await submitApplication(deps, application, receipt, audit, [
    outboxPut(deps, 'application-submitted', confirmation, audit.now),
  ]);
  if (!outcome.ok) {
    // Lost a race: a concurrent retry that submitted first gets its receipt back; anything else is a conflict.
    const now = await getApplication(deps, call.callId, application.applicationId);
    if (now && hasBeenSubmitted(now) && now.receipt) return { status: 200, body: receiptView(now.receipt) };
    if (outcome.reasons.includes('call-closed'))
      throw await refuse(deps, application, audit, 'deadline-passed', deadlinePassed());
    throw problems.conflict('concurrent-change', 'The application changed while it was being submitted; GET it and try again.');
  }
  deps.logger.info('application submitted', { callId: call.callId, applicationId: application.applicationId });
  return { status: 201, body: receipt };
});
