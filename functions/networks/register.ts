import { randomUUID } from 'node:crypto';
import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { getFacilities } from '../../shared/store/facilities.ts';
import { networkView } from '../../shared/store/networks.ts';
import { networkItem } from '../../shared/store/selection.ts';
import { putAll } from '../../shared/store/batch-write.ts';

export const handler = defineHandler(trajectoryRoutes.registerNetwork, async ({ body, deps }) => {
  const members = [body.leadEnterpriseNumber, ...body.partners.map((p) => p.enterpriseNumber)];
  const registered = await getFacilities(deps, members);
  const missing = members
    .map((en, i) => ({ en, path: i === 0 ? 'leadEnterpriseNumber' : `partners[${i - 1}].enterpriseNumber` }))
    .filter(({ en }) => !registered.has(en));
  if (missing.length > 0) throw problems.validation(missing.map(({ path }) => ({ path, message: 'Not a registered facility.' })));
  const network = networkItem({
    networkId: randomUUID(),
    callId: body.callId ?? 'outside-the-system',
    runId: 'manual',
    applicationId: '',
    region: body.region,
    leadEnterpriseNumber: body.leadEnterpriseNumber,
    partners: body.partners,
    appointedAt: new Date(body.appointedAt).toISOString(),
    registeredManually: true,
  });
  await putAll(deps, [network as unknown as Record<string, unknown>]);
  return { status: 201, body: networkView(network) };
});
