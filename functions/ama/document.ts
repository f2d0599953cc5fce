import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { renderAgreementPdf } from '../../shared/documents/ama-agreement-pdf.ts';
import { getWerkpost } from '../../shared/store/ama.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { loadAgreement } from '../../shared/access/ama.ts';
import { amaLegalBasis, hoursPerWeek } from '../../shared/domain/ama.ts';
import { openParticipantIdentity } from '../../shared/runtime/participant-identity.ts';

export const handler = defineHandler(amaRoutes.agreementDocument, async ({ params, principal, deps }) => {
  const agreement = await loadAgreement(deps, principal, params.agreementId, 'document');
  if (!agreement.participant) {
    throw problems.refusedBy(
      'retention-ama-participant-data',
      409,
      "The participant's data were removed when their retention ended: the agreement can no longer be printed.",
    );
  }
  const participant = agreement.participant;
  const [werkpost, begeleider, identity] = await Promise.all([
    getWerkpost(deps, agreement.werkpostId),
    getFacility(deps, agreement.begeleiderEnterpriseNumber),
    agreement.participantIdentityEncrypted
      ? openParticipantIdentity(deps, agreement.agreementId, agreement.participantIdentityEncrypted)
      : undefined,
  ]);
  const pdf = await renderAgreementPdf({
    agreementId: agreement.agreementId,
    status: agreement.status,
    participant: { ...participant, ...(identity ? { identity } : {}) },
    begeleider: { enterpriseNumber: agreement.begeleiderEnterpriseNumber, name: begeleider?.name ?? '' },
    werkpost: {
      name: werkpost?.name ?? '',
      ...(werkpost?.organisationEnterpriseNumber ? { enterpriseNumber: werkpost.organisationEnterpriseNumber } : {}),
      address: werkpost?.address ?? { street: '', postcode: '', municipality: '' },
    },
    activities: agreement.activities,
    weeklySchedule: agreement.weeklySchedule,
    startDate: agreement.startDate,
    ...(agreement.endDate ? { endDate: agreement.endDate } : {}),
    ...(agreement.plannedEndDate ? { plannedEndDate: agreement.plannedEndDate } : {}),
    legalBasis: amaLegalBasis(agreement.startDate),
    hoursPerWeek: hoursPerWeek(agreement.weeklySchedule),
    ...(agreement.werkpostbegeleider ? { werkpostbegeleider: agreement.werkpostbegeleider } : {}),
    ...(agreement.participantStatus ? { participantStatus: agreement.participantStatus } : {}),
    evaluationDates: agreement.evaluationDates,
    insurance: agreement.insurance,
    guidance: agreement.guidance,
    endingConditions: agreement.endingConditions,
    signatures: agreement.signatures.map((s) => ({
      party: s.party,
      signedAt: s.signedAt,
      ...(s.signerName ? { signerName: s.signerName } : {}),
      ...(s.method ? { method: s.method } : {}),
      ...(s.signedOn ? { signedOn: s.signedOn } : {}),
    })),
    generatedAt: deps.clock().toISOString(),
  });
  return {
    status: 200,
    binary: pdf,
    contentType: 'application/pdf',
    headers: {
      'content-disposition': `inline; filename="overeenkomst-ama-${agreement.agreementId.slice(0, 8)}.pdf"`,
      'cache-control': 'no-store',
    },
  };
});
