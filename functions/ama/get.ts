import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { routes } from '../../shared/routes.ts';
import { agreementView } from '../../shared/store/ama.ts';
import { loadAgreement } from './access.ts';

export const handler = defineHandler(routes.getAgreement, async ({ params, principal, deps }) => {
  const agreement = await loadAgreement(deps, principal, params.agreementId, 'read');
  return { status: 200, body: agreementView(agreement), etag: etagOf(agreement.version) };
});
