import { isTrajectoryClosed } from '../domain/trajectory-status.ts';
import { problems } from '../http/problem.ts';
import { hasRole, type Principal } from '../http/principal.ts';
import type { Deps } from '../runtime/deps.ts';
import { getTrajectory, recordAudit, type TrajectoryRecord } from '../store/trajectories.ts';

/** Its two case managers and the department; nobody else (404: existence never leaks). */
export function maySeeTrajectory(principal: Principal, trajectory: TrajectoryRecord): boolean {
  if (hasRole(principal, 'department')) return true;
  if (hasRole(principal, 'casemanager-zorg') && trajectory.casemanagerZorg.id === principal.userId) return true;
  return hasRole(principal, 'casemanager-werk') && trajectory.casemanagerWerk.id === principal.userId;
}

export function isCaseManagerOf(principal: Principal, trajectory: TrajectoryRecord): boolean {
  return (
    (hasRole(principal, 'casemanager-zorg') && trajectory.casemanagerZorg.id === principal.userId) ||
    (hasRole(principal, 'casemanager-werk') && trajectory.casemanagerWerk.id === principal.userId)
  );
}

/** Loads a trajectory the caller may see, and records the read in its audit trail. */
export async function loadTrajectory(
  deps: Deps,
  principal: Principal,
  trajectoryId: string,
  action = 'read',
): Promise<TrajectoryRecord> {
  const trajectory = await getTrajectory(deps, trajectoryId);
  if (!trajectory || !maySeeTrajectory(principal, trajectory)) throw problems.notFound('The trajectory');
  if (action) await recordAudit(deps, trajectoryId, principal, action);
  return trajectory;
}

/** Changes are for its two case managers, on an active trajectory. */
export async function loadForChange(deps: Deps, principal: Principal, trajectoryId: string): Promise<TrajectoryRecord> {
  const trajectory = await getTrajectory(deps, trajectoryId);
  if (!trajectory || !maySeeTrajectory(principal, trajectory)) throw problems.notFound('The trajectory');
  if (!isCaseManagerOf(principal, trajectory) && !hasRole(principal, 'department')) throw problems.notFound('The trajectory');
  if (isTrajectoryClosed(trajectory)) throw problems.refusedBy('trajectory-closed', 409, 'The trajectory is closed; it is read-only.');
  return trajectory;
}
