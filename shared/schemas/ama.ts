import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { isFlemishOrBrusselsPostcode, PARTICIPANT_PERMISSIONS } from '../domain/ama.ts';
import { AuditFields, CalendarDate, EnterpriseNumber, Instant, oneLine, pageOf, PaginationQuery } from './common.ts';

const Address = lazy(() => z.strictObject({
  street: oneLine(200),
  postcode: z.string().check(z.refine(isFlemishOrBrusselsPostcode, 'A postcode of a Flemish or Brussels municipality.')),
  municipality: oneLine(100),
}));

export const WerkpostBody = lazy(() => withMeta(
  z.strictObject({
    name: oneLine(200),
    organisationEnterpriseNumber: z.optional(EnterpriseNumber()),
    address: Address(),
    activities: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
    places: z.number().check(z.int(), z.gte(1), z.lte(500)),
  }),
  { id: 'WerkpostInput' },
));

export const WerkpostPatchBody = lazy(() => withMeta(
  z
    .strictObject({
      name: z.optional(oneLine(200)),
      activities: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(5000))),
      places: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500))),
      closed: withMeta(z.optional(z.boolean()), { description: 'Closed to new agreements (existing ones run on).' }),
    })
    .check(z.refine((b) => Object.keys(b).length > 0, { message: 'Give at least one field.' })),
  { id: 'WerkpostPatch' },
));

export const Werkpost = lazy(() => withMeta(
  z.object({
    werkpostId: z.string(),
    begeleiderEnterpriseNumber: z.string(),
    name: z.string(),
    organisationEnterpriseNumber: z.optional(z.string()),
    address: z.object({ street: z.string(), postcode: z.string(), municipality: z.string() }),
    activities: z.string(),
    places: z.number().check(z.int()),
    freePlaces: z.number().check(z.int()),
    closed: z.boolean(),
    ...AuditFields(),
  }),
  { id: 'Werkpost' },
));

export const WerkpostParams = lazy(() => z.strictObject({ werkpostId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a werkpost id.')) }));
export const ListWerkpostenQuery = lazy(() => z.strictObject({
  postcode: z.optional(z.string().check(z.regex(/^\d{4}$/))),
  freePlaces: withMeta(z.optional(z.enum(['true', 'false'])), {
    description: 'true: only werkposten with a free place, open to new agreements.',
  }),
}));

const SubmissionStatus = lazy(() => z.enum(['SUBMITTED', 'ACCEPTED', 'RETURNED']));

const Day = lazy(() => z.enum(['MA', 'DI', 'WO', 'DO', 'VR', 'ZA', 'ZO']));
const Time = lazy(() => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')));

export const AgreementBody = lazy(() => withMeta(
  z
    .strictObject({
      participant: z.strictObject({
        reference: withMeta(
          z
            .string()
            .check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,40}$/, 'A pseudonymous reference: 4–40 letters, digits or dashes.')),
          { 'x-personal': 'participant-reference' },
        ),
        birthDate: withMeta(CalendarDate(), { 'x-personal': 'participant-reference' }),
        name: withMeta(oneLine(200), {
          'x-personal': 'participant-identity',
          description:
            'The participant’s name as on their identity card. Stored encrypted; shown only in the PDF and, once submitted, to the department.',
        }),
        nationalRegisterNumber: withMeta(z.string().check(z.trim(), z.maxLength(20)), {
          'x-personal': 'participant-identity',
          description:
            'The participant’s national register number (rijksregisternummer), `85073003328` or `85.07.30-033.28`: its check digits and birth date are checked (rule `national-register-number`). Stored encrypted, like the name.',
        }),
      }),
      werkpostId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not a werkpost id.')),
      activities: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
      weeklySchedule: z
        .array(
          z
            .strictObject({ day: Day(), from: Time(), to: Time() })
            .check(z.refine((s) => s.from < s.to, { message: 'from must be before to.', path: ['to'] })),
        )
        .check(z.minLength(1), z.maxLength(14)),
      startDate: CalendarDate(),
      plannedEndDate: withMeta(z.optional(CalendarDate()), {
        description: 'The end the parties agree on, if any (open-ended otherwise).',
      }),
      werkpostbegeleider: withMeta(
        z.strictObject({
          name: oneLine(200),
          phone: z.optional(
            z
              .string()
              .check(
                z.regex(
                  /^\+?[0-9 ./-]{6,20}$/,
                  'A phone number: digits, spaces, dots, dashes or slashes, optionally starting with +.',
                ),
              ),
          ),
          email: z.optional(z.email().check(z.maxLength(254))),
        }),
        { 'x-personal': 'werkpostbegeleider', description: 'The supervisor at the werkpost, and how to reach them.' },
      ),
      participantStatus: withMeta(
        z.strictObject({
          permission: withMeta(z.enum(PARTICIPANT_PERMISSIONS), {
            description:
              '`VDAB_REFERRAL`: a job seeker referred by VDAB; `OCMW_PERMISSION`: with the OCMW’s permission; `MEDICAL_ADVISER_PERMISSION`: an allowance recipient with the medical adviser’s permission.',
          }),
          reference: withMeta(oneLine(100), { description: 'The referral’s or permission’s reference.' }),
        }),
        {
          'x-personal': 'participant-status',
          description: 'Why the participant may take part, as the department’s guidance requires.',
        },
      ),
      evaluationDates: z.array(CalendarDate()).check(z.minLength(1), z.maxLength(24)),
      insurance: z.strictObject({ insurer: oneLine(200), policyReference: oneLine(100) }),
      guidance: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
      endingConditions: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
      trajectoryId: withMeta(z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/))), {
        description: 'The trajectory it follows from (closed with outcome AMA).',
      }),
    })
    .check(
      z.superRefine((b, ctx) => {
        if (b.plannedEndDate !== undefined && b.plannedEndDate <= b.startDate) {
          ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'The planned end falls after the start date.' });
        }
        b.evaluationDates.forEach((d, i) => {
          if (d <= b.startDate)
            ctx.addIssue({ code: 'custom', path: ['evaluationDates', i], message: 'Evaluations fall after the start date.' });
        });
      }),
    ),
  { id: 'AgreementInput' },
));

