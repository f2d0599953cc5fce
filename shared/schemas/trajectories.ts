import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { REGIONS } from '../domain/reference-data.ts';
import { TRAJECTORY_REGIMES } from '../domain/rules/parameters.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery, Region } from './common.ts';

export const TRAJECTORY_OUTCOMES = ['PAID_WORK', 'AMA', 'CARE', 'EDUCATION', 'DROPPED_OUT', 'OTHER'] as const;

const Action = lazy(() => z.strictObject({
  type: oneLine(100),
  description: withMeta(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)), {
    description: 'What is done; never health data about the client.',
  }),
  providerEnterpriseNumber: withMeta(EnterpriseNumber(), { description: 'A member of the network.' }),
  plannedStart: CalendarDate(),
  plannedEnd: CalendarDate(),
}));

const CaseManagerWerk = lazy(() => withMeta(
  z.strictObject({
    id: withMeta(oneLine(200), { description: 'The VDAB counsellor’s user id (`sub`).' }),
    email: z.email().check(z.maxLength(254)),
  }),
  { 'x-personal': 'case-manager' },
));

/** Client data: the minimum. A pseudonymous reference (the VDAB client number) and a birth date; no name, no diagnosis. */
const Client = lazy(() => z.strictObject({
  reference: withMeta(
    z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,40}$/, 'A pseudonymous reference: 4–40 letters, digits or dashes.')),
    { 'x-personal': 'client-reference' },
  ),
  birthDate: withMeta(CalendarDate(), { 'x-personal': 'client-birth-date' }),
}));

const CaseManagerZorg = lazy(() => withMeta(
  z.strictObject({
    id: withMeta(oneLine(200), { description: 'The casemanager Zorg’s user id (`sub`).' }),
    email: z.email().check(z.maxLength(254)),
    enterpriseNumber: withMeta(EnterpriseNumber(), {
      description: 'The member facility of the samenwerkingsverband Zorg they work for.',
    }),
  }),
  { 'x-personal': 'case-manager' },
));

export const CreateTrajectoryBody = lazy(() => withMeta(
  z.strictObject({
    werkingsgebied: withMeta(z.enum(REGIONS), { description: 'The werkingsgebied whose casemanagementteam follows the client.' }),
    networkId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a network id.')),
    casemanagerZorg: withMeta(CaseManagerZorg(), {
      description: 'The casemanager Zorg VDAB assigns, of a member of the werkingsgebied’s samenwerkingsverband Zorg.',
    }),
    client: Client(),
    startDate: CalendarDate(),
    plannedEndDate: CalendarDate(),
    workActions: withMeta(z._default(z.array(Action()).check(z.maxLength(50)), []), {
      description: 'Drawn up later with the casemanager Zorg, or now.',
    }),
    careActions: z._default(z.array(Action()).check(z.maxLength(50)), []),
  }),
  {
    id: 'TrajectoryStart',
    description: 'VDAB’s decision that a trajectory starts, recorded by its casemanager Werk (the caller).',
  },
));

export const PatchTrajectoryBody = lazy(() => withMeta(
  z
    .strictObject({
      plannedEndDate: z.optional(CalendarDate()),
      workActions: z.optional(z.array(Action()).check(z.maxLength(50))),
      careActions: z.optional(z.array(Action()).check(z.maxLength(50))),
    })
    .check(
      z.refine((b) => Object.keys(b).length > 0, { message: 'Give at least one of plannedEndDate, workActions, careActions.' }),
    ),
  { id: 'TrajectoryPatch' },
));

export const CloseTrajectoryBody = lazy(() => withMeta(z.strictObject({ endDate: CalendarDate(), outcome: z.enum(TRAJECTORY_OUTCOMES) }), {
  id: 'TrajectoryClose',
}));

