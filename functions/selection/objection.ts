import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { problems } from '../../shared/http/problem.ts';
import { selectionRoutes } from '../../shared/routes/selection.ts';
import { isWithinObjectionPeriod, mayObjectTo, OBJECTION_PERIOD_DAYS } from '../../shared/domain/objection.ts';
import { applicationView, saveObjection, type Objection } from '../../shared/store/applications.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { queueItemPut } from '../../shared/store/queue.ts';
import { objectionLine } from '../../shared/domain/queue.ts';
import { objectionLodgedEmail } from '../../shared/email/templates.ts';
import { loadVisibleApplication, requireLead } from '../../shared/access/applications.ts';

export const handler = defineHandler(selectionRoutes.lodgeObjection, async ({ params, body, principal, deps }) => {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  requireLead(principal, application);
  const view = applicationView(application, call);
  if (!view.outcome?.notifiedAt) throw problems.conflict('no-outcome', 'There is no outcome to object to yet.');
  const now = deps.clock();
  if (!isWithinObjectionPeriod(new Date(view.outcome.notifiedAt), now)) {
    throw problems.conflict(
      'objection-period-over',
      `Objections are possible within ${OBJECTION_PERIOD_DAYS} days of the outcome email.`,
    );
  }
  if (!mayObjectTo(view.outcome)) {
    throw problems.refusedBy('objection-against-refusal', 409, 'Your application was selected: there is nothing to object to.');
  }
  const objection: Objection = { grounds: body.grounds, lodgedAt: now.toISOString(), lodgedBy: principal.userId };
  const saved = await saveObjection(
    deps,
    application,
    objection,
    historyEntry({ actor: principal.userId, now }, 'objection-lodged'),
    'none',
    // It enters the department's queue, and the department's mailbox is told once (outbox): both with the objection.
    [
      queueItemPut(deps, objectionLine(application, objection, call)),
      outboxPut(
        deps,
        'objection-lodged',
        [
          {
            to: deps.departmentEmail,
            ...objectionLodgedEmail({
              callTitle: call.title,
              trackingNumber: application.trackingNumber,
              region: application.region,
              lodgedAt: objection.lodgedAt,
            }),
          },
        ],
        now,
      ),
    ],
  );
  if (!saved.ok) throw problems.conflict('objection-exists', 'An objection to this outcome was already lodged.');
  deps.logger.info('objection lodged', { callId: call.callId, applicationId: application.applicationId });
  return { status: 201, body: objection };
});
