import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { REGIONS } from '../domain/reference-data.ts';
import { CalendarDate, Instant, PaginationQuery, pageOf } from './common.ts';
import { CallParams } from './calls.ts';

export const StartSelectionBody = lazy(() => withMeta(
  z.strictObject({
    dryRun: withMeta(z._default(z.boolean(), false), {
      description: 'Run the same workflow without changing anything: what would be selected.',
    }),
  }),
  { id: 'StartSelection' },
));

export const SelectionStarted = lazy(() => withMeta(z.object({ executionId: z.string(), dryRun: z.boolean() }), { id: 'SelectionStarted' }));

export const SelectionStatusQuery = lazy(() => z.strictObject({
  executionId: withMeta(z.optional(z.string().check(z.maxLength(300))), {
    description: 'A particular run (e.g. a dry run); default the latest real run.',
  }),
}));

export const DecisionLine = lazy(() => z.object({
  applicationId: z.string(),
  leadEnterpriseNumber: z.string(),
  score: z.number(),
  rank: z.nullable(z.number().check(z.int())),
  outcome: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
  reasons: z.array(z.string()),
}));

export const SelectionStatus = lazy(() => withMeta(
  z.object({
    executionId: z.string(),
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
    dryRun: z.boolean(),
    startedAt: Instant(),
    finishedAt: z.optional(Instant()),
    error: z.optional(z.string()),
    decision: withMeta(
      z.optional(z.object({ regions: z.array(z.object({ region: z.string(), applications: z.array(DecisionLine()) })) })),
      { description: 'When SUCCEEDED. A facility sees only the lines of its own applications.' },
    ),
  }),
  { id: 'SelectionStatus' },
));

export const Network = lazy(() => withMeta(
  z.object({
    networkId: z.string(),
    callId: z.string(),
    region: z.enum(REGIONS),
    leadEnterpriseNumber: z.string(),
    partners: z.array(z.object({ enterpriseNumber: z.string(), role: z.string() })),
    appointedAt: Instant(),
    applicationId: z.optional(z.string()),
    withdrawnOn: withMeta(z.optional(z.string()), {
      description: 'Ended by the department from this day on: no trajectory starts with it from then.',
    }),
    withdrawalReason: z.optional(z.string()),
  }),
  { id: 'Network' },
));

export const NetworkWithdrawalBody = lazy(() => withMeta(
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
    withdrawnOn: withMeta(z.optional(CalendarDate()), {
      description: 'From this day on no trajectory starts with it; today when left out.',
    }),
  }),
  { id: 'NetworkWithdrawal' },
));

export const NetworkWithdrawn = lazy(() => withMeta(
  z.object({
    network: Network(),
    trajectoriesToReassign: withMeta(
      z.array(z.object({ trajectoryId: z.string(), startDate: z.string(), plannedEndDate: z.string() })),
      { description: 'Its active trajectories, to be reassigned to another network (ids and dates only).' },
    ),
  }),
  { id: 'NetworkWithdrawn' },
));

export const NetworkPage = lazy(() => pageOf(Network(), 'NetworkPage'));
export const NetworkParams = lazy(() => z.strictObject({ networkId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a network id.')) }));
export const ListNetworksQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  region: z.optional(z.enum(REGIONS)),
  callId: z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a call id.'))),
}));

export const RedecisionParams = lazy(() => z.extend(CallParams(), { region: z.enum(REGIONS) }));

const ApplicationId = lazy(() => z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not an application id.')));

export const RedecisionBody = lazy(() => withMeta(
  z
    .strictObject({
      objection: withMeta(ApplicationId(), {
        description: 'The application whose objection was upheld: the one this re-decision acts on (once).',
      }),
      method: withMeta(z.enum(['RERUN', 'BY_HAND']), {
        description:
          "`RERUN`: the region's applications evaluated and ranked again, with the registry and reviews as they are now. `BY_HAND`: the networks named in `appoint` and `end`.",
      }),
      motivation: withMeta(z.string().check(z.trim(), z.minLength(10), z.maxLength(5000)), {
        description: 'Why, in Dutch: quoted in the history, on the changed decision lines and in the emails.',
      }),
      appoint: withMeta(z._default(z.array(ApplicationId()).check(z.maxLength(50)), []), {
        description: 'BY_HAND: applications of the region to appoint as networks.',
      }),
      end: withMeta(z._default(z.array(ApplicationId()).check(z.maxLength(50)), []), {
        description: 'BY_HAND: selected applications whose network ends.',
      }),
      networksEndOn: withMeta(z.optional(CalendarDate()), {
        description: 'The day from which ended networks start no trajectory; today when left out.',
      }),
    })
    .check(
      z.superRefine((body, ctx) => {
        if (body.method === 'RERUN') {
          for (const field of ['appoint', 'end'] as const)
            if (body[field].length > 0) ctx.addIssue({ code: 'custom', path: [field], message: 'Only with method BY_HAND.' });
        } else if (body.appoint.length === 0 && body.end.length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['appoint'],
            message: 'BY_HAND names at least one application to appoint or end.',
          });
        }
      }),
    ),
  { id: 'RedecisionInput' },
));

export const Redecision = lazy(() => withMeta(
  z.object({
    callId: z.string(),
    region: z.enum(REGIONS),
    method: z.enum(['RERUN', 'BY_HAND']),
    objection: withMeta(z.string(), { description: 'The application whose upheld objection this acted on.' }),
    motivation: z.string(),
    decidedAt: Instant(),
    changes: withMeta(
      z.array(
        z.object({
          applicationId: z.string(),
          trackingNumber: z.string(),
          from: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
          to: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
          networkId: z.string(),
        }),
      ),
      { description: 'Applications whose outcome changed; their lead and partners were emailed.' },
    ),
    decision: withMeta(z.array(DecisionLine()), { description: "The region's decision as it stands now." }),
    trajectoriesToReassign: withMeta(
      z.array(z.object({ trajectoryId: z.string(), networkId: z.string(), startDate: z.string(), plannedEndDate: z.string() })),
      { description: 'Active trajectories of the networks that ended (ids and dates only).' },
    ),
  }),
  { id: 'Redecision' },
));

export const ObjectionBody = lazy(() => withMeta(
  z.strictObject({ grounds: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)) }),
  { id: 'ObjectionInput' },
));
export const ObjectionDecisionBody = lazy(() => withMeta(
  z.strictObject({
    decision: z.enum(['UPHELD', 'REJECTED']),
    motivation: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
  }),
  { id: 'ObjectionDecision' },
));
export { Objection } from './calls.ts';
