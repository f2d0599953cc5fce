import * as z from 'zod';
import { RECOGNITION_AUTHORITIES, REGIONS } from '../domain/reference-data.ts';
import { DEFAULT_REQUIRED_PARTNER_RECOGNITIONS } from '../domain/call-rules.ts';
import { AuditFields, CriterionId, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery, Region } from './common.ts';

export { Region };
const Authority = z.enum(RECOGNITION_AUTHORITIES);
export const CallStatus = z.enum(['DRAFT', 'PUBLISHED', 'SELECTING', 'DECIDED', 'SELECTION_FAILED']).meta({ id: 'CallStatus' });
export const ApplicationStatus = z
  .enum(['DRAFT', 'SUBMITTED', 'WITHDRAWN', 'SELECTED', 'NOT_SELECTED', 'INELIGIBLE'])
  .meta({ id: 'ApplicationStatus' });

const Id = z.string().regex(/^[0-9a-f-]{36}$/, 'Not an id.');
export const CallParams = z.strictObject({ callId: Id });
export const ApplicationParams = z.strictObject({ callId: Id, applicationId: Id });

const Score = z.number().int().min(0).max(1000);

export const AwardCriterion = z
  .strictObject({
    id: CriterionId,
    title: oneLine(200),
    weight: z.number().positive().max(100),
    maxScore: Score.min(1),
    minScore: Score.optional().meta({ description: 'An application scoring under it on this criterion is not selectable.' }),
  })
  .meta({ id: 'AwardCriterion' });

export const CallBody = z
  .strictObject({
    title: oneLine(200),
    description: z.string().trim().min(1).max(10_000),
    regions: z.array(Region).min(1).max(REGIONS.length),
    submissionDeadline: Instant.meta({ description: 'ISO 8601 with offset; stored as an instant, shown in Europe/Brussels.' }),
    maxNetworksPerRegion: z.number().int().min(1).max(50),
    criteria: z.array(AwardCriterion).min(1).max(20),
    requiredPartnerRecognitions: z
      .array(Authority)
      .min(1)
      .max(RECOGNITION_AUTHORITIES.length)
      .default([...DEFAULT_REQUIRED_PARTNER_RECOGNITIONS]),
    minReviewsPerApplication: z.number().int().min(1).max(10).default(1),
  })
  .meta({ id: 'CallInput' });

export const HistoryEntry = z
  .object({
    at: Instant,
    by: z.string(),
    action: z.string(),
    from: z.string().optional(),
    to: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'HistoryEntry' });

export const Call = z
  .object({
    callId: z.string(),
    title: z.string(),
    description: z.string(),
    regions: z.array(Region),
    submissionDeadline: z.string().meta({ description: 'The deadline in Europe/Brussels time, with its offset.' }),
    submissionDeadlineUtc: Instant,
    maxNetworksPerRegion: z.number().int(),
    criteria: z.array(AwardCriterion),
    requiredPartnerRecognitions: z.array(Authority),
    minReviewsPerApplication: z.number().int(),
    status: CallStatus,
    decidedAt: Instant.optional(),
    history: z.array(HistoryEntry),
    ...AuditFields,
  })
  .meta({ id: 'Call' });

export const CallPage = pageOf(Call, 'CallPage');

export const ListCallsQuery = z.strictObject({
  ...PaginationQuery,
  status: CallStatus.optional(),
  region: Region.optional(),
});

export const CallStatisticsQuery = z.strictObject({
  callId: Id.optional().meta({ description: 'One call; all calls when left out.' }),
  status: CallStatus.optional(),
});

const CallReportCounts = z.object({
  applications: z.number().int(),
  drafts: z.number().int(),
  submitted: z.number().int(),
  withdrawn: z.number().int(),
  eligible: z.number().int().meta({
    description: 'Submitted and eligible: from the decision once the call is decided, checked at the time of the request before.',
  }),
  ineligible: z.number().int(),
  selected: z.number().int().meta({ description: 'In the decision that stands (after any re-decision on an objection).' }),
  notSelected: z.number().int(),
  objections: z.number().int(),
  objectionsUpheld: z.number().int(),
  partnersNotAnswered: z.number().int().meta({ description: 'Partners named that have neither confirmed nor declined.' }),
});

export const CallStatistics = z
  .object({
    calls: z.array(
      z.object({
        callId: z.string(),
        title: z.string(),
        status: CallStatus,
        submissionDeadline: Instant,
        maxNetworksPerRegion: z.number().int(),
        totals: CallReportCounts,
        regions: z.array(CallReportCounts.extend({ region: z.string() })),
      }),
    ),
  })
  .meta({ id: 'CallStatistics' });

export const DeadlineExtensionBody = z
  .strictObject({
    submissionDeadline: Instant,
    reason: z.string().trim().min(1).max(2000),
  })
  .meta({ id: 'DeadlineExtension' });

const Partner = z.strictObject({
  enterpriseNumber: EnterpriseNumber,
  role: oneLine(200),
});

export const ApplicationBody = z
  .strictObject({
    region: Region,
    partners: z.array(Partner).max(50),
    proposal: z.strictObject({
      summary: z.string().trim().min(1).max(5000),
      criteria: z.record(CriterionId, z.string().max(20_000)).refine((c) => Object.keys(c).length <= 20, 'At most 20 criteria.'),
    }),
  })
  .meta({ id: 'ApplicationInput' });

