import * as z from 'zod';
import { isFlemishOrBrusselsPostcode, PARTICIPANT_PERMISSIONS } from '../domain/ama.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery } from './common.ts';

const Address = z.strictObject({
  street: oneLine(200),
  postcode: z.string().refine(isFlemishOrBrusselsPostcode, 'A postcode of a Flemish or Brussels municipality.'),
  municipality: oneLine(100),
});

export const WerkpostBody = z
  .strictObject({
    name: oneLine(200),
    organisationEnterpriseNumber: EnterpriseNumber.optional(),
    address: Address,
    activities: z.string().trim().min(1).max(5000),
    places: z.number().int().min(1).max(500),
  })
  .meta({ id: 'WerkpostInput' });

export const WerkpostPatchBody = z
  .strictObject({
    name: oneLine(200).optional(),
    activities: z.string().trim().min(1).max(5000).optional(),
    places: z.number().int().min(1).max(500).optional(),
    closed: z.boolean().optional().meta({ description: 'Closed to new agreements (existing ones run on).' }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one field.' })
  .meta({ id: 'WerkpostPatch' });

export const Werkpost = z
  .object({
    werkpostId: z.string(),
    begeleiderEnterpriseNumber: z.string(),
    name: z.string(),
    organisationEnterpriseNumber: z.string().optional(),
    address: z.object({ street: z.string(), postcode: z.string(), municipality: z.string() }),
    activities: z.string(),
    places: z.number().int(),
    freePlaces: z.number().int(),
    closed: z.boolean(),
    ...AuditFields,
  })
  .meta({ id: 'Werkpost' });

export const WerkpostParams = z.strictObject({ werkpostId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a werkpost id.') });
export const ListWerkpostenQuery = z.strictObject({
  postcode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  freePlaces: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: only werkposten with a free place, open to new agreements.' }),
});

const SubmissionStatus = z.enum(['SUBMITTED', 'ACCEPTED', 'RETURNED']);

const Day = z.enum(['MA', 'DI', 'WO', 'DO', 'VR', 'ZA', 'ZO']);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const AgreementBody = z
  .strictObject({
    participant: z.strictObject({
      reference: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{4,40}$/, 'A pseudonymous reference: 4–40 letters, digits or dashes.')
        .meta({ 'x-personal': 'participant-reference' }),
      birthDate: CalendarDate.meta({ 'x-personal': 'participant-reference' }),
      name: oneLine(200).meta({
        'x-personal': 'participant-identity',
        description:
          'The participant’s name as on their identity card. Stored encrypted; shown only in the PDF and, once submitted, to the department.',
      }),
      nationalRegisterNumber: z.string().trim().max(20).meta({
        'x-personal': 'participant-identity',
        description:
          'The participant’s national register number (rijksregisternummer), `85073003328` or `85.07.30-033.28`: its check digits and birth date are checked (rule `national-register-number`). Stored encrypted, like the name.',
      }),
    }),
    werkpostId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a werkpost id.'),
    activities: z.string().trim().min(1).max(5000),
    weeklySchedule: z
      .array(
        z
          .strictObject({ day: Day, from: Time, to: Time })
          .refine((s) => s.from < s.to, { message: 'from must be before to.', path: ['to'] }),
      )
      .min(1)
      .max(14),
    startDate: CalendarDate,
    plannedEndDate: CalendarDate.optional().meta({ description: 'The end the parties agree on, if any (open-ended otherwise).' }),
    werkpostbegeleider: z
      .strictObject({
        name: oneLine(200),
        phone: z
          .string()
          .regex(/^\+?[0-9 ./-]{6,20}$/, 'A phone number: digits, spaces, dots, dashes or slashes, optionally starting with +.')
          .optional(),
        email: z.email().max(254).optional(),
      })
      .meta({ 'x-personal': 'werkpostbegeleider', description: 'The supervisor at the werkpost, and how to reach them.' }),
    participantStatus: z
      .strictObject({
        permission: z.enum(PARTICIPANT_PERMISSIONS).meta({
          description:
            '`VDAB_REFERRAL`: a job seeker referred by VDAB; `OCMW_PERMISSION`: with the OCMW’s permission; `MEDICAL_ADVISER_PERMISSION`: an allowance recipient with the medical adviser’s permission.',
        }),
        reference: oneLine(100).meta({ description: 'The referral’s or permission’s reference.' }),
      })
      .meta({
        'x-personal': 'participant-status',
        description: 'Why the participant may take part, as the department’s guidance requires.',
      }),
    evaluationDates: z.array(CalendarDate).min(1).max(24),
    insurance: z.strictObject({ insurer: oneLine(200), policyReference: oneLine(100) }),
    guidance: z.string().trim().min(1).max(5000),
    endingConditions: z.string().trim().min(1).max(5000),
    trajectoryId: z
      .string()
      .regex(/^[0-9a-f-]{36}$/)
      .optional()
      .meta({ description: 'The trajectory it follows from (closed with outcome AMA).' }),
  })
  .superRefine((b, ctx) => {
    if (b.plannedEndDate !== undefined && b.plannedEndDate <= b.startDate) {
      ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'The planned end falls after the start date.' });
    }
    b.evaluationDates.forEach((d, i) => {
      if (d <= b.startDate)
        ctx.addIssue({ code: 'custom', path: ['evaluationDates', i], message: 'Evaluations fall after the start date.' });
    });
  })
  .meta({ id: 'AgreementInput' });

const Party = z.enum(['PARTICIPANT', 'BEGELEIDER', 'WERKPOST']);
const SignerName = oneLine(200).meta({
  description: 'Who signed for the begeleider or the werkpost. Not for the participant: their name is never typed here.',
});
const SignedOn = CalendarDate.meta({ description: 'The day the party signed; not in the future.' });

export const SignatureBody = z
  .discriminatedUnion('method', [
    z.strictObject({
      party: Party,
      method: z.literal('SCANNED_PAPER').meta({ description: 'Signed on paper; the scanned copy is kept by the begeleider.' }),
      signerName: SignerName.optional(),
      signedOn: SignedOn,
      scanSha256: z.string().regex(/^[0-9a-f]{64}$/, 'The SHA-256 of the scanned copy: 64 lowercase hexadecimal characters.'),
    }),
    z.strictObject({
      party: Party,
      method: z.literal('ELECTRONIC'),
      signerName: SignerName.optional(),
      signedOn: SignedOn,
      electronicReference: oneLine(200).meta({ description: 'The reference of the electronic signature (its service’s id).' }),
    }),
  ])
  .superRefine((b, ctx) => {
    if (b.party === 'PARTICIPANT' && b.signerName !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['signerName'],
        message:
          "Leave it out for the participant: their name is not stored in plain text; the signed copy's hash proves their signature.",
      });
    }
    if (b.party !== 'PARTICIPANT' && b.signerName === undefined) {
      ctx.addIssue({ code: 'custom', path: ['signerName'], message: 'Who signed for the begeleider or the werkpost.' });
    }
  })
  .meta({ id: 'SignatureInput' });

