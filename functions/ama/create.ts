import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { agreementContentViolations, followsFromAmaTrajectory, hasFreePlace } from '../../shared/domain/ama.ts';
import { agreementView, getWerkpost, insertAgreement, newAgreement, newAgreementId } from '../../shared/store/ama.ts';
import { sealParticipantIdentity, separateParticipantIdentity } from '../../shared/runtime/participant-identity.ts';
import { getTrajectory } from '../../shared/store/trajectories.ts';
import { isRecognisedBegeleider } from '../../shared/access/ama.ts';

export const handler = defineHandler(amaRoutes.createAgreement, async ({ body, principal, deps }) => {
  const begeleider = principal.facility;
  if (!begeleider) throw problems.forbidden();
  const violations = agreementContentViolations(body);
  if (violations.length > 0) throw problems.validation(violations);
  const werkpost = await getWerkpost(deps, body.werkpostId);
  if (!werkpost || werkpost.begeleiderEnterpriseNumber !== begeleider) throw problems.notFound('The werkpost');
  if (!(await isRecognisedBegeleider(deps, begeleider, body.startDate))) {
    throw problems.conflict(
      'not-a-recognised-begeleider',
      `Your facility holds no recognition as begeleider AMA valid on ${body.startDate}.`,
    );
  }
  if (body.trajectoryId) {
    const trajectory = await getTrajectory(deps, body.trajectoryId);
    if (!followsFromAmaTrajectory(trajectory)) {
      throw problems.conflict('trajectory-not-ama', 'An agreement follows from a trajectory closed with outcome AMA.');
    }
  }
  if (!hasFreePlace(werkpost)) throw werkpostFull();
  // The participant's name and number are sealed before anything is written, and never stored in the clear.
  const agreementId = newAgreementId();
  const { content, identity } = separateParticipantIdentity(body);
  const sealed = await sealParticipantIdentity(deps, agreementId, identity);
  const record = newAgreement(begeleider, agreementId, content, sealed, { actor: principal.userId, now: deps.clock() });
  const outcome = await insertAgreement(deps, record, principal.roles);
  if (!outcome.ok) throw werkpostFull();
  return {
    status: 201,
    body: agreementView(record),
    etag: etagOf(record.version),
    headers: { location: `/ama-agreements/${record.agreementId}` },
  };
});

const werkpostFull = () => problems.conflict('werkpost-full', 'The werkpost has no free place (or is closed to new agreements).');
