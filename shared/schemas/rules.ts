import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { CalendarDate } from './common.ts';

export const RulesQuery = lazy(() => z.strictObject({
  on: withMeta(z.optional(CalendarDate()), {
    description: 'The rules in force on this date; today (Europe/Brussels) when left out.',
  }),
}));

export const RuleInForce = lazy(() => withMeta(
  z.object({
    id: withMeta(z.string(), { description: 'The id a refusal names in its problem document (`rule`).' }),
    title: z.object({ nl: z.string(), en: z.string() }),
    kind: withMeta(z.enum(['law', 'department', 'system']), {
      description:
        '`law`: a decree, an order or the department’s page about them; `department`: the department’s own decision; `system`: a consistency rule of this system.',
    }),
    source: z.string(),
    validFrom: CalendarDate(),
    validUntil: z.optional(CalendarDate()),
    parameters: withMeta(z.record(z.string(), z.object({ description: z.string(), value: z.unknown() })), {
      description: 'Each parameter’s value on the date asked for.',
    }),
    implementedBy: withMeta(z.string(), { description: 'The pure function that applies it, in this repository.' }),
  }),
  { id: 'RuleInForce' },
));

export const RulesInForce = lazy(() => withMeta(z.object({ on: CalendarDate(), items: z.array(RuleInForce()) }), { id: 'RulesInForce' }));