export const EndAgreementBody = z
  .strictObject({ endDate: CalendarDate, reason: z.string().trim().min(1).max(2000) })
  .meta({ id: 'AgreementEnd' });

const SignatureView = z.object({
  party: z.string(),
  signerName: z.string().optional(),
  method: z.enum(['SCANNED_PAPER', 'ELECTRONIC']).optional(),
  signedOn: CalendarDate.optional(),
  scanSha256: z.string().optional(),
  electronicReference: z.string().optional(),
  recordedBy: z.string().meta({ description: 'Who recorded the signature.' }),
  signedAt: Instant.meta({ description: 'When it was recorded.' }),
});

const ParticipantIdentity = z
  .object({ name: z.string(), nationalRegisterNumber: z.string() })
  .meta({ id: 'ParticipantIdentity', 'x-personal': 'participant-identity' });

export const Agreement = z
  .object({
    agreementId: z.string(),
    begeleiderEnterpriseNumber: z.string(),
    werkpostId: z.string(),
    participant: z.object({
      reference: z.string().meta({ 'x-personal': 'participant-reference' }),
      birthDate: z.string().meta({ 'x-personal': 'participant-reference' }),
      identityRecorded: z.boolean().meta({
        description:
          'Whether the name and national register number are on file (encrypted; never in this view for the begeleider).',
      }),
      identity: ParticipantIdentity.optional().meta({
        description:
          'The name and national register number: only for the department, once the agreement was submitted (rule `ama-participant-identity`).',
      }),
    }),
    activities: z.string(),
    weeklySchedule: z.array(z.object({ day: z.string(), from: z.string(), to: z.string() })),
    startDate: z.string(),
    endDate: z.string().optional(),
    endReason: z.string().optional(),
    evaluationDates: z.array(z.string()),
    insurance: z.object({ insurer: z.string(), policyReference: z.string() }),
    guidance: z.string(),
    endingConditions: z.string(),
    trajectoryId: z.string().optional(),
    status: z.enum(['DRAFT', 'ACTIVE', 'ENDED']),
    signatures: z.array(SignatureView),
    voidedSignatures: z
      .array(SignatureView)
      .optional()
      .meta({ description: 'Signatures this change voided: the parties sign the new text.' }),
    notice: z.string().optional(),
    plannedEndDate: z.string().optional(),
    werkpostbegeleider: z
      .object({ name: z.string(), phone: z.string().optional(), email: z.string().optional() })
      .optional()
      .meta({ 'x-personal': 'werkpostbegeleider' }),
    participantStatus: z
      .object({ permission: z.enum(PARTICIPANT_PERMISSIONS), reference: z.string() })
      .optional()
      .meta({ 'x-personal': 'participant-status' }),
    hoursPerWeek: z.number().meta({ description: 'The hours a week the schedule holds.' }),
    submission: z
      .object({
        status: SubmissionStatus,
        submittedAt: Instant,
        submittedBy: z.string(),
        signedCopySha256: z.string(),
        recognitionRequestId: z.string(),
        decidedAt: Instant.optional(),
        decidedBy: z.string().optional(),
        returnReason: z.string().optional(),
      })
      .optional()
      .meta({ description: 'Its submission to the department and the answer.' }),
    checks: z.array(z.object({ rule: z.string(), level: z.literal('warning'), path: z.string(), message: z.string() })).meta({
      description: 'What the guidance asks but does not refuse yet (e.g. `ama-minimum-period`): correct it before signing.',
    }),
    ...AuditFields,
  })
  .meta({ id: 'AmaAgreement' });

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256: 64 lowercase hexadecimal characters.');

