import { route, type RouteSpec } from '../http/route.ts';
import { ROLES } from '../domain/reference-data.ts';
import { RulesInForce, RulesQuery } from '../schemas/rules.ts';

export const ruleRoutes = {
  listRules: route({
    operationId: 'listRules',
    method: 'GET',
    path: '/rules',
    handler: 'functions/rules/list.ts',
    summary: 'The rules in force on a date, with their legal source, period and parameters (any signed-in user)',
    tag: 'Rules',
    auth: ROLES,
    table: 'none',
    query: RulesQuery,
    responses: { 200: { description: 'The rules in force on `on`.', schema: RulesInForce } },
  }),
} satisfies Record<string, RouteSpec>;
