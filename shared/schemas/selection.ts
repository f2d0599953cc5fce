import * as z from 'zod';
import { REGIONS } from '../domain/reference-data.ts';
import { CalendarDate, Instant, PaginationQuery, pageOf } from './common.ts';
import { CallParams } from './calls.ts';

export const StartSelectionBody = z
  .strictObject({
    dryRun: z
      .boolean()
      .default(false)
      .meta({ description: 'Run the same workflow without changing anything: what would be selected.' }),
  })
  .meta({ id: 'StartSelection' });

export const SelectionStarted = z.object({ executionId: z.string(), dryRun: z.boolean() }).meta({ id: 'SelectionStarted' });

export const SelectionStatusQuery = z.strictObject({
  executionId: z
    .string()
    .max(300)
    .optional()
    .meta({ description: 'A particular run (e.g. a dry run); default the latest real run.' }),
});

export const DecisionLine = z.object({
  applicationId: z.string(),
  leadEnterpriseNumber: z.string(),
  score: z.number(),
  rank: z.number().int().nullable(),
  outcome: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
  reasons: z.array(z.string()),
});

export const SelectionStatus = z
  .object({
    executionId: z.string(),
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
    dryRun: z.boolean(),
    startedAt: Instant,
    finishedAt: Instant.optional(),
    error: z.string().optional(),
    decision: z
      .object({ regions: z.array(z.object({ region: z.string(), applications: z.array(DecisionLine) })) })
      .optional()
      .meta({ description: 'When SUCCEEDED. A facility sees only the lines of its own applications.' }),
  })
  .meta({ id: 'SelectionStatus' });

export const Network = z
  .object({
    networkId: z.string(),
    callId: z.string(),
    region: z.enum(REGIONS),
    leadEnterpriseNumber: z.string(),
    partners: z.array(z.object({ enterpriseNumber: z.string(), role: z.string() })),
    appointedAt: Instant,
    applicationId: z.string().optional(),
    withdrawnOn: z
      .string()
      .optional()
      .meta({ description: 'Ended by the department from this day on: no trajectory starts with it from then.' }),
    withdrawalReason: z.string().optional(),
  })
  .meta({ id: 'Network' });

export const NetworkWithdrawalBody = z
  .strictObject({
    reason: z.string().trim().min(1).max(5000),
    withdrawnOn: CalendarDate.optional().meta({
      description: 'From this day on no trajectory starts with it; today when left out.',
    }),
  })
  .meta({ id: 'NetworkWithdrawal' });

export const NetworkWithdrawn = z
  .object({
    network: Network,
    trajectoriesToReassign: z
      .array(z.object({ trajectoryId: z.string(), startDate: z.string(), plannedEndDate: z.string() }))
      .meta({ description: 'Its active trajectories, to be reassigned to another network (ids and dates only).' }),
  })
  .meta({ id: 'NetworkWithdrawn' });

export const NetworkPage = pageOf(Network, 'NetworkPage');
export const NetworkParams = z.strictObject({ networkId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a network id.') });
export const ListNetworksQuery = z.strictObject({
  ...PaginationQuery,
  region: z.enum(REGIONS).optional(),
  callId: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, 'Not a call id.')
    .optional(),
});

export const RedecisionParams = CallParams.extend({ region: z.enum(REGIONS) });

const ApplicationId = z.string().regex(/^[0-9a-f-]{36}$/, 'Not an application id.');

export const RedecisionBody = z
  .strictObject({
    objection: ApplicationId.meta({
      description: 'The application whose objection was upheld: the one this re-decision acts on (once).',
    }),
    method: z.enum(['RERUN', 'BY_HAND']).meta({
      description:
        "`RERUN`: the region's applications evaluated and ranked again, with the registry and reviews as they are now. `BY_HAND`: the networks named in `appoint` and `end`.",
    }),
    motivation: z.string().trim().min(10).max(5000).meta({
      description: 'Why, in Dutch: quoted in the history, on the changed decision lines and in the emails.',
    }),
    appoint: z
      .array(ApplicationId)
      .max(50)
      .default([])
      .meta({ description: 'BY_HAND: applications of the region to appoint as networks.' }),
    end: z.array(ApplicationId).max(50).default([]).meta({ description: 'BY_HAND: selected applications whose network ends.' }),
    networksEndOn: CalendarDate.optional().meta({
      description: 'The day from which ended networks start no trajectory; today when left out.',
    }),
  })
  .superRefine((body, ctx) => {
    if (body.method === 'RERUN') {
      for (const field of ['appoint', 'end'] as const)
        if (body[field].length > 0) ctx.addIssue({ code: 'custom', path: [field], message: 'Only with method BY_HAND.' });
    } else if (body.appoint.length === 0 && body.end.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['appoint'], message: 'BY_HAND names at least one application to appoint or end.' });
    }
  })
  .meta({ id: 'RedecisionInput' });

export const Redecision = z
  .object({
    callId: z.string(),
    region: z.enum(REGIONS),
    method: z.enum(['RERUN', 'BY_HAND']),
    objection: z.string().meta({ description: 'The application whose upheld objection this acted on.' }),
    motivation: z.string(),
    decidedAt: Instant,
    changes: z
      .array(
        z.object({
          applicationId: z.string(),
          trackingNumber: z.string(),
          from: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
          to: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
          networkId: z.string(),
        }),
      )
      .meta({ description: 'Applications whose outcome changed; their lead and partners were emailed.' }),
    decision: z.array(DecisionLine).meta({ description: "The region's decision as it stands now." }),
    trajectoriesToReassign: z
      .array(z.object({ trajectoryId: z.string(), networkId: z.string(), startDate: z.string(), plannedEndDate: z.string() }))
      .meta({ description: 'Active trajectories of the networks that ended (ids and dates only).' }),
  })
  .meta({ id: 'Redecision' });

export const ObjectionBody = z.strictObject({ grounds: z.string().trim().min(1).max(10_000) }).meta({ id: 'ObjectionInput' });
export const ObjectionDecisionBody = z
  .strictObject({ decision: z.enum(['UPHELD', 'REJECTED']), motivation: z.string().trim().min(1).max(10_000) })
  .meta({ id: 'ObjectionDecision' });
export { Objection } from './calls.ts';
