import { lazy } from '../zod.ts';
import * as z from '../zod.ts';
import { withMeta } from '../zod.ts';
import { RECOGNITION_AUTHORITIES, REGIONS } from '../domain/reference-data.ts';
import { DEFAULT_REQUIRED_PARTNER_RECOGNITIONS } from '../domain/call-rules.ts';
import {
  AuditFields,
  CriterionId,
  EnterpriseNumber,
  Instant,
  oneLine,
  pageOf,
  PaginationQuery,
  ProblemSchema,
  Region,
} from './common.ts';

export { Region };
const Authority = lazy(() => z.enum(RECOGNITION_AUTHORITIES));
export const CallStatus = lazy(() => withMeta(z.enum(['DRAFT', 'PUBLISHED', 'SELECTING', 'DECIDED', 'SELECTION_FAILED']), {
  id: 'CallStatus',
}));
export const ApplicationStatus = lazy(() => withMeta(z.enum(['DRAFT', 'SUBMITTED', 'WITHDRAWN', 'SELECTED', 'NOT_SELECTED', 'INELIGIBLE']), {
  id: 'ApplicationStatus',
}));

const Id = lazy(() => z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not an id.')));
export const CallParams = lazy(() => z.strictObject({ callId: Id() }));
export const ApplicationParams = lazy(() => z.strictObject({ callId: Id(), applicationId: Id() }));

const Score = lazy(() => z.number().check(z.int(), z.gte(0), z.lte(1000)));

export const AwardCriterion = lazy(() => withMeta(
  z.strictObject({
    id: CriterionId(),
    title: oneLine(200),
    weight: z.number().check(z.positive(), z.lte(100)),
    maxScore: Score().check(z.gte(1)),
    minScore: withMeta(z.optional(Score()), {
      description: 'An application scoring under it on this criterion is not selectable.',
    }),
  }),
  { id: 'AwardCriterion' },
));

export const CallBody = lazy(() => withMeta(
  z.strictObject({
    title: oneLine(200),
    description: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
    regions: z.array(Region()).check(z.minLength(1), z.maxLength(REGIONS.length)),
    submissionDeadline: withMeta(Instant(), {
      description: 'ISO 8601 with offset; stored as an instant, shown in Europe/Brussels.',
    }),
    maxNetworksPerRegion: z.number().check(z.int(), z.gte(1), z.lte(50)),
    criteria: z.array(AwardCriterion()).check(z.minLength(1), z.maxLength(20)),
    requiredPartnerRecognitions: z._default(
      z.array(Authority()).check(z.minLength(1), z.maxLength(RECOGNITION_AUTHORITIES.length)),
      [...DEFAULT_REQUIRED_PARTNER_RECOGNITIONS],
    ),
    minReviewsPerApplication: z._default(z.number().check(z.int(), z.gte(1), z.lte(10)), 1),
  }),
  { id: 'CallInput' },
));

export const HistoryEntry = lazy(() => withMeta(
  z.object({
    at: Instant(),
    by: z.string(),
    action: z.string(),
    from: z.optional(z.string()),
    to: z.optional(z.string()),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
  { id: 'HistoryEntry' },
));

export const Call = lazy(() => withMeta(
  z.object({
    callId: z.string(),
    title: z.string(),
    description: z.string(),
    regions: z.array(Region()),
    submissionDeadline: withMeta(z.string(), { description: 'The deadline in Europe/Brussels time, with its offset.' }),
    submissionDeadlineUtc: Instant(),
    maxNetworksPerRegion: z.number().check(z.int()),
    criteria: z.array(AwardCriterion()),
    requiredPartnerRecognitions: z.array(Authority()),
    minReviewsPerApplication: z.number().check(z.int()),
    status: CallStatus(),
    decidedAt: z.optional(Instant()),
    history: z.array(HistoryEntry()),
    ...AuditFields(),
  }),
  { id: 'Call' },
));

export const CallPage = lazy(() => pageOf(Call(), 'CallPage'));

export const ListCallsQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  status: z.optional(CallStatus()),
  region: z.optional(Region()),
}));

export const CallStatisticsQuery = lazy(() => z.strictObject({
  callId: withMeta(z.optional(Id()), { description: 'One call; all calls when left out.' }),
  status: z.optional(CallStatus()),
}));

