import * as z from 'zod';

const RetentionView = z.object({
  rule: z.string().meta({ description: 'The retention rule (see `GET /rules`).' }),
  period: z.string().meta({ description: 'The period in force today, from the rule’s parameter.' }),
  atTheEnd: z.string(),
});

export const PrivacyRegister = z
  .object({
    on: z.string().meta({ description: 'The day the retention periods are given for (today, Brussels).' }),
    items: z.array(
      z.object({
        id: z.string(),
        what: z.object({ nl: z.string(), en: z.string() }),
        subject: z.enum(['client', 'participant', 'staff']),
        special: z.boolean().meta({ description: 'Special-category personal data (GDPR art. 9).' }),
        storedIn: z.string(),
        readers: z.string(),
        purpose: z.string(),
        legalBasis: z.string(),
        retention: RetentionView,
      }),
    ),
  })
  .meta({
    id: 'PrivacyRegister',
    description: 'The processing register (GDPR art. 30): each kind of personal data the system holds.',
  });
