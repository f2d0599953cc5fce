import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { selectionRoutes } from '../../shared/routes/selection.ts';
import { objectionDecidedEmail } from '../../shared/email/templates.ts';
import { saveObjection, type Objection } from '../../shared/store/applications.ts';
import { getFacilities } from '../../shared/store/facilities.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { queueItemDelete, queueItemReplace } from '../../shared/store/queue.ts';
import { objectionLine } from '../../shared/domain/queue.ts';
import { loadVisibleApplication } from '../../shared/access/applications.ts';

/**
 * The department's answer to an objection. An upheld objection changes no network by itself: acting on
 * it is the department's own, recorded decision.
 */
export const handler = defineHandler(selectionRoutes.decideObjection, async ({ params, body, principal, deps }) => {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  if (!application.objection) throw problems.notFound('An objection');
  if (application.objection.decision) throw problems.conflict('objection-decided', 'This objection was already answered.');
  const now = deps.clock();
  const answered: Objection = {
    ...application.objection,
    decision: body.decision,
    motivation: body.motivation,
    decidedAt: now.toISOString(),
    decidedBy: principal.userId,
  };
  // The lead's email is written with the decision (outbox) and sent once it stands.
  const lead = (await getFacilities(deps, [application.leadEnterpriseNumber])).get(application.leadEnterpriseNumber);
  const emails = lead
    ? [
        {
          to: lead.email,
          ...objectionDecidedEmail({
            callTitle: call.title,
            trackingNumber: application.trackingNumber,
            decision: body.decision,
            motivation: body.motivation,
          }),
        },
      ]
    : [];
  const saved = await saveObjection(
    deps,
    application,
    answered,
    historyEntry({ actor: principal.userId, now }, 'objection-decided', { details: { decision: body.decision } }),
    'open',
    [
      outboxPut(deps, 'objection-decided', emails, now),
      // Rejected, it leaves the queue; upheld, it waits there until its region is decided again.
      body.decision === 'UPHELD'
        ? queueItemReplace(deps, objectionLine(application, answered, call))
        : queueItemDelete(deps, 'OBJECTION', application.objection.lodgedAt, application.applicationId),
    ],
  );
  if (!saved.ok) throw problems.conflict('objection-decided', 'This objection was already answered.');
  return { status: 200, body: answered };
});