export const ReassignBody = lazy(() => withMeta(
  z
    .strictObject({
      casemanagerZorg: withMeta(z.optional(CaseManagerZorg()), {
        description: 'The department only; a casemanager Zorg of the same facility takes over by sending `takeOver: true`.',
      }),
      casemanagerWerk: z.optional(CaseManagerWerk()),
      takeOver: withMeta(z.optional(z.literal(true)), {
        description: 'The calling casemanager Zorg becomes the casemanager Zorg.',
      }),
      networkId: withMeta(z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a network id.'))), {
        description:
          'The department only: move the trajectory to another standing network of its werkingsgebied (e.g. after its network was ended). Under the 2014 rules its casemanager Zorg must work for a member of that network: name a new one if not.',
      }),
    })
    .check(
      z.refine((b) => Object.keys(b).length > 0, { message: 'Name a new casemanager Zorg or Werk or network, or take over.' }),
    ),
  { id: 'TrajectoryReassignment' },
));

export const ExtensionRequestBody = lazy(() => withMeta(
  z.strictObject({ plannedEndDate: CalendarDate(), reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) }),
  { id: 'ExtensionRequestInput' },
));

export const ReopenTrajectoryBody = lazy(() => withMeta(
  z.strictObject({
    reason: withMeta(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)), {
      description: 'Why the closing was wrong; kept with the trajectory. Never client data.',
    }),
  }),
  { id: 'TrajectoryReopening' },
));

export const ExtensionDecisionBody = lazy(() => withMeta(
  z.strictObject({ granted: z.boolean(), motivation: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) }),
  { id: 'ExtensionDecision' },
));

export const TrajectoryParams = lazy(() => z.strictObject({
  trajectoryId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a trajectory id.')),
}));
export const ExtensionParams = lazy(() => z.strictObject({ requestId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a request id.')) }));

export const ListTrajectoriesQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  networkId: z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a network id.'))),
  status: z.optional(z.enum(['ACTIVE', 'CLOSED'])),
  endsBefore: withMeta(z.optional(CalendarDate()), { description: 'Planned end before this date.' }),
}));

const ActionView = lazy(() => z.object({
  type: z.string(),
  description: z.string(),
  providerEnterpriseNumber: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
}));

export const Trajectory = lazy(() => withMeta(
  z.object({
    trajectoryId: z.string(),
    networkId: z.string(),
    casemanagerZorg: withMeta(z.object({ id: z.string(), email: z.string(), enterpriseNumber: z.string() }), {
      'x-personal': 'case-manager',
    }),
    casemanagerWerk: withMeta(z.object({ id: z.string(), email: z.string() }), { 'x-personal': 'case-manager' }),
    client: withMeta(
      z.optional(
        z.object({
          reference: withMeta(z.string(), { 'x-personal': 'client-reference' }),
          birthDate: withMeta(z.string(), { 'x-personal': 'client-birth-date' }),
        }),
      ),
      {
        description: 'Left out once its retention ended (rule `retention-trajectory-client-data`): see `clientDataErasedOn`.',
      },
    ),
    clientDataErasedOn: withMeta(z.optional(z.string()), {
      description: 'The day the client reference and birth date were removed (retention or an erasure request).',
    }),
    startDate: z.string(),
    plannedEndDate: z.string(),
    minEndDate: z.string(),
    maxEndDate: z.string(),
    workActions: z.array(ActionView()),
    careActions: z.array(ActionView()),
    status: z.enum(['ACTIVE', 'CLOSED']),
    endDate: z.optional(z.string()),
    outcome: z.optional(z.enum(TRAJECTORY_OUTCOMES)),
    regime: withMeta(z.enum(TRAJECTORY_REGIMES), {
      description: 'The rules it follows, by the date its start was requested: DECREE_2014 (before 1 July 2023) or DECREE_2022.',
    }),
    requestedOn: withMeta(z.optional(z.string()), { description: 'The date its start was recorded.' }),
    werkingsgebied: z.optional(z.enum(REGIONS)),
    cooperationId: withMeta(z.optional(z.string()), { description: 'The samenwerkingsverband Zorg of its casemanager Zorg.' }),
    plan: withMeta(
      z.object({
        confirmed: withMeta(z.boolean(), { description: 'Both case managers confirmed the plan as it is now.' }),
        confirmedByCasemanagerZorg: z.optional(Instant()),
        confirmedByCasemanagerWerk: z.optional(Instant()),
      }),
      { description: 'The integrated plan, drawn up with the client; a change to it asks both confirmations again.' },
    ),
    corrections: withMeta(
      z.optional(
        z.array(
          z.object({
            action: z.literal('reopened'),
            at: Instant(),
            by: z.string(),
            reason: z.string(),
            endDate: z.string(),
            outcome: z.string(),
          }),
        ),
      ),
      { description: 'Closings the department undid, with their reason and what had been recorded.' },
    ),
    ...AuditFields(),
  }),
  { id: 'Trajectory' },
));

