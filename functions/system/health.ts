import { defineHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/routes.ts';

export const handler = defineHandler(routes.health, async () => ({ status: 200, body: { status: 'ok' } }));
