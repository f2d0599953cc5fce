import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';

const RetentionView = lazy(() => z.object({
  rule: withMeta(z.string(), { description: 'The retention rule (see `GET /rules`).' }),
  period: withMeta(z.string(), { description: 'The period in force today, from the rule’s parameter.' }),
  atTheEnd: z.string(),
}));

export const PrivacyRegister = lazy(() => withMeta(
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
        retention: RetentionView(),
      }),
    ),
  }),
  {
    id: 'PrivacyRegister',
    description: 'The processing register (GDPR art. 30): each kind of personal data the system holds.',
  },
));

export const PrivacyRequestBody = lazy(() => withMeta(
  z.strictObject({
    kind: withMeta(z.enum(['ACCESS', 'ERASURE']), {
      description:
        '`ACCESS` (GDPR art. 15): everything held about the person, with who read it and when, and how long it is kept. `ERASURE` (art. 17): their client data removed from every closed trajectory now; what cannot be erased is listed with the reason.',
    }),
    clientReference: withMeta(
      z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,40}$/, 'A pseudonymous reference: 4–40 letters, digits or dashes.')),
      {
        'x-personal': 'client-reference',
        description:
          'The person’s client reference (VDAB client number), found through its keyed hash. Never logged or echoed in errors.',
      },
    ),
    reason: withMeta(z.string().check(z.trim(), z.minLength(10), z.maxLength(2000)), {
      description: "The request's reference and ground at the department; never the person's data.",
    }),
  }),
  { id: 'PrivacyRequestInput' },
));

const TrajectoryAccess = lazy(() => z.object({
  trajectory: z.record(z.string(), z.unknown()),
  auditTrail: z.array(z.object({ at: z.string(), by: z.string(), role: z.string(), action: z.string() })),
  retention: z.object({
    rule: z.string(),
    clientDataUntil: withMeta(z.optional(z.string()), {
      description:
        'For a closed trajectory: the last day its client data are kept. An active one keeps them until 5 years after its end.',
    }),
  }),
}));

export const PrivacyRequestAnswer = lazy(() => withMeta(
  z.object({
    kind: z.enum(['ACCESS', 'ERASURE']),
    answeredAt: z.string(),
    trajectoriesFound: z.number(),
    trajectories: withMeta(z.optional(z.array(TrajectoryAccess())), {
      description: 'ACCESS: each trajectory as stored, its whole audit trail (every read), and its retention.',
    }),
    agreements: withMeta(z.optional(z.array(z.record(z.string(), z.unknown()))), {
      description:
        "ACCESS: the AMA agreements that followed from the person's trajectories (as the department's list shows them; read one for its participant data, audited).",
    }),
    erased: withMeta(z.optional(z.array(z.object({ trajectoryId: z.string(), erasedOn: z.string() }))), {
      description: 'ERASURE: the trajectories whose client reference, birth date and keyed hash were removed.',
    }),
    notErased: withMeta(z.optional(z.array(z.object({ trajectoryId: z.string(), reason: z.string() }))), {
      description: 'ERASURE: what could not be erased, with the legal reason.',
    }),
    kept: withMeta(z.optional(z.array(z.string())), { description: 'ERASURE: what stays after it, and why.' }),
  }),
  { id: 'PrivacyRequestAnswer' },
));
