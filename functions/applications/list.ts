import { defineHandler } from '../../shared/http/handler.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { applicationView, listApplications } from '../../shared/store/applications.ts';
import { loadVisibleCall } from '../../shared/access/calls.ts';
import { maySeeApplication } from '../../shared/access/applications.ts';

export const handler = defineHandler(applicationRoutes.listApplications, async ({ params, query, principal, deps }) => {
  const call = await loadVisibleCall(deps, principal, params.callId);
  const page = await listApplications(deps, call.callId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    where: (a) =>
      maySeeApplication(principal, a) &&
      (!query.region || a.region === query.region) &&
      (!query.status || applicationView(a, call).status === query.status),
  });
  return { status: 200, body: { items: page.items.map((a) => applicationView(a, call)), nextCursor: page.nextCursor } };
});