const Party = lazy(() => z.enum(['PARTICIPANT', 'BEGELEIDER', 'WERKPOST']));
const SignerName = lazy(() => withMeta(oneLine(200), {
  description: 'Who signed for the begeleider or the werkpost. Not for the participant: their name is never typed here.',
}));
const SignedOn = lazy(() => withMeta(CalendarDate(), { description: 'The day the party signed; not in the future.' }));

export const SignatureBody = lazy(() => withMeta(
  z
    .discriminatedUnion('method', [
      z.strictObject({
        party: Party(),
        method: withMeta(z.literal('SCANNED_PAPER'), {
          description: 'Signed on paper; the scanned copy is kept by the begeleider.',
        }),
        signerName: z.optional(SignerName()),
        signedOn: SignedOn(),
        scanSha256: z
          .string()
          .check(z.regex(/^[0-9a-f]{64}$/, 'The SHA-256 of the scanned copy: 64 lowercase hexadecimal characters.')),
      }),
      z.strictObject({
        party: Party(),
        method: z.literal('ELECTRONIC'),
        signerName: z.optional(SignerName()),
        signedOn: SignedOn(),
        electronicReference: withMeta(oneLine(200), {
          description: 'The reference of the electronic signature (its service’s id).',
        }),
      }),
    ])
    .check(
      z.superRefine((b, ctx) => {
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
      }),
    ),
  { id: 'SignatureInput' },
));

export const EndAgreementBody = lazy(() => withMeta(
  z.strictObject({ endDate: CalendarDate(), reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)) }),
  { id: 'AgreementEnd' },
));

const SignatureView = lazy(() => z.object({
  party: z.string(),
  signerName: z.optional(z.string()),
  method: z.optional(z.enum(['SCANNED_PAPER', 'ELECTRONIC'])),
  signedOn: z.optional(CalendarDate()),
  scanSha256: z.optional(z.string()),
  electronicReference: z.optional(z.string()),
  recordedBy: withMeta(z.string(), { description: 'Who recorded the signature.' }),
  signedAt: withMeta(Instant(), { description: 'When it was recorded.' }),
}));

const ParticipantIdentity = lazy(() => withMeta(z.object({ name: z.string(), nationalRegisterNumber: z.string() }), {
  id: 'ParticipantIdentity',
  'x-personal': 'participant-identity',
}));

