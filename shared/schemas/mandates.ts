import * as z from 'zod';
import { MANDATE_KINDS } from '../domain/mandate.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant } from './common.ts';

export const MandateKind = z.enum(MANDATE_KINDS).meta({ id: 'MandateKind' });

export const MandateRequestBody = z
  .strictObject({
    kind: MandateKind.meta({
      description:
        '`BEGELEIDER_AMA`: recognition as begeleider AMA. `CASEMANAGER_ZORG`: only for requests under the 2014 rules; since 1 July 2023 the department mandates a samenwerkingsverband Zorg (`POST /cooperations`).',
    }),
    icfTrainedStaff: z.number().int().min(0).max(1000).meta({ description: 'Staff with ICF training.' }),
    icfTrainingDate: CalendarDate.optional(),
    motivation: z.string().trim().min(1).max(10_000),
  })
  .meta({ id: 'MandateRequestInput' });

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
    icfTrainedStaff: z.number().int(),
    icfTrainingDate: CalendarDate.optional(),
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

export const MandateWithdrawalBody = z
  .strictObject({
    reason: z.string().trim().min(1).max(5000),
    withdrawnOn: CalendarDate.optional().meta({ description: 'From this day on it no longer counts; today when left out.' }),
  })
  .meta({ id: 'MandateWithdrawal' });

export const MandateRequestParams = z.strictObject({ requestId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a request id.') });
export const FacilityParams = z.strictObject({ enterpriseNumber: EnterpriseNumber });
