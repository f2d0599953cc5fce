import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { showsParticipantIdentity } from '../../shared/domain/ama.ts';
import { agreementView } from '../../shared/store/ama.ts';
import { loadAgreement } from '../../shared/access/ama.ts';
import { openParticipantIdentity } from '../../shared/runtime/participant-identity.ts';

export const handler = defineHandler(amaRoutes.getAgreement, async ({ params, principal, deps }) => {
  const agreement = await loadAgreement(deps, principal, params.agreementId, 'read');
  // The submission, as the department reads it, holds the participant's identity (decrypted here only).
  const identity =
    agreement.participantIdentityEncrypted &&
    showsParticipantIdentity({ isDepartment: hasRole(principal, 'department') }, agreement)
      ? await openParticipantIdentity(deps, agreement.agreementId, agreement.participantIdentityEncrypted)
      : undefined;
  return { status: 200, body: agreementView(agreement, identity ? { identity } : {}), etag: etagOf(agreement.version) };
});
