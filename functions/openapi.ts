/** The OpenAPI document, generated from the route table. Routes and access: shared/functions.ts (OpenApi). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as getOpenApi } from './system/openapi.ts';

export const handler = dispatch(getOpenApi);
