import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf, versionFromIfMatch } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { cooperationRoutes } from '../../shared/routes/cooperations.ts';
import { renewalPeriod } from '../../shared/domain/cooperation.ts';
import { cooperationView, getCooperation, saveCooperationMandates } from '../../shared/store/cooperations.ts';

/** The next five-year period, from the day after the last one ends (rule `cooperation-mandate-period`). */
export const handler = defineHandler(cooperationRoutes.renewCooperation, async ({ params, ifMatch, principal, deps }) => {
  const current = await getCooperation(deps, params.cooperationId);
  if (!current) throw problems.notFound('The samenwerkingsverband');
  if (current.mandates.at(-1)?.withdrawnOn) {
    throw problems.refusedBy('mandate-withdrawal', 409, 'Its mandate was withdrawn: it is not renewed; register a new samenwerkingsverband.');
  }
  const expected = versionFromIfMatch(ifMatch, current.version);
  if (expected === undefined) throw problems.preconditionFailed();
  const at = deps.clock().toISOString();
  const next = {
    ...current,
    mandates: [...current.mandates, renewalPeriod(current.mandates)],
    version: current.version + 1,
    updatedAt: at,
    updatedBy: principal.userId,
  };
  const outcome = await saveCooperationMandates(deps, next, expected);
  if (!outcome.ok) {
    if (outcome.reasons.includes('stale')) throw problems.preconditionFailed();
    throw problems.refusedBy(
      'one-cooperation-per-werkingsgebied',
      409,
      `Another samenwerkingsverband Zorg has since been mandated for ${current.werkingsgebied}.`,
    );
  }
  return { status: 200, body: cooperationView(next), etag: etagOf(next.version) };
});
