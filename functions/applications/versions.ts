import { defineHandler } from '../../shared/http/handler.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { receiptView } from '../../shared/domain/receipt.ts';
import { listVersions } from '../../shared/store/applications.ts';
import { loadVisibleApplication } from '../../shared/access/applications.ts';

export const handler = defineHandler(applicationRoutes.listVersions, async ({ params, principal, deps }) => {
  const { application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  const versions = await listVersions(deps, application.callId, application.applicationId);
  return {
    status: 200,
    body: { items: versions.map((v) => ({ version: v.version, content: v.content, receipt: receiptView(v.receipt) })) },
  };
});
