import * as z from 'zod';
import { REGIONS } from '../domain/reference-data.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery } from './common.ts';

export const TRAJECTORY_OUTCOMES = ['PAID_WORK', 'AMA', 'CARE', 'EDUCATION', 'DROPPED_OUT', 'OTHER'] as const;

const Action = z.strictObject({
  type: oneLine(100),
  description: z.string().trim().min(1).max(2000).meta({ description: 'What is done; never health data about the client.' }),
  providerEnterpriseNumber: EnterpriseNumber.meta({ description: 'A member of the network.' }),
  plannedStart: CalendarDate,
  plannedEnd: CalendarDate,
});

const CaseManagerWerk = z.strictObject({
  id: oneLine(200).meta({ description: 'The VDAB counsellor’s user id (`sub`).' }),
  email: z.email().max(254),
});

/** Client data: the minimum. A pseudonymous reference (the VDAB client number) and a birth date; no name, no diagnosis. */
const Client = z.strictObject({
  reference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,40}$/, 'A pseudonymous reference: 4–40 letters, digits or dashes.'),
  birthDate: CalendarDate,
});

export const CreateTrajectoryBody = z
  .strictObject({
    networkId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a network id.'),
    casemanagerWerk: CaseManagerWerk,
    client: Client,
    startDate: CalendarDate,
    plannedEndDate: CalendarDate,
    workActions: z.array(Action).max(50),
    careActions: z.array(Action).max(50),
  })
  .meta({ id: 'TrajectoryInput' });

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
    casemanagerZorg: z
      .strictObject({ id: oneLine(200), email: z.email().max(254), enterpriseNumber: EnterpriseNumber })
      .optional()
      .meta({
        description: 'The department only; a casemanager Zorg of the same facility takes over by sending `takeOver: true`.',
      }),
    casemanagerWerk: CaseManagerWerk.optional(),
    takeOver: z.literal(true).optional().meta({ description: 'The calling casemanager Zorg becomes the casemanager Zorg.' }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Name a new casemanager Zorg or Werk, or take over.' })
  .meta({ id: 'TrajectoryReassignment' });

export const ExtensionRequestBody = z
  .strictObject({ plannedEndDate: CalendarDate, reason: z.string().trim().min(1).max(5000) })
  .meta({ id: 'ExtensionRequestInput' });

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
    casemanagerZorg: z.object({ id: z.string(), email: z.string(), enterpriseNumber: z.string() }),
    casemanagerWerk: z.object({ id: z.string(), email: z.string() }),
    client: z.object({ reference: z.string(), birthDate: z.string() }),
    startDate: z.string(),
    plannedEndDate: z.string(),
    minEndDate: z.string(),
    maxEndDate: z.string(),
    workActions: z.array(ActionView),
    careActions: z.array(ActionView),
    status: z.enum(['ACTIVE', 'CLOSED']),
    endDate: z.string().optional(),
    outcome: z.enum(TRAJECTORY_OUTCOMES).optional(),
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

export const TrajectoryStatistics = z
  .object({
    total: z.number().int(),
    byNetwork: z.array(z.object({ networkId: z.string(), active: z.number().int(), closed: z.number().int() })),
    byStatus: z.record(z.string(), z.number().int()),
    byOutcome: z.record(z.string(), z.number().int()),
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
