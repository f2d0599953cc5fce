import { defineHandler } from '../../shared/http/handler.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { runLeadAction } from '../../shared/handlers/lead-action.ts';

export const handler = defineHandler(applicationRoutes.withdrawApplication, (request) =>
  runLeadAction(request, 'withdraw', 'withdrawn'),
);
