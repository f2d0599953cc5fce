import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { RECOGNITION_AUTHORITIES } from '../domain/reference-data.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery, Province } from './common.ts';

export { Province };
export const RecognitionAuthority = lazy(() => withMeta(z.enum(RECOGNITION_AUTHORITIES), { id: 'RecognitionAuthority' }));

const Name = lazy(() => oneLine(200));
const Email = lazy(() => z.email().check(z.maxLength(254)));

export const EnterpriseNumberParams = lazy(() => z.strictObject({ enterpriseNumber: EnterpriseNumber() }));

export const CreateFacilityBody = lazy(() => withMeta(
  z.strictObject({ enterpriseNumber: EnterpriseNumber(), name: Name(), province: Province(), email: Email() }),
  { id: 'CreateFacility' },
));

export const UpdateFacilityBody = lazy(() => withMeta(
  z
    .strictObject({ name: z.optional(Name()), province: z.optional(Province()), email: z.optional(Email()) })
    .check(z.refine((body) => Object.keys(body).length > 0, { message: 'Give at least one of name, province, email.' })),
  { id: 'UpdateFacility' },
));

export const ListFacilitiesQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  province: z.optional(Province()),
  authority: withMeta(z.optional(RecognitionAuthority()), {
    description: 'Only facilities recognised by this authority on `recognisedOn` (default: today).',
  }),
  recognisedOn: z.optional(CalendarDate()),
}));

export const CreateRecognitionBody = lazy(() => withMeta(
  z
    .strictObject({
      authority: RecognitionAuthority(),
      reference: oneLine(100),
      validFrom: CalendarDate(),
      validUntil: z.optional(CalendarDate()),
    })
    .check(
      z.superRefine((body, ctx) => {
        if (body.validUntil !== undefined && body.validUntil < body.validFrom) {
          ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil may not be before validFrom.' });
        }
      }),
    ),
  { id: 'CreateRecognition' },
));

export const RecognitionParams = lazy(() => z.strictObject({
  enterpriseNumber: EnterpriseNumber(),
  recognitionId: z.string().check(z.regex(/^[0-9A-Za-z-]{1,64}$/, 'Not a recognition id.')),
}));

export const Recognition = lazy(() => withMeta(
  z.object({
    recognitionId: z.string(),
    authority: RecognitionAuthority(),
    reference: z.string(),
    validFrom: CalendarDate(),
    validUntil: z.optional(CalendarDate()),
    status: withMeta(z.enum(['ACTIVE', 'WITHDRAWN']), { description: 'WITHDRAWN ones stay on record.' }),
    createdAt: Instant(),
    createdBy: z.string(),
    withdrawnAt: z.optional(Instant()),
    withdrawnBy: z.optional(z.string()),
    withdrawnOn: withMeta(z.optional(CalendarDate()), { description: 'Brussels date from which the withdrawal counts.' }),
  }),
  { id: 'Recognition' },
));

export const Facility = lazy(() => withMeta(
  z.object({
    enterpriseNumber: withMeta(z.string(), { example: '0123456749' }),
    enterpriseNumberFormatted: withMeta(z.string(), { example: '0123.456.749' }),
    name: z.string(),
    province: Province(),
    email: z.string(),
    recognitions: z.array(Recognition()),
    ...AuditFields(),
  }),
  { id: 'Facility' },
));

export const FacilityPage = lazy(() => pageOf(Facility(), 'FacilityPage'));

export type CreateFacilityInput = z.output<ReturnType<typeof CreateFacilityBody>>;
export type UpdateFacilityInput = z.output<ReturnType<typeof UpdateFacilityBody>>;
export type CreateRecognitionInput = z.output<ReturnType<typeof CreateRecognitionBody>>;
export type FacilityView = z.output<ReturnType<typeof Facility>>;
