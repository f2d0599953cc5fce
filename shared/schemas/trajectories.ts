import * as z from 'zod';
import { REGIONS } from '../domain/reference-data.ts';
import { TRAJECTORY_REGIMES } from '../domain/rules/parameters.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery, Region } from './common.ts';

export const TRAJECTORY_OUTCOMES = ['PAID_WORK', 'AMA', 'CARE', 'EDUCATION', 'DROPPED_OUT', 'OTHER'] as const;

const Action = z.strictObject({
  type: oneLine(100),
  description: z.string().trim().min(1).max(2000).meta({ description: 'What is done; never health data about the client.' }),
  providerEnterpriseNumber: EnterpriseNumber.meta({ description: 'A member of the network.' }),
  plannedStart: CalendarDate,
  plannedEnd: CalendarDate,
});

const CaseManagerWerk = z
  .strictObject({
    id: oneLine(200).meta({ description: 'The VDAB counsellor’s user id (`sub`).' }),
    email: z.email().max(254),
  })
  .meta({ 'x-personal': 'case-manager' });

/** Client data: the minimum. A pseudonymous reference (the VDAB client number) and a birth date; no name, no diagnosis. */
const Client = z.strictObject({
  reference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,40}$/, 'A pseudonymous reference: 4–40 letters, digits or dashes.')
    .meta({ 'x-personal': 'client-reference' }),
  birthDate: CalendarDate.meta({ 'x-personal': 'client-birth-date' }),
});

const CaseManagerZorg = z
  .strictObject({
    id: oneLine(200).meta({ description: 'The casemanager Zorg’s user id (`sub`).' }),
    email: z.email().max(254),
    enterpriseNumber: EnterpriseNumber.meta({
      description: 'The member facility of the samenwerkingsverband Zorg they work for.',
    }),
  })
  .meta({ 'x-personal': 'case-manager' });

export const CreateTrajectoryBody = z
  .strictObject({
    werkingsgebied: z.enum(REGIONS).meta({ description: 'The werkingsgebied whose casemanagementteam follows the client.' }),
    networkId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a network id.'),
    casemanagerZorg: CaseManagerZorg.meta({
      description: 'The casemanager Zorg VDAB assigns, of a member of the werkingsgebied’s samenwerkingsverband Zorg.',
    }),
    client: Client,
    startDate: CalendarDate,
    plannedEndDate: CalendarDate,
    workActions: z.array(Action).max(50).default([]).meta({ description: 'Drawn up later with the casemanager Zorg, or now.' }),
    careActions: z.array(Action).max(50).default([]),
  })
  .meta({
    id: 'TrajectoryStart',
    description: 'VDAB’s decision that a trajectory starts, recorded by its casemanager Werk (the caller).',
  });