export const SubmitAgreementBody = z
  .strictObject({ signedCopySha256: Sha256.meta({ description: 'The SHA-256 of the complete signed copy you keep.' }) })
  .meta({ id: 'AgreementSubmissionInput' });

export const SubmissionDecisionBody = z
  .discriminatedUnion('accepted', [
    z.strictObject({ accepted: z.literal(true) }),
    z.strictObject({ accepted: z.literal(false), reason: z.string().trim().min(1).max(5000) }),
  ])
  .meta({ id: 'AgreementSubmissionDecision' });

export const ListAgreementsQuery = z.strictObject({
  ...PaginationQuery,
  begeleider: EnterpriseNumber.optional().meta({
    description: 'The department: one begeleider’s agreements (all when left out). A begeleider always lists its own.',
  }),
  status: z.enum(['DRAFT', 'ACTIVE', 'ENDED']).optional(),
  startsFrom: CalendarDate.optional().meta({ description: 'Agreements starting on or after this date.' }),
  startsUntil: CalendarDate.optional().meta({ description: 'Agreements starting on or before this date.' }),
  submission: SubmissionStatus.optional().meta({
    description: 'Only agreements whose submission to the department is in this state.',
  }),
});

/** What a list shows of an agreement: no participant data (read one agreement for those; that read is audited). */
export const AgreementSummary = z
  .object({
    agreementId: z.string(),
    begeleiderEnterpriseNumber: z.string(),
    werkpostId: z.string(),
    status: z.enum(['DRAFT', 'ACTIVE', 'ENDED']),
    startDate: z.string(),
    endDate: z.string().optional(),
    signedBy: z.array(z.enum(['PARTICIPANT', 'BEGELEIDER', 'WERKPOST'])),
    submissionStatus: SubmissionStatus.optional(),
    version: z.number().int(),
    updatedAt: Instant,
  })
  .meta({ id: 'AmaAgreementSummary' });

export const AgreementPage = pageOf(AgreementSummary, 'AmaAgreementPage');

export const AgreementParams = z.strictObject({ agreementId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not an agreement id.') });
export type AgreementInput = z.output<typeof AgreementBody>;