export const TrajectoryPage = lazy(() => pageOf(Trajectory(), 'TrajectoryPage'));

export const AuditEntry = lazy(() => withMeta(z.object({ at: Instant(), by: z.string(), role: z.string(), action: z.string() }), {
  id: 'AuditEntry',
}));

export const ExtensionRequest = lazy(() => withMeta(
  z.object({
    requestId: z.string(),
    trajectoryId: z.string(),
    plannedEndDate: z.string(),
    reason: z.string(),
    status: z.enum(['REQUESTED', 'GRANTED', 'REFUSED']),
    requestedBy: z.string(),
    requestedAt: Instant(),
    motivation: z.optional(z.string()),
    decidedBy: z.optional(z.string()),
    decidedAt: z.optional(Instant()),
  }),
  { id: 'ExtensionRequest' },
));

/** A count, or null where it would single out fewer than five clients (rule `small-cell-suppression`). */
const Count = lazy(() => z.nullable(z.number().check(z.int())));

export const TrajectoryStatisticsQuery = lazy(() => z.strictObject({
  region: withMeta(z.optional(Region()), { description: 'The werkingsgebied.' }),
  networkId: z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a network id.'))),
  from: withMeta(z.optional(CalendarDate()), { description: 'Trajectories started on or after this day.' }),
  to: withMeta(z.optional(CalendarDate()), { description: 'Trajectories started on or before this day.' }),
  regime: withMeta(z.optional(z.enum(['DECREE_2014', 'DECREE_2022'])), { description: 'The rules in force on the start date.' }),
}));

export const TrajectoryStatistics = lazy(() => withMeta(
  z.object({
    filter: z.record(z.string(), z.string()),
    suppressedBelow: withMeta(z.number().check(z.int()), {
      description: 'Counts from 1 to this minus one are null: they would single out clients.',
    }),
    total: Count(),
    byNetwork: z.array(z.object({ networkId: z.string(), active: Count(), closed: Count() })),
    byStatus: z.record(z.string(), Count()),
    byOutcome: z.record(z.string(), Count()),
    perMonth: z.array(z.object({ month: z.string(), started: Count(), ended: Count() })),
    durationDays: withMeta(
      z.object({ closed: Count(), median: z.optional(z.number()), q1: z.optional(z.number()), q3: z.optional(z.number()) }),
      { description: 'Days from start to end of closed trajectories: median and quartiles, only over five or more.' },
    ),
  }),
  { id: 'TrajectoryStatistics' },
));

export const RegisterNetworkBody = lazy(() => withMeta(
  z.strictObject({
    callId: withMeta(z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/))), {
      description: 'The call, when there was one in this system.',
    }),
    region: z.enum(REGIONS),
    leadEnterpriseNumber: EnterpriseNumber(),
    partners: z.array(z.strictObject({ enterpriseNumber: EnterpriseNumber(), role: oneLine(200) })).check(z.maxLength(50)),
    appointedAt: Instant(),
  }),
  { id: 'NetworkRegistration' },
));

export type CreateTrajectoryInput = z.output<ReturnType<typeof CreateTrajectoryBody>>;

export const ListExtensionRequestsQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  status: withMeta(z.optional(z.enum(['REQUESTED', 'GRANTED', 'REFUSED'])), {
    description: 'REQUESTED: what waits for a decision.',
  }),
}));

export const ExtensionRequestPage = lazy(() => pageOf(ExtensionRequest(), 'ExtensionRequestPage'));
