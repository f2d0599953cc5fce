import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { HttpProblem, problems } from '../../shared/http/problem.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import {
  getTrajectory,
  nextVersion,
  saveTrajectory,
  trajectoryView,
  type TrajectoryRecord,
} from '../../shared/store/trajectories.ts';

/**
 * The department names a new casemanager Zorg and/or Werk; a casemanager Zorg of the trajectory's facility
 * takes it over (`takeOver: true`). The previous one loses access at once (access follows the record).
 */
export const handler = defineHandler(trajectoryRoutes.reassignTrajectory, async ({ params, body, principal, deps }) => {
  const current = await getTrajectory(deps, params.trajectoryId);
  const department = hasRole(principal, 'department');
  const sameFacility = hasRole(principal, 'casemanager-zorg') && principal.facility === current?.casemanagerZorg.enterpriseNumber;
  if (!current || (!department && !sameFacility)) throw problems.notFound('The trajectory');
  if (isTrajectoryClosed(current)) throw problems.conflict('trajectory-closed', 'The trajectory is closed; it is read-only.');
  const changes: Partial<TrajectoryRecord> = {};
  if (department) {
    if (body.takeOver) throw problems.validation([{ path: 'takeOver', message: 'Only a casemanager Zorg takes over.' }]);
    if (body.casemanagerZorg) changes.casemanagerZorg = body.casemanagerZorg;
    if (body.casemanagerWerk) changes.casemanagerWerk = body.casemanagerWerk;
  } else {
    if (body.casemanagerZorg || body.casemanagerWerk || !body.takeOver) {
      throw new HttpProblem({
        status: 403,
        slug: 'forbidden',
        title: 'Forbidden',
        detail:
          'A casemanager Zorg can only take the trajectory over (takeOver: true); other reassignments are for the department.',
      });
    }
    changes.casemanagerZorg = { id: principal.userId, email: principal.email ?? '', enterpriseNumber: principal.facility! };
  }
  const next = nextVersion(current, changes, { actor: principal.userId, now: deps.clock() });
  const action = [
    changes.casemanagerZorg ? `casemanager-zorg ${current.casemanagerZorg.id} → ${changes.casemanagerZorg.id}` : '',
    changes.casemanagerWerk ? `casemanager-werk ${current.casemanagerWerk.id} → ${changes.casemanagerWerk.id}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const outcome = await saveTrajectory(deps, next, current.version, principal, `reassigned: ${action}`);
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The trajectory changed at the same time; try again.');
  return { status: 200, body: trajectoryView(next), etag: etagOf(next.version) };
});