export const PatchTrajectoryBody = z
  .strictObject({
    plannedEndDate: CalendarDate.optional(),
    workActions: z.array(Action).max(50).optional(),
    careActions: z.array(Action).max(50).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one of plannedEndDate, workActions, careActions.' })
  .meta({ id: 'TrajectoryPatch' });

export const CloseTrajectoryBody = z
  .strictObject({ endDate: CalendarDate, outcome: z.enum(TRAJECTORY_OUTCOMES) })
  .meta({ id: 'TrajectoryClose' });

export const ReassignBody = z
  .strictObject({
    casemanagerZorg: CaseManagerZorg.optional().meta({
      description: 'The department only; a casemanager Zorg of the same facility takes over by sending `takeOver: true`.',
    }),
    casemanagerWerk: CaseManagerWerk.optional(),
    takeOver: z.literal(true).optional().meta({ description: 'The calling casemanager Zorg becomes the casemanager Zorg.' }),
    networkId: z
      .string()
      .regex(/^[0-9a-f-]{36}$/, 'Not a network id.')
      .optional()
      .meta({
        description:
          'The department only: move the trajectory to another standing network of its werkingsgebied (e.g. after its network was ended). Under the 2014 rules its casemanager Zorg must work for a member of that network: name a new one if not.',
      }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Name a new casemanager Zorg or Werk or network, or take over.' })
  .meta({ id: 'TrajectoryReassignment' });

export const ExtensionRequestBody = z
  .strictObject({ plannedEndDate: CalendarDate, reason: z.string().trim().min(1).max(5000) })
  .meta({ id: 'ExtensionRequestInput' });

export const ReopenTrajectoryBody = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .meta({ description: 'Why the closing was wrong; kept with the trajectory. Never client data.' }),
  })
  .meta({ id: 'TrajectoryReopening' });

export const ExtensionDecisionBody = z
  .strictObject({ granted: z.boolean(), motivation: z.string().trim().min(1).max(5000) })
  .meta({ id: 'ExtensionDecision' });

export const TrajectoryParams = z.strictObject({ trajectoryId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a trajectory id.') });
export const ExtensionParams = z.strictObject({ requestId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a request id.') });

export const ListTrajectoriesQuery = z.strictObject({
  ...PaginationQuery,
  networkId: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, 'Not a network id.')
    .optional(),
  status: z.enum(['ACTIVE', 'CLOSED']).optional(),
  endsBefore: CalendarDate.optional().meta({ description: 'Planned end before this date.' }),
});

const ActionView = z.object({
  type: z.string(),
  description: z.string(),
  providerEnterpriseNumber: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
});

export const Trajectory = z
  .object({
    trajectoryId: z.string(),
    networkId: z.string(),
    casemanagerZorg: z
      .object({ id: z.string(), email: z.string(), enterpriseNumber: z.string() })
      .meta({ 'x-personal': 'case-manager' }),
    casemanagerWerk: z.object({ id: z.string(), email: z.string() }).meta({ 'x-personal': 'case-manager' }),
    client: z
      .object({
        reference: z.string().meta({ 'x-personal': 'client-reference' }),
        birthDate: z.string().meta({ 'x-personal': 'client-birth-date' }),
      })
      .optional()
      .meta({
        description: 'Left out once its retention ended (rule `retention-trajectory-client-data`): see `clientDataErasedOn`.',
      }),
    clientDataErasedOn: z
      .string()
      .optional()
      .meta({ description: 'The day the client reference and birth date were removed (retention or an erasure request).' }),
    startDate: z.string(),
    plannedEndDate: z.string(),
    minEndDate: z.string(),
    maxEndDate: z.string(),
    workActions: z.array(ActionView),
    careActions: z.array(ActionView),
    status: z.enum(['ACTIVE', 'CLOSED']),
    endDate: z.string().optional(),
    outcome: z.enum(TRAJECTORY_OUTCOMES).optional(),
    regime: z.enum(TRAJECTORY_REGIMES).meta({
      description: 'The rules it follows, by the date its start was requested: DECREE_2014 (before 1 July 2023) or DECREE_2022.',
    }),
    requestedOn: z.string().optional().meta({ description: 'The date its start was recorded.' }),
    werkingsgebied: z.enum(REGIONS).optional(),
    cooperationId: z.string().optional().meta({ description: 'The samenwerkingsverband Zorg of its casemanager Zorg.' }),
    plan: z
      .object({
        confirmed: z.boolean().meta({ description: 'Both case managers confirmed the plan as it is now.' }),
        confirmedByCasemanagerZorg: Instant.optional(),
        confirmedByCasemanagerWerk: Instant.optional(),
      })
      .meta({ description: 'The integrated plan, drawn up with the client; a change to it asks both confirmations again.' }),
    corrections: z
      .array(
        z.object({
          action: z.literal('reopened'),
          at: Instant,
          by: z.string(),
          reason: z.string(),
          endDate: z.string(),
          outcome: z.string(),
        }),
      )
      .optional()
      .meta({ description: 'Closings the department undid, with their reason and what had been recorded.' }),
    ...AuditFields,
  })
  .meta({ id: 'Trajectory' });

export const TrajectoryPage = pageOf(Trajectory, 'TrajectoryPage');

export const AuditEntry = z
  .object({ at: Instant, by: z.string(), role: z.string(), action: z.string() })
  .meta({ id: 'AuditEntry' });

export const ExtensionRequest = z
  .object({
    requestId: z.string(),
    trajectoryId: z.string(),
    plannedEndDate: z.string(),
    reason: z.string(),
    status: z.enum(['REQUESTED', 'GRANTED', 'REFUSED']),
    requestedBy: z.string(),
    requestedAt: Instant,
    motivation: z.string().optional(),
    decidedBy: z.string().optional(),
    decidedAt: Instant.optional(),
  })
  .meta({ id: 'ExtensionRequest' });

/** A count, or null where it would single out fewer than five clients (rule `small-cell-suppression`). */
const Count = z.number().int().nullable();

export const TrajectoryStatisticsQuery = z.strictObject({
  region: Region.optional().meta({ description: 'The werkingsgebied.' }),
  networkId: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, 'Not a network id.')
    .optional(),
  from: CalendarDate.optional().meta({ description: 'Trajectories started on or after this day.' }),
  to: CalendarDate.optional().meta({ description: 'Trajectories started on or before this day.' }),
  regime: z.enum(['DECREE_2014', 'DECREE_2022']).optional().meta({ description: 'The rules in force on the start date.' }),
});

export const TrajectoryStatistics = z
  .object({
    filter: z.record(z.string(), z.string()),
    suppressedBelow: z
      .number()
      .int()
      .meta({ description: 'Counts from 1 to this minus one are null: they would single out clients.' }),
    total: Count,
    byNetwork: z.array(z.object({ networkId: z.string(), active: Count, closed: Count })),
    byStatus: z.record(z.string(), Count),
    byOutcome: z.record(z.string(), Count),
    perMonth: z.array(z.object({ month: z.string(), started: Count, ended: Count })),
    durationDays: z
      .object({ closed: Count, median: z.number().optional(), q1: z.number().optional(), q3: z.number().optional() })
      .meta({ description: 'Days from start to end of closed trajectories: median and quartiles, only over five or more.' }),
  })
  .meta({ id: 'TrajectoryStatistics' });

export const RegisterNetworkBody = z
  .strictObject({
    callId: z
      .string()
      .regex(/^[0-9a-f-]{36}$/)
      .optional()
      .meta({ description: 'The call, when there was one in this system.' }),
    region: z.enum(REGIONS),
    leadEnterpriseNumber: EnterpriseNumber,
    partners: z.array(z.strictObject({ enterpriseNumber: EnterpriseNumber, role: oneLine(200) })).max(50),
    appointedAt: Instant,
  })
  .meta({ id: 'NetworkRegistration' });

export type CreateTrajectoryInput = z.output<typeof CreateTrajectoryBody>;

export const ListExtensionRequestsQuery = z.strictObject({
  ...PaginationQuery,
  status: z.enum(['REQUESTED', 'GRANTED', 'REFUSED']).optional().meta({ description: 'REQUESTED: what waits for a decision.' }),
});

export const ExtensionRequestPage = pageOf(ExtensionRequest, 'ExtensionRequestPage');