export const Receipt = z
  .object({
    applicationId: z.string(),
    trackingNumber: z.string().meta({ example: 'WZ-2026-7K3M-Q9XD' }),
    submittedAt: Instant,
    contentHash: z.string().meta({ description: 'SHA-256 (hex) of the canonical JSON of the submitted content.' }),
    signature: z.string().meta({ description: 'HMAC-SHA256 over the canonical JSON of the four fields above.' }),
  })
  .meta({ id: 'Receipt' });

export const VerifyReceiptBody = z
  .strictObject({
    applicationId: z.string().max(100),
    trackingNumber: z.string().max(100),
    submittedAt: z.string().max(100),
    contentHash: z.string().max(200),
    signature: z.string().max(200),
  })
  .meta({ id: 'ReceiptToVerify' });

export const ReceiptVerification = z
  .object({
    valid: z.boolean().meta({ description: 'The signature is ours and matches the four fields.' }),
    matchesRecord: z.boolean().meta({ description: 'The receipt matches a submitted version on record.' }),
  })
  .meta({ id: 'ReceiptVerification' });

/** A lead's objection (bezwaar) to its outcome, and the department's answer. */
export const Objection = z
  .object({
    grounds: z.string(),
    lodgedAt: Instant,
    lodgedBy: z.string(),
    decision: z.enum(['UPHELD', 'REJECTED']).optional(),
    motivation: z.string().optional(),
    decidedAt: Instant.optional(),
    decidedBy: z.string().optional(),
    redecidedAt: Instant.optional().meta({
      description: "Upheld and acted on: when the department decided the objection's region again.",
    }),
    redecidedBy: z.string().optional(),
  })
  .meta({ id: 'Objection' });

export const Application = z
  .object({
    applicationId: z.string(),
    callId: z.string(),
    trackingNumber: z.string(),
    leadEnterpriseNumber: z.string(),
    region: Region,
    partners: z.array(z.object({ enterpriseNumber: z.string(), role: z.string() })),
    proposal: z.object({ summary: z.string(), criteria: z.record(z.string(), z.string()) }),
    status: ApplicationStatus,
    submittedVersions: z.number().int().meta({ description: 'How many versions were submitted (see /versions).' }),
    outcome: z
      .object({
        status: z.enum(['SELECTED', 'NOT_SELECTED', 'INELIGIBLE']),
        score: z.number(),
        rank: z.number().int().nullable(),
        reasons: z.array(z.string()),
        evaluatedVersion: z.number().int(),
        networkId: z.string().optional(),
        notifiedAt: Instant.optional(),
      })
      .optional()
      .meta({ description: 'The selection outcome, once the call is DECIDED.' }),
    partnerAnswers: z
      .array(
        z.object({
          enterpriseNumber: z.string(),
          answer: z.enum(['AWAITED', 'CONFIRMED', 'DECLINED']),
          answeredAt: Instant.optional(),
          comment: z.string().optional(),
        }),
      )
      .meta({
        description:
          'Each partner named, with its answer (rule `partners-confirmed`): only confirmed partners count for eligibility.',
      }),
    objection: Objection.optional(),
    receipt: Receipt.optional().meta({ description: 'The receipt of the last submission.' }),
    history: z.array(HistoryEntry),
    ...AuditFields,
  })
  .meta({ id: 'Application' });

export const ApplicationPage = pageOf(Application, 'ApplicationPage');

export const PartnerAnswerBody = z
  .strictObject({
    answer: z.enum(['CONFIRMED', 'DECLINED']).meta({
      description: "CONFIRMED: your facility takes part in this application's network as named; DECLINED: it does not.",
    }),
    comment: z.string().trim().min(1).max(2000).optional().meta({ description: 'For the lead, e.g. why you decline.' }),
  })
  .meta({ id: 'PartnerAnswerInput' });

export const ListApplicationsQuery = z.strictObject({
  ...PaginationQuery,
  region: Region.optional(),
  status: ApplicationStatus.optional(),
});

export const EligibilityReport = z
  .object({
    eligible: z.boolean(),
    checkedOn: z.string().meta({ description: 'Recognitions are checked on the deadline date (Brussels).' }),
    rules: z.array(z.object({ rule: z.string(), passed: z.boolean(), explanation: z.string() })),
  })
  .meta({ id: 'EligibilityReport' });

export const ApplicationVersion = z
  .object({
    version: z.number().int(),
    content: z.object({
      callId: z.string(),
      applicationId: z.string(),
      leadEnterpriseNumber: z.string(),
      region: Region,
      partners: z.array(z.object({ enterpriseNumber: z.string(), role: z.string() })),
      proposal: z.object({ summary: z.string(), criteria: z.record(z.string(), z.string()) }),
    }),
    receipt: Receipt,
  })
  .meta({ id: 'ApplicationVersion' });

export const DeclarationBody = z
  .strictObject({
    noConflictOfInterest: z.literal(true).meta({
      description: 'I declare that I have no conflict of interest with the lead or any partner of this application.',
    }),
  })
  .meta({ id: 'Declaration' });

export const ReviewBody = z
  .strictObject({
    scores: z.record(CriterionId, Score),
    comment: z.string().trim().min(1).max(10_000),
  })
  .meta({ id: 'ReviewInput' });

export const Review = z
  .object({
    applicationId: z.string(),
    reviewer: z.string(),
    scores: z.record(z.string(), z.number()),
    comment: z.string(),
    declaredAt: Instant,
    ...AuditFields,
  })
  .meta({ id: 'Review' });

export type CallInput = z.output<typeof CallBody>;
export type ApplicationInput = z.output<typeof ApplicationBody>;
