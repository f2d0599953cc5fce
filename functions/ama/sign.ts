import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { sign } from '../../shared/domain/ama.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { agreementView, nextAgreementVersion, saveAgreement } from '../../shared/store/ama.ts';
import { loadAgreement } from '../../shared/access/ama.ts';
import { isAgreementActive } from '../../shared/domain/ama.ts';

export const handler = defineHandler(amaRoutes.signAgreement, async ({ params, body, principal, deps }) => {
  const current = await loadAgreement(deps, principal, params.agreementId);
  const now = deps.clock();
  if (body.signedOn > brusselsDateOf(now)) {
    throw problems.validation([
      { path: 'signedOn', rule: 'signature-evidence', message: 'A signature is recorded once given: not a future date.' },
    ]);
  }
  const signed = sign(current, { ...body, recordedBy: principal.userId, signedAt: now.toISOString() });
  if (!signed.ok) {
    throw problems.conflict(
      signed.reason,
      signed.reason === 'already-signed'
        ? `${body.party} has already signed.`
        : `The agreement is ${current.status}; it takes no signatures.`,
    );
  }
  const next = nextAgreementVersion(
    current,
    { status: signed.status, signatures: signed.signatures },
    { actor: principal.userId, now },
  );
  const outcome = await saveAgreement(
    deps,
    next,
    current.version,
    principal,
    `signed-${body.party}${isAgreementActive(signed) ? '-active' : ''}`,
  );
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The agreement changed at the same time; GET it and sign again.');
  return { status: 201, body: agreementView(next), etag: etagOf(next.version) };
});
