import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { MANDATE_KINDS } from '../domain/mandate.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery } from './common.ts';

export const MandateKind = lazy(() => withMeta(z.enum(MANDATE_KINDS), { id: 'MandateKind' }));

const Motivation = lazy(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)));

export const MandateRequestBody = lazy(() => withMeta(
  z.discriminatedUnion('kind', [
    withMeta(
      z.strictObject({
        kind: withMeta(z.literal('BEGELEIDER_AMA'), { description: 'Recognition as begeleider AMA.' }),
        qualifiedStaff: withMeta(z.number().check(z.int(), z.gte(0), z.lte(1000)), {
          description: 'Staff qualified to guide AMA participants.',
        }),
        liabilityInsurance: withMeta(z.strictObject({ insurer: oneLine(200), policyReference: oneLine(100) }), {
          description: 'The organisation’s liability insurance.',
        }),
        requestedBy: withMeta(
          z.strictObject({
            name: oneLine(200),
            role: withMeta(oneLine(200), { description: 'Their function in the organisation.' }),
            mayBindOrganisation: withMeta(z.literal(true), {
              description: 'They may bind the organisation (a statutory representative or mandated).',
            }),
          }),
          { description: 'Who asks: someone who can bind the organisation.' },
        ),
        motivation: Motivation(),
      }),
      { id: 'BegeleiderAmaRecognitionRequest' },
    ),
    withMeta(
      z.strictObject({
        kind: withMeta(z.literal('CASEMANAGER_ZORG'), {
          description:
            'Under the 2014 rules only: since 1 July 2023 the department mandates a samenwerkingsverband Zorg (`POST /cooperations`).',
        }),
        icfTrainedStaff: withMeta(z.number().check(z.int(), z.gte(0), z.lte(1000)), { description: 'Staff with ICF training.' }),
        icfTrainingDate: z.optional(CalendarDate()),
        motivation: Motivation(),
      }),
      { id: 'CasemanagerZorgMandateRequest' },
    ),
  ]),
  { id: 'MandateRequestInput' },
));

export type MandateRequestInput = z.output<ReturnType<typeof MandateRequestBody>>;

export const MandateDecisionBody = lazy(() => withMeta(
  z
    .discriminatedUnion('granted', [
      z.strictObject({ granted: z.literal(true), validFrom: CalendarDate(), validUntil: z.optional(CalendarDate()) }),
      z.strictObject({ granted: z.literal(false), reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) }),
    ])
    .check(
      z.superRefine((body, ctx) => {
        if (body.granted && body.validUntil !== undefined && body.validUntil < body.validFrom) {
          ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil may not be before validFrom.' });
        }
      }),
    ),
  { id: 'MandateDecision' },
));

export const MandateRequest = lazy(() => withMeta(
  z.object({
    requestId: z.string(),
    enterpriseNumber: z.string(),
    kind: MandateKind(),
    status: z.enum(['REQUESTED', 'GRANTED', 'REFUSED']),
    icfTrainedStaff: z.optional(z.number().check(z.int())),
    icfTrainingDate: z.optional(CalendarDate()),
    qualifiedStaff: z.optional(z.number().check(z.int())),
    liabilityInsurance: z.optional(z.object({ insurer: z.string(), policyReference: z.string() })),
    requestedBy: z.optional(z.object({ name: z.string(), role: z.string(), mayBindOrganisation: z.literal(true) })),
    motivation: z.string(),
    validFrom: z.optional(CalendarDate()),
    validUntil: z.optional(CalendarDate()),
    reason: z.optional(z.string()),
    decidedAt: z.optional(Instant()),
    decidedBy: z.optional(z.string()),
    withdrawnOn: withMeta(z.optional(CalendarDate()), {
      description: 'Withdrawn by the department: it no longer counts from this day.',
    }),
    withdrawalReason: z.optional(z.string()),
    ...AuditFields(),
  }),
  { id: 'MandateRequest' },
));

export const MandateWithdrawn = lazy(() => withMeta(
  z.extend(MandateRequest(), {
    toReassign: withMeta(
      z.object({
        trajectories: withMeta(
          z.array(z.object({ trajectoryId: z.string(), startDate: z.string(), plannedEndDate: z.string() })),
          { description: "A casemanager Zorg mandate: the facility's running trajectories under it (ids and dates only)." },
        ),
        agreements: withMeta(z.array(z.object({ agreementId: z.string(), status: z.string(), startDate: z.string() })), {
          description: "A recognition as begeleider AMA: the facility's agreements not ended (no participant data).",
        }),
      }),
      { description: 'What runs on and is to be reassigned to another holder; the facility is told how many.' },
    ),
  }),
  { id: 'MandateWithdrawn' },
));

export const MandateWithdrawalBody = lazy(() => withMeta(
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
    withdrawnOn: withMeta(z.optional(CalendarDate()), {
      description: 'From this day on it no longer counts; today when left out.',
    }),
  }),
  { id: 'MandateWithdrawal' },
));

export const MandateRequestParams = lazy(() => z.strictObject({
  requestId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a request id.')),
}));
export const FacilityParams = lazy(() => z.strictObject({ enterpriseNumber: EnterpriseNumber() }));

export const ListAllMandateRequestsQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  status: withMeta(z.optional(z.enum(['REQUESTED', 'GRANTED', 'REFUSED'])), {
    description: 'REQUESTED: what waits for a decision.',
  }),
  kind: z.optional(MandateKind()),
}));

export const MandateRequestPage = lazy(() => pageOf(MandateRequest(), 'MandateRequestPage'));
