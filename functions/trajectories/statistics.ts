import { defineHandler } from '../../shared/http/handler.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { listTrajectoriesFor, type TrajectoryRecord } from '../../shared/store/trajectories.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';

/** Counts only: no client data leaves this function. */
export const handler = defineHandler(trajectoryRoutes.trajectoryStatistics, async ({ deps }) => {
  const all: TrajectoryRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTrajectoriesFor(deps, {
      scope: { of: 'all' },
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const byNetwork = new Map<string, { networkId: string; active: number; closed: number }>();
  const byStatus: Record<string, number> = {};
  const byOutcome: Record<string, number> = {};
  for (const t of all) {
    const n = byNetwork.get(t.networkId) ?? { networkId: t.networkId, active: 0, closed: 0 };
    if (!isTrajectoryClosed(t)) n.active++;
    else n.closed++;
    byNetwork.set(t.networkId, n);
    byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
    if (t.outcome) byOutcome[t.outcome] = (byOutcome[t.outcome] ?? 0) + 1;
  }
  return {
    status: 200,
    body: {
      total: all.length,
      byNetwork: [...byNetwork.values()].sort((a, b) => a.networkId.localeCompare(b.networkId)),
      byStatus,
      byOutcome,
    },
  };
});
