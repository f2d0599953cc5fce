import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf, versionFromIfMatch } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { afterContentChange, agreementContentViolations } from '../../shared/domain/ama.ts';
import { agreementView, nextAgreementVersion, saveAgreement } from '../../shared/store/ama.ts';
import { loadAgreement } from '../../shared/access/ama.ts';
import { sealParticipantIdentity, separateParticipantIdentity } from '../../shared/runtime/participant-identity.ts';

export const handler = defineHandler(amaRoutes.updateAgreement, async ({ params, body, ifMatch, principal, deps }) => {
  const current = await loadAgreement(deps, principal, params.agreementId);
  if (versionFromIfMatch(ifMatch, current.version) !== current.version) throw problems.preconditionFailed();
  const change = afterContentChange(current);
  if (!change.ok)
    throw problems.conflict('agreement-not-draft', `The agreement is ${current.status}: its content can no longer change.`);
  if (body.werkpostId !== current.werkpostId) {
    throw problems.validation([
      { path: 'werkpostId', message: 'The werkpost of an agreement does not change; end it and draw up a new one.' },
    ]);
  }
  const violations = agreementContentViolations(body);
  if (violations.length > 0) throw problems.validation(violations);
  const { content, identity } = separateParticipantIdentity(body);
  const participantIdentityEncrypted = await sealParticipantIdentity(deps, current.agreementId, identity);
  const next = nextAgreementVersion(
    current,
    { ...content, participantIdentityEncrypted, signatures: change.signatures, sentEvaluationNotices: [] },
    { actor: principal.userId, now: deps.clock() },
  );
  const outcome = await saveAgreement(
    deps,
    next,
    current.version,
    principal,
    change.voided.length > 0 ? 'changed-signatures-voided' : 'changed',
  );
  if (!outcome.ok) throw problems.preconditionFailed();
  const notice =
    change.voided.length > 0
      ? `The content changed after ${change.voided.length} signature(s): they are void, and every party signs the new text again.`
      : undefined;
  return {
    status: 200,
    body: agreementView(next, { voidedSignatures: change.voided, ...(notice ? { notice } : {}) }),
    etag: etagOf(next.version),
  };
});
