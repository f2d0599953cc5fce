import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf, versionFromIfMatch } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { trajectoryDateViolations } from '../../shared/domain/trajectory-dates.ts';
import { providerViolations } from '../../shared/domain/trajectory-rules.ts';
import { nextVersion, saveTrajectory, trajectoryView } from '../../shared/store/trajectories.ts';
import { loadForChange } from '../../shared/access/trajectories.ts';
import { actionPaths, networkWithMembers } from '../../shared/handlers/network-members.ts';

export const handler = defineHandler(trajectoryRoutes.patchTrajectory, async ({ params, body, ifMatch, principal, deps }) => {
  const current = await loadForChange(deps, principal, params.trajectoryId);
  const expectedVersion = versionFromIfMatch(ifMatch, current.version);
  if (expectedVersion !== current.version) throw problems.preconditionFailed();
  const plannedEndDate = body.plannedEndDate ?? current.plannedEndDate;
  const workActions = body.workActions ?? current.workActions;
  const careActions = body.careActions ?? current.careActions;
  const lists = { workActions, careActions };
  const { members } = await networkWithMembers(deps, current.networkId);
  const errors = [
    ...trajectoryDateViolations({
      startDate: current.startDate,
      plannedEndDate,
      maxEndDate: current.maxEndDate,
      actions: actionPaths(lists),
    }),
    ...providerViolations(members, { workActions: body.workActions, careActions: body.careActions }),
  ];
  if (errors.length > 0) throw problems.validation(errors);
  const now = deps.clock();
  const moved = plannedEndDate !== current.plannedEndDate;
  const next = nextVersion(
    current,
    {
      plannedEndDate,
      workActions,
      careActions,
      // A planned end that moves re-arms the notices not yet due.
      ...(moved ? { noticesArmedFrom: brusselsDateOf(now), sentMilestones: [] } : {}),
      // A changed plan is a new plan: both case managers confirm it again.
      planConfirmations: {},
    },
    { actor: principal.userId, now },
  );
  const outcome = await saveTrajectory(deps, next, current.version, principal, moved ? 'plan-changed-end-date' : 'plan-changed');
  if (!outcome.ok) throw problems.preconditionFailed();
  return { status: 200, body: trajectoryView(next), etag: etagOf(next.version) };
});
