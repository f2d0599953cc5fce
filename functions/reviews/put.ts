import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { reviewRoutes } from '../../shared/routes/reviews.ts';
import { reviewScoreViolations } from '../../shared/domain/review-rules.ts';
import { getDeclaration, getReview, putReview, reviewView } from '../../shared/store/reviews.ts';
import { loadReviewable } from '../../shared/access/reviews.ts';

export const handler = defineHandler(reviewRoutes.putReview, async ({ params, body, principal, deps }) => {
  const { call } = await loadReviewable(deps, principal, params.callId, params.applicationId);
  const violations = reviewScoreViolations(call.criteria, body.scores);
  if (violations.length > 0) throw problems.validation(violations);
  const declaration = await getDeclaration(deps, params.callId, params.applicationId, principal.userId);
  if (!declaration) {
    throw problems.conflict(
      'declaration-required',
      'Declare first that you have no conflict of interest with the lead or the partners (POST …/reviews/me/declaration).',
    );
  }
  const existing = await getReview(deps, params.callId, params.applicationId, principal.userId);
  const { outcome, record } = await putReview(deps, params.callId, params.applicationId, body, declaration, existing, {
    actor: principal.userId,
    now: deps.clock(),
  });
  if (!outcome.ok) {
    if (outcome.reasons.includes('review-closed')) throw problems.conflict('review-closed', 'The call is no longer in review.');
    throw problems.conflict('concurrent-change', 'Your review changed at the same time; try again.');
  }
  return { status: existing ? 200 : 201, body: reviewView(record), etag: etagOf(record.version) };
});
