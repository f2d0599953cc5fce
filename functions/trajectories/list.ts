import { defineHandler } from '../../shared/http/handler.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import {
  listTrajectoriesFor,
  recordAuditOfMany,
  type TrajectoryListScope,
  trajectoryView,
} from '../../shared/store/trajectories.ts';

export const handler = defineHandler(trajectoryRoutes.listTrajectories, async ({ query, principal, deps }) => {
  // A case manager lists the ones they manage; the department lists all.
  const scope: TrajectoryListScope = hasRole(principal, 'department')
    ? { of: 'all' }
    : hasRole(principal, 'casemanager-zorg')
      ? { of: 'casemanager-zorg', userId: principal.userId }
      : { of: 'casemanager-werk', userId: principal.userId };
  const page = await listTrajectoriesFor(deps, {
    scope,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    where: (t) =>
      (!query.networkId || t.networkId === query.networkId) &&
      (!query.status || t.status === query.status) &&
      (!query.endsBefore || t.plannedEndDate < query.endsBefore),
  });
  // Every read of a trajectory is audited, also in a list.
  await recordAuditOfMany(
    deps,
    page.items.map((t) => t.trajectoryId),
    principal,
    'listed',
  );
  return { status: 200, body: { items: page.items.map(trajectoryView), nextCursor: page.nextCursor } };
});
