import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { agreementView, nextAgreementVersion, saveAgreement } from '../../shared/store/ama.ts';
import { loadAgreement } from '../../shared/access/ama.ts';
import { isAgreementEnded } from '../../shared/domain/ama.ts';

export const handler = defineHandler(amaRoutes.endAgreement, async ({ params, body, principal, deps }) => {
  const current = await loadAgreement(deps, principal, params.agreementId);
  if (isAgreementEnded(current)) throw problems.conflict('agreement-ended', 'The agreement has already ended.');
  if (body.endDate < current.startDate) {
    throw problems.validation([{ path: 'endDate', message: `The end date cannot be before the start (${current.startDate}).` }]);
  }
  const next = nextAgreementVersion(
    current,
    { status: 'ENDED', endDate: body.endDate, endReason: body.reason },
    { actor: principal.userId, now: deps.clock() },
  );
  const outcome = await saveAgreement(deps, next, current.version, principal, 'ended');
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The agreement changed at the same time; try again.');
  return { status: 200, body: agreementView(next), etag: etagOf(next.version) };
});
