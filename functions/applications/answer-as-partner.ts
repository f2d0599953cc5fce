import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { HttpProblem, problems } from '../../shared/http/problem.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { isCallOpen } from '../../shared/domain/call-rules.ts';
import { isWithdrawnApplication } from '../../shared/domain/application-status.ts';
import { partnerAnsweredEmail } from '../../shared/email/templates.ts';
import { applicationView, recordPartnerAnswer } from '../../shared/store/applications.ts';
import { getFacilities } from '../../shared/store/facilities.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { loadVisibleApplication } from '../../shared/access/applications.ts';

const callClosed = () =>
  problems.refusedBy('call-open', 409, 'The submission deadline has passed: partners answer while the call is open.');

/**
 * A facility named as partner confirms or declines its part (rule `partners-confirmed`: only confirmed
 * partners count for eligibility), while the call is open; it may change its answer until then. The lead
 * is emailed (outbox, with the answer).
 */
export const handler = defineHandler(applicationRoutes.answerAsPartner, async ({ params, body, principal, deps }) => {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  const partner = application.partners.find((p) => p.enterpriseNumber === principal.facility);
  if (!partner) {
    throw new HttpProblem({
      status: 403,
      slug: 'not-a-partner',
      title: 'Forbidden',
      detail: 'Only a facility named as partner answers for its part; the lead takes part by leading.',
    });
  }
  const now = deps.clock();
  if (!isCallOpen(call, now)) throw callClosed();
  if (isWithdrawnApplication(application)) throw problems.conflict('application-withdrawn', 'The lead withdrew this application.');
  const previous = application.partnerAnswers?.[partner.enterpriseNumber];
  if (previous?.answer === body.answer && previous.comment === body.comment) {
    return { status: 200, body: applicationView(application), etag: etagOf(application.version) };
  }
  const facilities = await getFacilities(deps, [application.leadEnterpriseNumber, partner.enterpriseNumber]);
  const lead = facilities.get(application.leadEnterpriseNumber);
  // The lead hears of a decline (it must act: remove the partner or talk to it); a confirmation shows in the application.
  const emails =
    lead && body.answer === 'DECLINED'
      ? [
          {
            to: lead.email,
            ...partnerAnsweredEmail({
              trackingNumber: application.trackingNumber,
              partnerName: facilities.get(partner.enterpriseNumber)?.name ?? partner.enterpriseNumber,
              answer: body.answer,
              comment: body.comment,
            }),
          },
        ]
      : [];
  const outcome = await recordPartnerAnswer(
    deps,
    application,
    partner.enterpriseNumber,
    { answer: body.answer, ...(body.comment ? { comment: body.comment } : {}) },
    { actor: principal.userId, now },
    [outboxPut(deps, 'partner-answered', emails, now)],
  );
  if (!outcome.ok) {
    if (outcome.reasons.includes('call-closed')) throw callClosed();
    throw problems.conflict('application-changed', 'The application changed at the same time; read it and answer again.');
  }
  return { status: 200, body: applicationView(outcome.record), etag: etagOf(outcome.record.version) };
});