const CallReportCounts = lazy(() => z.object({
  applications: z.number().check(z.int()),
  drafts: z.number().check(z.int()),
  submitted: z.number().check(z.int()),
  withdrawn: z.number().check(z.int()),
  eligible: withMeta(z.number().check(z.int()), {
    description: 'Submitted and eligible: from the decision once the call is decided, checked at the time of the request before.',
  }),
  ineligible: z.number().check(z.int()),
  selected: withMeta(z.number().check(z.int()), {
    description: 'In the decision that stands (after any re-decision on an objection).',
  }),
  notSelected: z.number().check(z.int()),
  objections: z.number().check(z.int()),
  objectionsUpheld: z.number().check(z.int()),
  partnersNotAnswered: withMeta(z.number().check(z.int()), {
    description: 'Partners named that have neither confirmed nor declined.',
  }),
}));

export const CallStatistics = lazy(() => withMeta(
  z.object({
    calls: z.array(
      z.object({
        callId: z.string(),
        title: z.string(),
        status: CallStatus(),
        submissionDeadline: Instant(),
        maxNetworksPerRegion: z.number().check(z.int()),
        totals: CallReportCounts(),
        regions: z.array(z.extend(CallReportCounts(), { region: z.string() })),
      }),
    ),
  }),
  { id: 'CallStatistics' },
));

export const DeadlineExtensionBody = lazy(() => withMeta(
  z.strictObject({
    submissionDeadline: Instant(),
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  }),
  { id: 'DeadlineExtension' },
));

const Partner = lazy(() => z.strictObject({
  enterpriseNumber: EnterpriseNumber(),
  role: oneLine(200),
}));

export const ApplicationBody = lazy(() => withMeta(
  z.strictObject({
    region: Region(),
    partners: z.array(Partner()).check(z.maxLength(50)),
    proposal: z.strictObject({
      summary: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
      criteria: z
        .record(CriterionId(), z.string().check(z.maxLength(20_000)))
        .check(z.refine((c) => Object.keys(c).length <= 20, 'At most 20 criteria.')),
    }),
  }),
  { id: 'ApplicationInput' },
));

export const Receipt = lazy(() => withMeta(
  z.object({
    applicationId: z.string(),
    trackingNumber: withMeta(z.string(), { example: 'WZ-2026-7K3M-Q9XD' }),
    submittedAt: Instant(),
    contentHash: withMeta(z.string(), { description: 'SHA-256 (hex) of the canonical JSON of the submitted content.' }),
    signature: withMeta(z.string(), { description: 'HMAC-SHA256 over the canonical JSON of the four fields above.' }),
  }),
  { id: 'Receipt' },
));

export const VerifyReceiptBody = lazy(() => withMeta(
  z.strictObject({
    applicationId: z.string().check(z.maxLength(100)),
    trackingNumber: z.string().check(z.maxLength(100)),
    submittedAt: z.string().check(z.maxLength(100)),
    contentHash: z.string().check(z.maxLength(200)),
    signature: z.string().check(z.maxLength(200)),
  }),
  { id: 'ReceiptToVerify' },
));

export const ReceiptVerification = lazy(() => withMeta(
  z.object({
    valid: withMeta(z.boolean(), { description: 'The signature is ours and matches the four fields.' }),
    matchesRecord: withMeta(z.boolean(), { description: 'The receipt matches a submitted version on record.' }),
  }),
  { id: 'ReceiptVerification' },
));

/** A lead's objection (bezwaar) to its outcome, and the department's answer. */
export const Objection = lazy(() => withMeta(
  z.object({
    grounds: z.string(),
    lodgedAt: Instant(),
    lodgedBy: z.string(),
    decision: z.optional(z.enum(['UPHELD', 'REJECTED'])),
    motivation: z.optional(z.string()),
    decidedAt: z.optional(Instant()),
    decidedBy: z.optional(z.string()),
    redecidedAt: withMeta(z.optional(Instant()), {
      description: "Upheld and acted on: when the department decided the objection's region again.",
    }),
    redecidedBy: z.optional(z.string()),
  }),
  { id: 'Objection' },
));

