import * as z from '../zod.ts';
import { withMeta } from '../zod.ts';
import { REGIONS } from '../domain/reference-data.ts';
import { CalendarDate, Instant, PaginationQuery, pageOf } from './common.ts';

export const StartSelectionBody = withMeta(
  z.strictObject({
    dryRun: withMeta(z._default(z.boolean(), false), {
      description: 'Run the same workflow without changing anything: what would be selected.',
    }),
  }),
  { id: 'StartSelection' },
);

export const SelectionStarted = withMeta(z.object({ executionId: z.string(), dryRun: z.boolean() }), { id: 'SelectionStarted' });

export const SelectionStatusQuery = z.strictObject({
  executionId: withMeta(z.optional(z.string().check(z.maxLength(300))), {
    description: 'A particular run (e.g. a dry run); default the latest real run.',
  }),
});

export const DecisionLine = z.object({
  applicationId: z.string(),
  leadEnterpriseNumber: z.string(),
  score: z.number(),
  rank: z.nullable(z.number().check(z.int())),
  outcome: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
  reasons: z.array(z.string()),
});

export const SelectionStatus = withMeta(
  z.object({
    executionId: z.string(),
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
    dryRun: z.boolean(),
    startedAt: Instant,
    finishedAt: z.optional(Instant),
    error: z.optional(z.string()),
    decision: withMeta(
      z.optional(z.object({ regions: z.array(z.object({ region: z.string(), applications: z.array(DecisionLine) })) })),
      { description: 'When SUCCEEDED. A facility sees only the lines of its own applications.' },
    ),
  }),
  { id: 'SelectionStatus' },
);

export const Network = withMeta(
  z.object({
    networkId: z.string(),
    callId: z.string(),
    region: z.enum(REGIONS),
    leadEnterpriseNumber: z.string(),
    partners: z.array(z.object({ enterpriseNumber: z.string(), role: z.string() })),
    appointedAt: Instant,
    applicationId: z.optional(z.string()),
    withdrawnOn: withMeta(z.optional(z.string()), {
      description: 'Ended by the department from this day on: no trajectory starts with it from then.',
    }),
    withdrawalReason: z.optional(z.string()),
  }),
  { id: 'Network' },
);

export const NetworkWithdrawalBody = withMeta(
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
    withdrawnOn: withMeta(z.optional(CalendarDate), {
      description: 'From this day on no trajectory starts with it; today when left out.',
    }),
  }),
  { id: 'NetworkWithdrawal' },
);

export const NetworkWithdrawn = withMeta(
  z.object({
    network: Network,
    trajectoriesToReassign: withMeta(
      z.array(z.object({ trajectoryId: z.string(), startDate: z.string(), plannedEndDate: z.string() })),
      { description: 'Its active trajectories, to be reassigned to another network (ids and dates only).' },
    ),
  }),
  { id: 'NetworkWithdrawn' },
);

export const NetworkPage = pageOf(Network, 'NetworkPage');
export const NetworkParams = z.strictObject({ networkId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a network id.')) });
export const ListNetworksQuery = z.strictObject({
  ...PaginationQuery,
  region: z.optional(z.enum(REGIONS)),
  callId: z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a call id.'))),
});

export const ObjectionBody = withMeta(
  z.strictObject({ grounds: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)) }),
  { id: 'ObjectionInput' },
);
export const ObjectionDecisionBody = withMeta(
  z.strictObject({
    decision: z.enum(['UPHELD', 'REJECTED']),
    motivation: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
  }),
  { id: 'ObjectionDecision' },
);
export { Objection } from './calls.ts';
