export type TrajectoryStatus = 'ACTIVE' | 'CLOSED';

/**
 * Rule `trajectory-closed`: a closed trajectory is read-only; no change, reassignment or extension decision
 * applies to it. Source: closing records the end of the trajectory (its end date and outcome are final);
 * in force for every trajectory. A refusal names it: `trajectory-closed`.
 */
export function isTrajectoryClosed(trajectory: { status: TrajectoryStatus }): boolean {
  return trajectory.status !== 'ACTIVE';
}
