import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { callView } from '../../shared/store/calls.ts';
import { loadVisibleCall } from '../../shared/access/calls.ts';

export const handler = defineHandler(callRoutes.getCall, async ({ params, principal, deps }) => {
  const call = await loadVisibleCall(deps, principal, params.callId);
  return { status: 200, body: callView(call), etag: etagOf(call.version) };
});
