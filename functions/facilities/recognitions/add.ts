import { defineHandler } from '../../../shared/http/handler.ts';
import '../../../shared/http/middlewares/idempotency.ts';
import { facilityRoutes } from '../../../shared/routes/facilities.ts';
import { addRecognition } from '../../../shared/store/facilities.ts';
import { replyForUpdate } from '../../../shared/handlers/facility-write-reply.ts';

export const handler = defineHandler(facilityRoutes.addRecognition, async ({ params, body, principal, deps }) => {
  const outcome = await addRecognition(deps, params.enterpriseNumber, body, { actor: principal.userId, now: deps.clock() });
  return replyForUpdate(outcome, 201);
});
