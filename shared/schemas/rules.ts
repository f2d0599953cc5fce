import * as z from 'zod';
import { CalendarDate } from './common.ts';

export const RulesQuery = z.strictObject({
  on: CalendarDate.optional().meta({ description: 'The rules in force on this date; today (Europe/Brussels) when left out.' }),
});

export const RuleInForce = z
  .object({
    id: z.string().meta({ description: 'The id a refusal names in its problem document (`rule`).' }),
    title: z.object({ nl: z.string(), en: z.string() }),
    kind: z.enum(['law', 'department', 'system']).meta({
      description:
        '`law`: a decree, an order or the department’s page about them; `department`: the department’s own decision; `system`: a consistency rule of this system.',
    }),
    source: z.string(),
    validFrom: CalendarDate,
    validUntil: CalendarDate.optional(),
    parameters: z.record(z.string(), z.object({ description: z.string(), value: z.unknown() })).meta({
      description: 'Each parameter’s value on the date asked for.',
    }),
    implementedBy: z.string().meta({ description: 'The pure function that applies it, in this repository.' }),
  })
  .meta({ id: 'RuleInForce' });

export const RulesInForce = z.object({ on: CalendarDate, items: z.array(RuleInForce) }).meta({ id: 'RulesInForce' });
