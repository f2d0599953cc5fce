import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { REGIONS } from '../domain/reference-data.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, oneLine, pageOf, PaginationQuery } from './common.ts';

const Werkingsgebied = lazy(() => withMeta(z.enum(REGIONS), { description: 'The werkingsgebied (labour-market region) it serves.' }));

export const RegisterCooperationBody = lazy(() => withMeta(
  z.strictObject({
    name: oneLine(200),
    werkingsgebied: Werkingsgebied(),
    leadEnterpriseNumber: withMeta(EnterpriseNumber(), { description: 'The penhouder: one of the members.' }),
    members: z
      .array(
        z.strictObject({
          enterpriseNumber: EnterpriseNumber(),
          icfTrainedStaff: withMeta(z.number().check(z.int(), z.gte(0), z.lte(10_000)), { description: 'Staff trained in ICF.' }),
        }),
      )
      .check(z.minLength(1), z.maxLength(30)),
    validFrom: withMeta(CalendarDate(), { description: 'Start of the five-year mandate.' }),
  }),
  { id: 'CooperationRegistration' },
));

export const CooperationParams = lazy(() => z.strictObject({
  cooperationId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a samenwerkingsverband id.')),
}));

export const ListCooperationsQuery = lazy(() => z.strictObject({ ...PaginationQuery(), werkingsgebied: z.optional(Werkingsgebied()) }));

const MandatePeriod = lazy(() => z.object({
  validFrom: CalendarDate(),
  validUntil: CalendarDate(),
  withdrawnOn: withMeta(z.optional(CalendarDate()), { description: 'Withdrawn by the department: it ended the day before.' }),
  withdrawalReason: z.optional(z.string()),
}));

export const WithdrawCooperationBody = lazy(() => withMeta(
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
    withdrawnOn: withMeta(z.optional(CalendarDate()), {
      description: 'From this day it is no longer mandated; today when left out.',
    }),
  }),
  { id: 'CooperationWithdrawal' },
));

export const Cooperation = lazy(() => withMeta(
  z.object({
    cooperationId: z.string(),
    name: z.string(),
    werkingsgebied: z.enum(REGIONS),
    leadEnterpriseNumber: z.string(),
    members: z.array(z.object({ enterpriseNumber: z.string(), icfTrainedStaff: z.number().check(z.int()) })),
    mandates: withMeta(z.array(MandatePeriod()), { description: 'The first five-year period, then each renewal.' }),
    ...AuditFields(),
  }),
  {
    id: 'Cooperation',
    description: 'A samenwerkingsverband Zorg: the care facilities that provide the casemanagers Zorg of a werkingsgebied.',
  },
));

export const CooperationWithdrawn = lazy(() => withMeta(
  z.extend(Cooperation(), {
    trajectoriesToReassign: withMeta(
      z.array(z.object({ trajectoryId: z.string(), startDate: z.string(), plannedEndDate: z.string() })),
      {
        description:
          'Its running trajectories, to be given a casemanager Zorg of another samenwerkingsverband (ids and dates only).',
      },
    ),
  }),
  { id: 'CooperationWithdrawn' },
));

export const CooperationPage = lazy(() => pageOf(Cooperation(), 'CooperationPage'));
