import * as z from 'zod';
import { MANDATE_KINDS } from '../domain/mandate.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery } from './common.ts';

export const MandateKind = z.enum(MANDATE_KINDS).meta({ id: 'MandateKind' });

const Motivation = z.string().trim().min(1).max(10_000);

export const MandateRequestBody = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('BEGELEIDER_AMA').meta({ description: 'Recognition as begeleider AMA.' }),
        qualifiedStaff: z.number().int().min(0).max(1000).meta({ description: 'Staff qualified to guide AMA participants.' }),
        liabilityInsurance: z
          .strictObject({ insurer: oneLine(200), policyReference: oneLine(100) })
          .meta({ description: 'The organisation’s liability insurance.' }),
        requestedBy: z
          .strictObject({
            name: oneLine(200),
            role: oneLine(200).meta({ description: 'Their function in the organisation.' }),
            mayBindOrganisation: z
              .literal(true)
              .meta({ description: 'They may bind the organisation (a statutory representative or mandated).' }),
          })
          .meta({ description: 'Who asks: someone who can bind the organisation.' }),
        motivation: Motivation,
      })
      .meta({ id: 'BegeleiderAmaRecognitionRequest' }),
    z
      .strictObject({
        kind: z.literal('CASEMANAGER_ZORG').meta({
          description:
            'Under the 2014 rules only: since 1 July 2023 the department mandates a samenwerkingsverband Zorg (`POST /cooperations`).',
        }),
        icfTrainedStaff: z.number().int().min(0).max(1000).meta({ description: 'Staff with ICF training.' }),
        icfTrainingDate: CalendarDate.optional(),
        motivation: Motivation,
      })
      .meta({ id: 'CasemanagerZorgMandateRequest' }),
  ])
  .meta({ id: 'MandateRequestInput' });

export type MandateRequestInput = z.output<typeof MandateRequestBody>;

export const MandateDecisionBody = z
  .discriminatedUnion('granted', [
    z.strictObject({ granted: z.literal(true), validFrom: CalendarDate, validUntil: CalendarDate.optional() }),
    z.strictObject({ granted: z.literal(false), reason: z.string().trim().min(1).max(5000) }),
  ])
  .superRefine((body, ctx) => {
    if (body.granted && body.validUntil !== undefined && body.validUntil < body.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil may not be before validFrom.' });
    }
  })
  .meta({ id: 'MandateDecision' });

export const MandateRequest = z
  .object({
    requestId: z.string(),
    enterpriseNumber: z.string(),
    kind: MandateKind,
    status: z.enum(['REQUESTED', 'GRANTED', 'REFUSED']),
    icfTrainedStaff: z.number().int().optional(),
    icfTrainingDate: CalendarDate.optional(),
    qualifiedStaff: z.number().int().optional(),
    liabilityInsurance: z.object({ insurer: z.string(), policyReference: z.string() }).optional(),
    requestedBy: z.object({ name: z.string(), role: z.string(), mayBindOrganisation: z.literal(true) }).optional(),
    motivation: z.string(),
    validFrom: CalendarDate.optional(),
    validUntil: CalendarDate.optional(),
    reason: z.string().optional(),
    decidedAt: Instant.optional(),
    decidedBy: z.string().optional(),
    withdrawnOn: CalendarDate.optional().meta({ description: 'Withdrawn by the department: it no longer counts from this day.' }),
    withdrawalReason: z.string().optional(),
    ...AuditFields,
  })
  .meta({ id: 'MandateRequest' });

export const MandateWithdrawn = MandateRequest.extend({
  toReassign: z
    .object({
      trajectories: z
        .array(z.object({ trajectoryId: z.string(), startDate: z.string(), plannedEndDate: z.string() }))
        .meta({ description: "A casemanager Zorg mandate: the facility's running trajectories under it (ids and dates only)." }),
      agreements: z
        .array(z.object({ agreementId: z.string(), status: z.string(), startDate: z.string() }))
        .meta({ description: "A recognition as begeleider AMA: the facility's agreements not ended (no participant data)." }),
    })
    .meta({ description: 'What runs on and is to be reassigned to another holder; the facility is told how many.' }),
}).meta({ id: 'MandateWithdrawn' });

export const MandateWithdrawalBody = z
  .strictObject({
    reason: z.string().trim().min(1).max(5000),
    withdrawnOn: CalendarDate.optional().meta({ description: 'From this day on it no longer counts; today when left out.' }),
  })
  .meta({ id: 'MandateWithdrawal' });

export const MandateRequestParams = z.strictObject({ requestId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a request id.') });
export const FacilityParams = z.strictObject({ enterpriseNumber: EnterpriseNumber });

export const ListAllMandateRequestsQuery = z.strictObject({
  ...PaginationQuery,
  status: z.enum(['REQUESTED', 'GRANTED', 'REFUSED']).optional().meta({ description: 'REQUESTED: what waits for a decision.' }),
  kind: MandateKind.optional(),
});

export const MandateRequestPage = pageOf(MandateRequest, 'MandateRequestPage');
