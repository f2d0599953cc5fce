import { defineHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/routes.ts';
import { runLeadAction } from './lead-action.ts';

export const handler = defineHandler(routes.reopenApplication, (request) => runLeadAction(request, 'reopen', 'reopened'));
