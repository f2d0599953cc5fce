import { defineHandler } from '../../shared/http/handler.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { listTrajectoriesFor, recordAuditOfMany, trajectoryView } from '../../shared/store/trajectories.ts';

export const handler = defineHandler(trajectoryRoutes.listTrajectories, async ({ query, principal, deps }) => {
  // A case manager lists the ones they manage; the department lists all.
  const source = hasRole(principal, 'department')
    ? { index: 'GSI3' as const, partition: 'TRAJECTORIES' }
    : hasRole(principal, 'casemanager-zorg')
      ? { index: 'GSI1' as const, partition: `CMZ#${principal.userId}` }
      : { index: 'GSI2' as const, partition: `CMW#${principal.userId}` };
  const page = await listTrajectoriesFor(deps, {
    ...source,
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
