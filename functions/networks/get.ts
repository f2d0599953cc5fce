import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { selectionRoutes } from '../../shared/routes/selection.ts';
import { getNetwork, networkView } from '../../shared/store/networks.ts';

export const handler = defineHandler(selectionRoutes.getNetwork, async ({ params, deps }) => {
  const network = await getNetwork(deps, params.networkId);
  if (!network) throw problems.notFound('The network');
  return { status: 200, body: networkView(network) };
});
