import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { extensionViolations } from '../../shared/domain/trajectory-rules.ts';
import { extensionRequestedEmail } from '../../shared/email/templates.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { queueItemPut } from '../../shared/store/queue.ts';
import { extensionRequestLine } from '../../shared/domain/queue.ts';
import { extensionView, insertExtensionRequest, newExtensionRecord } from '../../shared/store/trajectories.ts';
import { isCaseManagerOf, loadForChange } from '../../shared/access/trajectories.ts';

/** An exceptional extension (`trajectory-extension`); the department is emailed that it waits for a decision. */
export const handler = defineHandler(trajectoryRoutes.requestExtension, async ({ params, body, principal, deps }) => {
  const trajectory = await loadForChange(deps, principal, params.trajectoryId);
  if (!isCaseManagerOf(principal, trajectory)) throw problems.notFound('The trajectory');
  const now = deps.clock();
  const errors = extensionViolations({
    requestedEnd: body.plannedEndDate,
    currentMaxEnd: trajectory.maxEndDate,
    requestDate: brusselsDateOf(now),
  });
  if (errors.length > 0) throw problems.validation(errors);
  const record = newExtensionRecord(trajectory.trajectoryId, body, { actor: principal.userId, now });
  const email = {
    to: deps.departmentEmail,
    ...extensionRequestedEmail({
      requestId: record.requestId,
      trajectoryId: trajectory.trajectoryId,
      currentMaxEndDate: trajectory.maxEndDate,
      plannedEndDate: body.plannedEndDate,
    }),
  };
  await insertExtensionRequest(deps, record, principal, [
    outboxPut(deps, 'extension-requested', [email], now),
    queueItemPut(deps, extensionRequestLine(record, trajectory)),
  ]);
  return { status: 201, body: extensionView(record) };
});
