/** Liveness check; imports nothing it does not need. Routes and access: shared/functions.ts (Health). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as getHealth } from './system/health.ts';

export const handler = dispatch(getHealth);
