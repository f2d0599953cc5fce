import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { extensionStillExtends } from '../../shared/domain/trajectory-dates.ts';
import { extensionDecidedEmail } from '../../shared/email/templates.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { queueItemDelete } from '../../shared/store/queue.ts';
import { isAwaitingDecision } from '../../shared/domain/mandate.ts';
import {
  extensionDecisionPut,
  extensionView,
  getExtension,
  getTrajectory,
  nextVersion,
  saveTrajectory,
  type ExtensionRecord,
} from '../../shared/store/trajectories.ts';

export const handler = defineHandler(trajectoryRoutes.decideExtension, async ({ params, body, principal, deps }) => {
  const request = await getExtension(deps, params.requestId);
  if (!request) throw problems.notFound('The extension request');
  if (!isAwaitingDecision(request)) throw problems.conflict('already-decided', `This request was already ${request.status}.`);
  const trajectory = await getTrajectory(deps, request.trajectoryId);
  if (!trajectory) throw problems.notFound('The trajectory');
  if (isTrajectoryClosed(trajectory)) throw problems.conflict('trajectory-closed', 'The trajectory is closed.');
  if (body.granted && !extensionStillExtends(request.plannedEndDate, trajectory.maxEndDate)) {
    throw problems.conflict(
      'extension-superseded',
      `This request would end the trajectory on ${request.plannedEndDate}, not after its current maximum end ${trajectory.maxEndDate} (a later request was granted since): it can only be refused.`,
    );
  }
  const now = deps.clock();
  const decided: ExtensionRecord = {
    ...request,
    status: body.granted ? 'GRANTED' : 'REFUSED',
    motivation: body.motivation,
    decidedBy: principal.userId,
    decidedAt: now.toISOString(),
  };
  // A granted extension moves maxEndDate and the planned end, and re-arms the notices; one transaction with the decision.
  const next = nextVersion(
    trajectory,
    body.granted
      ? {
          maxEndDate: request.plannedEndDate,
          plannedEndDate: request.plannedEndDate,
          noticesArmedFrom: brusselsDateOf(now),
          sentMilestones: [],
        }
      : {},
    { actor: principal.userId, now },
  );
  // Both case managers' emails are written with the decision (outbox) and sent once it stands.
  const emails = [trajectory.casemanagerZorg.email, trajectory.casemanagerWerk.email].filter(Boolean).map((to) => ({
    to,
    ...extensionDecidedEmail({
      trajectoryId: trajectory.trajectoryId,
      granted: body.granted,
      plannedEndDate: request.plannedEndDate,
      motivation: body.motivation,
    }),
  }));
  const outcome = await saveTrajectory(
    deps,
    next,
    trajectory.version,
    principal,
    body.granted ? 'extension-granted' : 'extension-refused',
    [
      extensionDecisionPut(deps, decided),
      outboxPut(deps, 'extension-decided', emails, now),
      queueItemDelete(deps, 'EXTENSION_REQUEST', request.requestedAt, request.requestId),
    ],
  );
  if (!outcome.ok)
    throw problems.conflict('concurrent-change', 'The request or the trajectory changed at the same time; try again.');
  return { status: 200, body: extensionView(decided) };
});
