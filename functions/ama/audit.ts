import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { getAgreement, listAgreementAudit } from '../../shared/store/ama.ts';

export const handler = defineHandler(amaRoutes.agreementAudit, async ({ params, deps }) => {
  if (!(await getAgreement(deps, params.agreementId))) throw problems.notFound('The agreement');
  return { status: 200, body: { items: await listAgreementAudit(deps, params.agreementId) } };
});
