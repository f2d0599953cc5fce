import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf, versionFromIfMatch } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { nextVersion, saveTrajectory, trajectoryView } from '../../shared/store/trajectories.ts';
import { isCaseManagerOf, loadForChange } from '../../shared/access/trajectories.ts';

/**
 * The casemanager Zorg and the casemanager Werk draw up the plan with the client and each confirm it
 * (If-Match: the version they confirm is the one they read); a later change to the plan clears both.
 */
export const handler = defineHandler(trajectoryRoutes.confirmPlan, async ({ params, ifMatch, principal, deps }) => {
  const current = await loadForChange(deps, principal, params.trajectoryId);
  if (!isCaseManagerOf(principal, current)) throw problems.notFound('The trajectory');
  if (versionFromIfMatch(ifMatch, current.version) !== current.version) throw problems.preconditionFailed();
  const now = deps.clock();
  const side = hasRole(principal, 'casemanager-zorg') && current.casemanagerZorg.id === principal.userId ? 'zorg' : 'werk';
  const next = nextVersion(
    current,
    { planConfirmations: { ...current.planConfirmations, [side]: { by: principal.userId, at: now.toISOString() } } },
    { actor: principal.userId, now },
  );
  const outcome = await saveTrajectory(deps, next, current.version, principal, `plan-confirmed-by-casemanager-${side}`);
  if (!outcome.ok) throw problems.preconditionFailed();
  return { status: 200, body: trajectoryView(next), etag: etagOf(next.version) };
});
