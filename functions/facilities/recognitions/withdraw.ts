import { defineHandler } from '../../../shared/http/handler.ts';
import { facilityRoutes } from '../../../shared/routes/facilities.ts';
import { brusselsDateOf } from '../../../shared/domain/calendar.ts';
import { withdrawRecognition } from '../../../shared/store/facilities.ts';
import { replyForUpdate } from '../../../shared/handlers/facility-write-reply.ts';

export const handler = defineHandler(facilityRoutes.withdrawRecognition, async ({ params, principal, deps }) => {
  const now = deps.clock();
  const outcome = await withdrawRecognition(deps, params.enterpriseNumber, params.recognitionId, brusselsDateOf(now), {
    actor: principal.userId,
    now,
  });
  return replyForUpdate(outcome, 200, 'This recognition was already withdrawn.');
});
