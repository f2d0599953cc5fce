import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { routes } from '../../shared/routes.ts';
import { getAgreement, listAgreementAudit } from '../../shared/store/ama.ts';

export const handler = defineHandler(routes.agreementAudit, async ({ params, deps }) => {
  if (!(await getAgreement(deps, params.agreementId))) throw problems.notFound('The agreement');
  return { status: 200, body: { items: await listAgreementAudit(deps, params.agreementId) } };
});
