import { defineHandler } from '../../shared/http/handler.ts';
import { ruleRoutes } from '../../shared/routes/rules.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { rulesInForce } from '../../shared/domain/rules/registry.ts';

export const handler = defineHandler(ruleRoutes.listRules, ({ query, deps }) => {
  const on = query.on ?? brusselsDateOf(deps.clock());
  return Promise.resolve({ status: 200, body: { on, items: rulesInForce(on) } });
});
