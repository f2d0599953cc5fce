import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { getTrajectory, nextVersion, reopenTrajectory, trajectoryView } from '../../shared/store/trajectories.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';

/**
 * The department undoes a wrong closing: the trajectory is ACTIVE again, what the closing recorded and the
 * reason are kept with it (`corrections`) and the audit trail says `reopened`; the statistics follow (they
 * count records as they are). The client must not have started another trajectory since.
 */
export const handler = defineHandler(trajectoryRoutes.reopenTrajectory, async ({ params, body, principal, deps }) => {
  const current = await getTrajectory(deps, params.trajectoryId);
  if (!current) throw problems.notFound('The trajectory');
  if (!isTrajectoryClosed(current) || !current.endDate || !current.outcome) {
    throw problems.conflict('not-closed', 'The trajectory is not closed; there is nothing to reopen.');
  }
  if (!current.clientKey) {
    throw problems.refusedBy(
      'retention-trajectory-client-data',
      409,
      "The client's data were removed when their retention ended; the trajectory can no longer be reopened.",
    );
  }
  const clientKey = current.clientKey;
  const now = deps.clock();
  const { endDate: _endDate, outcome: _outcome, ...open } = current;
  const next = nextVersion(
    { ...open, status: 'ACTIVE' },
    {
      corrections: [
        ...(current.corrections ?? []),
        {
          action: 'reopened',
          at: now.toISOString(),
          by: principal.userId,
          reason: body.reason,
          endDate: current.endDate,
          outcome: current.outcome,
        },
      ],
      // The notices still to come count again from today.
      noticesArmedFrom: brusselsDateOf(now),
    },
    { actor: principal.userId, now },
  );
  const outcome = await reopenTrajectory(deps, { ...next, clientKey }, current.version, principal);
  if (!outcome.ok) {
    if (outcome.reasons.includes('client-has-active-trajectory')) {
      throw problems.conflict(
        'client-has-active-trajectory',
        'The client has started another trajectory since; it cannot be reopened.',
      );
    }
    throw problems.conflict('concurrent-change', 'The trajectory changed at the same time; GET it and try again.');
  }
  return { status: 200, body: trajectoryView(next), etag: etagOf(next.version) };
});
