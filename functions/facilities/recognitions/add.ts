import { defineHandler } from '../../../shared/http/handler.ts';
import { routes } from '../../../shared/routes.ts';
import { addRecognition } from '../../../shared/store/facilities.ts';
import { replyForUpdate } from '../update-outcome.ts';

export const handler = defineHandler(routes.addRecognition, async ({ params, body, principal, deps }) => {
  const outcome = await addRecognition(deps, params.enterpriseNumber, body, { actor: principal.userId, now: deps.clock() });
  return replyForUpdate(outcome, 201);
});