export const Agreement = lazy(() => withMeta(
  z.object({
    agreementId: z.string(),
    begeleiderEnterpriseNumber: z.string(),
    werkpostId: z.string(),
    participant: z.object({
      reference: withMeta(z.optional(z.string()), {
        'x-personal': 'participant-reference',
        description: 'Left out once its retention ended (rule `retention-ama-participant-data`), as is the birth date.',
      }),
      birthDate: withMeta(z.optional(z.string()), { 'x-personal': 'participant-reference' }),
      identityRecorded: withMeta(z.boolean(), {
        description:
          'Whether the name and national register number are on file (encrypted; never in this view for the begeleider).',
      }),
      identity: withMeta(z.optional(ParticipantIdentity()), {
        description:
          'The name and national register number: only for the department, once the agreement was submitted (rule `ama-participant-identity`).',
      }),
    }),
    activities: z.string(),
    weeklySchedule: z.array(z.object({ day: z.string(), from: z.string(), to: z.string() })),
    startDate: z.string(),
    endDate: z.optional(z.string()),
    endReason: z.optional(z.string()),
    participantDataErasedOn: withMeta(z.optional(z.string()), {
      description:
        "The day the participant's reference, birth date, identity, status and the werkpostbegeleider were removed (retention ended).",
    }),
    evaluationDates: z.array(z.string()),
    insurance: z.object({ insurer: z.string(), policyReference: z.string() }),
    guidance: z.string(),
    endingConditions: z.string(),
    trajectoryId: z.optional(z.string()),
    status: z.enum(['DRAFT', 'ACTIVE', 'ENDED']),
    signatures: z.array(SignatureView()),
    voidedSignatures: withMeta(z.optional(z.array(SignatureView())), {
      description: 'Signatures this change voided: the parties sign the new text.',
    }),
    notice: z.optional(z.string()),
    plannedEndDate: z.optional(z.string()),
    werkpostbegeleider: withMeta(
      z.optional(z.object({ name: z.string(), phone: z.optional(z.string()), email: z.optional(z.string()) })),
      { 'x-personal': 'werkpostbegeleider' },
    ),
    participantStatus: withMeta(z.optional(z.object({ permission: z.enum(PARTICIPANT_PERMISSIONS), reference: z.string() })), {
      'x-personal': 'participant-status',
    }),
    hoursPerWeek: withMeta(z.number(), { description: 'The hours a week the schedule holds.' }),
    submission: withMeta(
      z.optional(
        z.object({
          status: SubmissionStatus(),
          submittedAt: Instant(),
          submittedBy: z.string(),
          signedCopySha256: z.string(),
          recognitionRequestId: z.string(),
          decidedAt: z.optional(Instant()),
          decidedBy: z.optional(z.string()),
          returnReason: z.optional(z.string()),
        }),
      ),
      { description: 'Its submission to the department and the answer.' },
    ),
    checks: withMeta(
      z.array(z.object({ rule: z.string(), level: z.literal('warning'), path: z.string(), message: z.string() })),
      {
        description: 'What the guidance asks but does not refuse yet (e.g. `ama-minimum-period`): correct it before signing.',
      },
    ),
    ...AuditFields(),
  }),
  { id: 'AmaAgreement' },
));

const Sha256 = lazy(() => z.string().check(z.regex(/^[0-9a-f]{64}$/, 'A SHA-256: 64 lowercase hexadecimal characters.')));

export const SubmitAgreementBody = lazy(() => withMeta(
  z.strictObject({ signedCopySha256: withMeta(Sha256(), { description: 'The SHA-256 of the complete signed copy you keep.' }) }),
  { id: 'AgreementSubmissionInput' },
));

export const SubmissionDecisionBody = lazy(() => withMeta(
  z.discriminatedUnion('accepted', [
    z.strictObject({ accepted: z.literal(true) }),
    z.strictObject({ accepted: z.literal(false), reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) }),
  ]),
  { id: 'AgreementSubmissionDecision' },
));

export const ListAgreementsQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  begeleider: withMeta(z.optional(EnterpriseNumber()), {
    description: 'The department: one begeleider’s agreements (all when left out). A begeleider always lists its own.',
  }),
  status: z.optional(z.enum(['DRAFT', 'ACTIVE', 'ENDED'])),
  startsFrom: withMeta(z.optional(CalendarDate()), { description: 'Agreements starting on or after this date.' }),
  startsUntil: withMeta(z.optional(CalendarDate()), { description: 'Agreements starting on or before this date.' }),
  submission: withMeta(z.optional(SubmissionStatus()), {
    description: 'Only agreements whose submission to the department is in this state.',
  }),
}));

/** What a list shows of an agreement: no participant data (read one agreement for those; that read is audited). */
export const AgreementSummary = lazy(() => withMeta(
  z.object({
    agreementId: z.string(),
    begeleiderEnterpriseNumber: z.string(),
    werkpostId: z.string(),
    status: z.enum(['DRAFT', 'ACTIVE', 'ENDED']),
    startDate: z.string(),
    endDate: z.optional(z.string()),
    signedBy: z.array(z.enum(['PARTICIPANT', 'BEGELEIDER', 'WERKPOST'])),
    submissionStatus: z.optional(SubmissionStatus()),
    version: z.number().check(z.int()),
    updatedAt: Instant(),
  }),
  { id: 'AmaAgreementSummary' },
));

export const AgreementPage = lazy(() => pageOf(AgreementSummary(), 'AmaAgreementPage'));

export const AgreementParams = lazy(() => z.strictObject({
  agreementId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'Not an agreement id.')),
}));
export type AgreementInput = z.output<ReturnType<typeof AgreementBody>>;
