import * as z from '../zod.ts';
import { withMeta } from '../zod.ts';

const RetentionView = z.object({
  rule: withMeta(z.string(), { description: 'The retention rule (see `GET /rules`).' }),
  period: withMeta(z.string(), { description: 'The period in force today, from the rule’s parameter.' }),
  atTheEnd: z.string(),
});

export const PrivacyRegister = withMeta(
  z.object({
    on: withMeta(z.string(), { description: 'The day the retention periods are given for (today, Brussels).' }),
    items: z.array(
      z.object({
        id: z.string(),
        what: z.object({ nl: z.string(), en: z.string() }),
        subject: z.enum(['client', 'participant', 'staff']),
        special: withMeta(z.boolean(), { description: 'Special-category personal data (GDPR art. 9).' }),
        storedIn: z.string(),
        readers: z.string(),
        purpose: z.string(),
        legalBasis: z.string(),
        retention: RetentionView,
      }),
    ),
  }),
  {
    id: 'PrivacyRegister',
    description: 'The processing register (GDPR art. 30): each kind of personal data the system holds.',
  },
);
