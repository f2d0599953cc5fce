import * as z from 'zod';
import { RECOGNITION_AUTHORITIES } from '../domain/reference-data.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery, Province } from './common.ts';

export { Province };
export const RecognitionAuthority = z.enum(RECOGNITION_AUTHORITIES).meta({ id: 'RecognitionAuthority' });

const Name = oneLine(200);
const Email = z.email().max(254);

export const EnterpriseNumberParams = z.strictObject({ enterpriseNumber: EnterpriseNumber });

export const CreateFacilityBody = z
  .strictObject({ enterpriseNumber: EnterpriseNumber, name: Name, province: Province, email: Email })
  .meta({ id: 'CreateFacility' });

export const UpdateFacilityBody = z
  .strictObject({ name: Name.optional(), province: Province.optional(), email: Email.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one of name, province, email.' })
  .meta({ id: 'UpdateFacility' });

export const ListFacilitiesQuery = z.strictObject({
  ...PaginationQuery,
  province: Province.optional(),
  authority: RecognitionAuthority.optional().meta({
    description: 'Only facilities recognised by this authority on `recognisedOn` (default: today).',
  }),
  recognisedOn: CalendarDate.optional(),
});

export const CreateRecognitionBody = z
  .strictObject({
    authority: RecognitionAuthority,
    reference: oneLine(100),
    validFrom: CalendarDate,
    validUntil: CalendarDate.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.validUntil !== undefined && body.validUntil < body.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil may not be before validFrom.' });
    }
  })
  .meta({ id: 'CreateRecognition' });

export const RecognitionParams = z.strictObject({
  enterpriseNumber: EnterpriseNumber,
  recognitionId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'Not a recognition id.'),
});

export const Recognition = z
  .object({
    recognitionId: z.string(),
    authority: RecognitionAuthority,
    reference: z.string(),
    validFrom: CalendarDate,
    validUntil: CalendarDate.optional(),
    status: z.enum(['ACTIVE', 'WITHDRAWN']).meta({ description: 'WITHDRAWN ones stay on record.' }),
    createdAt: Instant,
    createdBy: z.string(),
    withdrawnAt: Instant.optional(),
    withdrawnBy: z.string().optional(),
    withdrawnOn: CalendarDate.optional().meta({ description: 'Brussels date from which the withdrawal counts.' }),
  })
  .meta({ id: 'Recognition' });

export const Facility = z
  .object({
    enterpriseNumber: z.string().meta({ example: '0123456749' }),
    enterpriseNumberFormatted: z.string().meta({ example: '0123.456.749' }),
    name: z.string(),
    province: Province,
    email: z.string(),
    recognitions: z.array(Recognition),
    ...AuditFields,
  })
  .meta({ id: 'Facility' });

export const FacilityPage = pageOf(Facility, 'FacilityPage');

export type CreateFacilityInput = z.output<typeof CreateFacilityBody>;
export type UpdateFacilityInput = z.output<typeof UpdateFacilityBody>;
export type CreateRecognitionInput = z.output<typeof CreateRecognitionBody>;
export type FacilityView = z.output<typeof Facility>;
