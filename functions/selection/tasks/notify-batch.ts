import { defineTask } from '../../../shared/workflows/task.ts';
import type { BatchInput } from '../../../shared/workflows/selection.ts';
import { OBJECTION_PERIOD_DAYS, objectionDeadline } from '../../../shared/domain/objection.ts';
import { sendEmail } from '../../../shared/email/send.ts';
import { partnerOutcomeEmail, selectionOutcomeEmail } from '../../../shared/email/templates.ts';
import { outboxPut } from '../../../shared/store/outbox.ts';
import { getApplication, markOutcomeNotified } from '../../../shared/store/applications.ts';
import { getCall } from '../../../shared/store/calls.ts';
import { getFacilities } from '../../../shared/store/facilities.ts';
import {
  claimNotification,
  getBatch,
  getLine,
  notifyPartnersOnce,
  releaseNotification,
} from '../../../shared/store/selection.ts';

/** Emails each lead of the batch its outcome (Dutch), exactly once per application and call, across reruns. */
export const handler = defineTask<BatchInput, { batch: number; sent: number }>('NotifyBatch', async (input, deps) => {
  const call = await getCall(deps, input.callId);
  if (!call) throw new Error('call not found');
  const ids = await getBatch(deps, input.callId, input.runId, input.batch);
  let sent = 0;
  for (const applicationId of ids) {
    const [line, application] = await Promise.all([
      getLine(deps, input.callId, input.runId, applicationId),
      getApplication(deps, input.callId, applicationId),
    ]);
    if (!line || !application) continue;
    const now = deps.clock();
    // The partners that did not decline hear the outcome too: once, through the outbox (claimed with it).
    const partners = line.partners
      .map((p) => p.enterpriseNumber)
      .filter((en) => application.partnerAnswers?.[en]?.answer !== 'DECLINED');
    const facilities = await getFacilities(deps, [line.leadEnterpriseNumber, ...partners]);
    const leadName = facilities.get(line.leadEnterpriseNumber)?.name ?? line.leadEnterpriseNumber;
    const partnerEmails = partners.flatMap((en) => {
      const partner = facilities.get(en);
      return partner
        ? [
            {
              to: partner.email,
              ...partnerOutcomeEmail({
                callTitle: call.title,
                trackingNumber: application.trackingNumber,
                leadName,
                region: line.region,
                outcome: line.outcome,
              }),
            },
          ]
        : [];
    });
    await notifyPartnersOnce(
      deps,
      input.callId,
      applicationId,
      now.toISOString(),
      outboxPut(deps, 'partner-outcome', partnerEmails, now),
    );
    const lead = facilities.get(line.leadEnterpriseNumber);
    if (!lead) continue;
    if (!(await claimNotification(deps, input.callId, applicationId, now.toISOString()))) continue;
    try {
      await sendEmail(deps, {
        to: lead.email,
        ...selectionOutcomeEmail({
          callTitle: call.title,
          trackingNumber: application.trackingNumber,
          region: line.region,
          outcome: line.outcome,
          score: line.score,
          rank: line.rank,
          reasons: line.reasonsNl ?? line.reasons,
          objectionDeadline: objectionDeadline(now),
        }),
      });
    } catch (error) {
      await releaseNotification(deps, input.callId, applicationId);
      throw error;
    }
    await markOutcomeNotified(deps, input.callId, applicationId, now.toISOString());
    sent++;
  }
  deps.logger.info('outcomes emailed', { batch: input.batch, sent, objectionPeriodDays: OBJECTION_PERIOD_DAYS });
  return { batch: input.batch, sent };
});
