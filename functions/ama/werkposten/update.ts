import { defineHandler } from '../../../shared/http/handler.ts';
import { etagOf, versionFromIfMatch } from '../../../shared/http/etag.ts';
import { problems } from '../../../shared/http/problem.ts';
import { amaRoutes } from '../../../shared/routes/ama.ts';
import { updateWerkpost, werkpostView } from '../../../shared/store/ama.ts';
import { loadWerkpost } from '../../../shared/access/ama.ts';

export const handler = defineHandler(amaRoutes.updateWerkpost, async ({ params, body, ifMatch, principal, deps }) => {
  const current = await loadWerkpost(deps, principal, params.werkpostId);
  const expected = versionFromIfMatch(ifMatch, current.version);
  if (expected !== current.version) throw problems.preconditionFailed();
  if (body.places !== undefined && body.places < current.takenPlaces) {
    throw problems.validation([
      { path: 'places', message: `${current.takenPlaces} places are taken by agreements; places cannot go below that.` },
    ]);
  }
  const outcome = await updateWerkpost(deps, current.werkpostId, body, expected, { actor: principal.userId, now: deps.clock() });
  if (!outcome.ok) throw problems.preconditionFailed();
  return { status: 200, body: werkpostView(outcome.record), etag: etagOf(outcome.record.version) };
});
