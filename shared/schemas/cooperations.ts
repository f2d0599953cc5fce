import * as z from 'zod';
import { REGIONS } from '../domain/reference-data.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, oneLine, pageOf, PaginationQuery } from './common.ts';

const Werkingsgebied = z.enum(REGIONS).meta({ description: 'The werkingsgebied (labour-market region) it serves.' });

export const RegisterCooperationBody = z
  .strictObject({
    name: oneLine(200),
    werkingsgebied: Werkingsgebied,
    leadEnterpriseNumber: EnterpriseNumber.meta({ description: 'The penhouder: one of the members.' }),
    members: z
      .array(
        z.strictObject({
          enterpriseNumber: EnterpriseNumber,
          icfTrainedStaff: z.number().int().min(0).max(10_000).meta({ description: 'Staff trained in ICF.' }),
        }),
      )
      .min(1)
      .max(30),
    validFrom: CalendarDate.meta({ description: 'Start of the five-year mandate.' }),
  })
  .meta({ id: 'CooperationRegistration' });

export const CooperationParams = z.strictObject({
  cooperationId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a samenwerkingsverband id.'),
});

export const ListCooperationsQuery = z.strictObject({ ...PaginationQuery, werkingsgebied: Werkingsgebied.optional() });

const MandatePeriod = z.object({
  validFrom: CalendarDate,
  validUntil: CalendarDate,
  withdrawnOn: CalendarDate.optional().meta({ description: 'Withdrawn by the department: it ended the day before.' }),
  withdrawalReason: z.string().optional(),
});

export const WithdrawCooperationBody = z
  .strictObject({
    reason: z.string().trim().min(1).max(5000),
    withdrawnOn: CalendarDate.optional().meta({ description: 'From this day it is no longer mandated; today when left out.' }),
  })
  .meta({ id: 'CooperationWithdrawal' });

export const Cooperation = z
  .object({
    cooperationId: z.string(),
    name: z.string(),
    werkingsgebied: z.enum(REGIONS),
    leadEnterpriseNumber: z.string(),
    members: z.array(z.object({ enterpriseNumber: z.string(), icfTrainedStaff: z.number().int() })),
    mandates: z.array(MandatePeriod).meta({ description: 'The first five-year period, then each renewal.' }),
    ...AuditFields,
  })
  .meta({
    id: 'Cooperation',
    description: 'A samenwerkingsverband Zorg: the care facilities that provide the casemanagers Zorg of a werkingsgebied.',
  });

export const CooperationWithdrawn = Cooperation.extend({
  trajectoriesToReassign: z
    .array(z.object({ trajectoryId: z.string(), startDate: z.string(), plannedEndDate: z.string() }))
    .meta({
      description:
        'Its running trajectories, to be given a casemanager Zorg of another samenwerkingsverband (ids and dates only).',
    }),
}).meta({ id: 'CooperationWithdrawn' });

export const CooperationPage = pageOf(Cooperation, 'CooperationPage');
