import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { receiptView } from '../../shared/domain/receipt.ts';
import { loadVisibleApplication } from '../../shared/access/applications.ts';

export const handler = defineHandler(applicationRoutes.getReceipt, async ({ params, principal, deps }) => {
  const { application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  if (!application.receipt) throw problems.notFound('A receipt (the application was never submitted)');
  return { status: 200, body: receiptView(application.receipt) };
});