export const Application = lazy(() => withMeta(
  z.object({
    applicationId: z.string(),
    callId: z.string(),
    trackingNumber: z.string(),
    leadEnterpriseNumber: z.string(),
    region: Region(),
    partners: z.array(z.object({ enterpriseNumber: z.string(), role: z.string() })),
    proposal: z.object({ summary: z.string(), criteria: z.record(z.string(), z.string()) }),
    status: ApplicationStatus(),
    submittedVersions: withMeta(z.number().check(z.int()), { description: 'How many versions were submitted (see /versions).' }),
    outcome: withMeta(
      z.optional(
        z.object({
          status: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
          score: z.number(),
          rank: z.nullable(z.number().check(z.int())),
          reasons: z.array(z.string()),
          evaluatedVersion: z.number().check(z.int()),
          networkId: z.optional(z.string()),
          notifiedAt: z.optional(Instant()),
        }),
      ),
      { description: 'The selection outcome, once the call is DECIDED.' },
    ),
    partnerAnswers: withMeta(
      z.array(
        z.object({
          enterpriseNumber: z.string(),
          answer: z.enum(['AWAITED', 'CONFIRMED', 'DECLINED']),
          answeredAt: z.optional(Instant()),
          comment: z.optional(z.string()),
        }),
      ),
      {
        description:
          'Each partner named, with its answer (rule `partners-confirmed`): only confirmed partners count for eligibility.',
      },
    ),
    objection: z.optional(Objection()),
    receipt: withMeta(z.optional(Receipt()), { description: 'The receipt of the last submission.' }),
    history: z.array(HistoryEntry()),
    ...AuditFields(),
  }),
  { id: 'Application' },
));

export const ApplicationPage = lazy(() => pageOf(Application(), 'ApplicationPage'));

export const PartnerAnswerBody = lazy(() => withMeta(
  z.strictObject({
    answer: withMeta(z.enum(['CONFIRMED', 'DECLINED']), {
      description: "CONFIRMED: your facility takes part in this application's network as named; DECLINED: it does not.",
    }),
    comment: withMeta(z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))), {
      description: 'For the lead, e.g. why you decline.',
    }),
  }),
  { id: 'PartnerAnswerInput' },
));

export const ListApplicationsQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  region: z.optional(Region()),
  status: z.optional(ApplicationStatus()),
}));

export const EligibilityReport = lazy(() => withMeta(
  z.object({
    eligible: z.boolean(),
    checkedOn: withMeta(z.string(), { description: 'Recognitions are checked on the deadline date (Brussels).' }),
    rules: z.array(z.object({ rule: z.string(), passed: z.boolean(), explanation: z.string() })),
  }),
  { id: 'EligibilityReport' },
));

/** The 422 of a submit that the eligibility rules refuse: the problem with the whole report. */
export const NotEligibleProblem = lazy(() => withMeta(
  z.extend(ProblemSchema(), {
    report: z.optional(EligibilityReport()),
  }),
  { id: 'NotEligibleProblem' },
));

export const ApplicationVersion = lazy(() => withMeta(
  z.object({
    version: z.number().check(z.int()),
    content: z.object({
      callId: z.string(),
      applicationId: z.string(),
      leadEnterpriseNumber: z.string(),
      region: Region(),
      partners: z.array(z.object({ enterpriseNumber: z.string(), role: z.string() })),
      proposal: z.object({ summary: z.string(), criteria: z.record(z.string(), z.string()) }),
    }),
    receipt: Receipt(),
  }),
  { id: 'ApplicationVersion' },
));

export const DeclarationBody = lazy(() => withMeta(
  z.strictObject({
    noConflictOfInterest: withMeta(z.literal(true), {
      description: 'I declare that I have no conflict of interest with the lead or any partner of this application.',
    }),
  }),
  { id: 'Declaration' },
));

export const ReviewBody = lazy(() => withMeta(
  z.strictObject({
    scores: z.record(CriterionId(), Score()),
    comment: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
  }),
  { id: 'ReviewInput' },
));

export const Review = lazy(() => withMeta(
  z.object({
    applicationId: z.string(),
    reviewer: z.string(),
    scores: z.record(z.string(), z.number()),
    comment: z.string(),
    declaredAt: Instant(),
    ...AuditFields(),
  }),
  { id: 'Review' },
));

export type CallInput = z.output<ReturnType<typeof CallBody>>;
export type ApplicationInput = z.output<ReturnType<typeof ApplicationBody>>;
