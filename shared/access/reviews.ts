import { problems } from '../http/problem.ts';
import type { Principal } from '../http/principal.ts';
import type { Deps } from '../runtime/deps.ts';
import { reviewPhase } from '../domain/call-rules.ts';
import { loadVisibleApplication } from './applications.ts';

/** Reviews are for submitted applications, after the deadline, until the selection starts. */
export async function loadReviewable(deps: Deps, principal: Principal, callId: string, applicationId: string) {
  const loaded = await loadVisibleApplication(deps, principal, callId, applicationId);
  const { call, application } = loaded;
  const phase = reviewPhase(call, deps.clock());
  if (phase === 'not-open') throw problems.conflict('review-not-open', 'Reviews start after the submission deadline.');
  if (phase === 'closed') throw problems.conflict('review-closed', `The call is ${call.status}: reviews can no longer change.`);
  if (application.submittedVersions === 0 || application.status === 'WITHDRAWN') {
    throw problems.conflict('not-submitted', 'Only applications submitted before the deadline are reviewed.');
  }
  return loaded;
}
