import { defineHandler } from '../../shared/http/handler.ts';
import { reviewRoutes } from '../../shared/routes/reviews.ts';
import { listReviews, reviewView } from '../../shared/store/reviews.ts';
import { loadVisibleApplication } from '../../shared/access/applications.ts';

export const handler = defineHandler(reviewRoutes.listReviews, async ({ params, principal, deps }) => {
  await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  const reviews = await listReviews(deps, params.callId, params.applicationId);
  return { status: 200, body: { items: reviews.map(reviewView) } };
});
