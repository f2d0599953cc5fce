import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { problems } from '../../shared/http/problem.ts';
import { reviewRoutes } from '../../shared/routes/reviews.ts';
import { getDeclaration, insertDeclaration } from '../../shared/store/reviews.ts';
import { loadReviewable } from '../../shared/access/reviews.ts';

export const handler = defineHandler(reviewRoutes.declareNoConflict, async ({ params, principal, deps }) => {
  await loadReviewable(deps, principal, params.callId, params.applicationId);
  const existing = await getDeclaration(deps, params.callId, params.applicationId, principal.userId);
  if (existing) return { status: 200, body: { declaredAt: existing.declaredAt } };
  const audit = { actor: principal.userId, now: deps.clock() };
  const outcome = await insertDeclaration(deps, params.callId, params.applicationId, audit);
  if (!outcome.ok) {
    const raced = await getDeclaration(deps, params.callId, params.applicationId, principal.userId);
    if (raced) return { status: 200, body: { declaredAt: raced.declaredAt } };
    throw problems.conflict('review-closed', 'The call is no longer in review.');
  }
  return { status: 201, body: { declaredAt: audit.now.toISOString() } };
});
