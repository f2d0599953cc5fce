import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { agreementView } from '../../shared/store/ama.ts';
import { loadAgreement } from '../../shared/access/ama.ts';

export const handler = defineHandler(amaRoutes.getAgreement, async ({ params, principal, deps }) => {
  const agreement = await loadAgreement(deps, principal, params.agreementId, 'read');
  return { status: 200, body: agreementView(agreement), etag: etagOf(agreement.version) };
});
