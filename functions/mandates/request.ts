import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { problems } from '../../shared/http/problem.ts';
import { mandateRoutes } from '../../shared/routes/mandates.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { insertMandateRequest, mandateView } from '../../shared/store/mandates.ts';
import { maySeeFacility } from '../../shared/access/facilities.ts';
import { mandateRequestedEmail } from '../../shared/email/templates.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { queueItemPut } from '../../shared/store/queue.ts';
import { mandateRequestLine } from '../../shared/domain/queue.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { trajectoryRegimeOn } from '../../shared/domain/rules/parameters.ts';

export const handler = defineHandler(mandateRoutes.requestMandate, async ({ params, body, principal, deps }) => {
  const facility = maySeeFacility(principal, params.enterpriseNumber)
    ? await getFacility(deps, params.enterpriseNumber)
    : undefined;
  if (!facility) throw problems.notFound('The facility');
  const now = deps.clock();
  if (body.kind === 'CASEMANAGER_ZORG' && trajectoryRegimeOn(brusselsDateOf(now)) === 'DECREE_2022') {
    throw problems.validation([
      {
        path: 'kind',
        rule: 'casemanager-zorg-of-cooperation',
        message:
          'Since 1 July 2023 the department mandates a samenwerkingsverband Zorg per werkingsgebied, not a single facility; ask the department to include your facility.',
      },
    ]);
  }
  // The request enters the department's queue, and the department is told it waits (outbox): both written with it.
  const record = await insertMandateRequest(deps, params.enterpriseNumber, body, { actor: principal.userId, now }, (r) => [
    queueItemPut(deps, mandateRequestLine(r, facility)),
    outboxPut(
      deps,
      'mandate-requested',
      [
        {
          to: deps.departmentEmail,
          ...mandateRequestedEmail({
            requestId: r.requestId,
            kind: r.kind,
            facilityName: facility.name,
            enterpriseNumber: r.enterpriseNumber,
          }),
        },
      ],
      now,
    ),
  ]);
  return { status: 201, body: mandateView(record) };
});
