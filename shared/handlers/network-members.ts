import { problems } from '../http/problem.ts';
import type { Deps } from '../runtime/deps.ts';
import { getNetwork } from '../store/networks.ts';
import type { TrajectoryAction } from '../store/trajectories.ts';

/** The standing network, and field errors for action providers that are not among its members. */
export async function networkWithMembers(deps: Deps, networkId: string) {
  const network = await getNetwork(deps, networkId);
  if (!network) throw problems.notFound('The network');
  const members = new Set([network.leadEnterpriseNumber, ...network.partners.map((p) => p.enterpriseNumber)]);
  return { network, members };
}

export function actionPaths(lists: Record<string, readonly TrajectoryAction[] | undefined>) {
  return Object.entries(lists).flatMap(([name, actions]) =>
    (actions ?? []).map((a, i) => ({ path: `${name}[${i}]`, plannedStart: a.plannedStart, plannedEnd: a.plannedEnd })),
  );
}
