import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { applicationView } from '../../shared/store/applications.ts';
import { loadVisibleApplication } from '../../shared/access/applications.ts';

export const handler = defineHandler(applicationRoutes.getApplication, async ({ params, principal, deps }) => {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  return { status: 200, body: applicationView(application, call), etag: etagOf(application.version) };
});
