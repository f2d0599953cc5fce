/**
 * The processing register (GDPR art. 30), defined once next to the table design: each kind of personal
 * data the system holds, where it is stored, who may read it, why, on what legal basis and how long.
 * `GET /privacy/register` serves it (shared/store/processing-register.ts adds the periods in force), the README's register section is generated from it
 * (`npm run readme:rules`), the logger redacts its `logKeys` (shared/runtime/deps.ts), and a test checks it
 * against the schemas: every field marked `x-personal` in a schema names a kind listed here, and every kind
 * that a schema carries is marked there.
 */
export type DataSubject = 'client' | 'participant' | 'staff';

export interface PersonalDataKind {
  id: string;
  what: { nl: string; en: string };
  subject: DataSubject;
  /** Special-category data (GDPR art. 9): health, or revealing it. */
  special: boolean;
  /** Where it is stored: items (keys as in shared/store/table-design.ts) and attributes; or outside the table. */
  storedIn: string;
  /** Who may read it, through which routes. */
  readers: string;
  purpose: string;
  legalBasis: string;
  /** The rule that bounds it (shared/domain/rules/registry.ts). */
  retentionRule: string;
  /** What happens when the period is over. */
  atTheEnd: string;
  /** Whether an API schema carries it (then it must be marked `x-personal` there). */
  inSchemas: boolean;
  /** Attribute names the logger redacts wherever they appear in a log entry. */
  logKeys?: readonly string[];
}

const TRAJECTORY_BASIS =
  'GDPR art. 6(1)(e) and 9(2)(b) and (h); Decreet van 8 juli 2022 over de werk- en zorgtrajecten (before 1 July 2023: decreet van 25 april 2014)';
const AMA_BASIS =
  'GDPR art. 6(1)(e) and 9(2)(b); Decreet van 8 juli 2022, arbeidsmatige activiteiten (before 2024: decreet van 25 april 2014)';

export const PERSONAL_DATA = [
  {
    id: 'client-reference',
    what: { nl: 'Pseudonieme cliëntreferentie (VDAB-klantnummer)', en: 'Pseudonymous client reference (VDAB client number)' },
    subject: 'client',
    special: true,
    storedIn:
      'TRAJECTORY#<id> / TRAJECTORY: `client.reference` (table encrypted at rest with its KMS key); CLIENT#<HMAC> / ACTIVE holds only a keyed hash, while the trajectory is active',
    readers: 'Its casemanager Zorg and casemanager Werk; the department (every read recorded in the audit trail)',
    purpose: 'Following up one activation trajectory; one active trajectory per client',
    legalBasis: TRAJECTORY_BASIS,
    retentionRule: 'retention-trajectory-client-data',
    atTheEnd: 'Removed from the closed trajectory; its dates, status and outcome stay for the statistics',
    inSchemas: true,
    logKeys: ['client', 'clientReference'],
  },
  {
    id: 'client-birth-date',
    what: { nl: 'Geboortedatum van de cliënt', en: "The client's birth date" },
    subject: 'client',
    special: true,
    storedIn: 'TRAJECTORY#<id> / TRAJECTORY: `client.birthDate`',
    readers: 'Its casemanager Zorg and casemanager Werk; the department (audited)',
    purpose: 'The minimum age on the start date (rule `client-minimum-age`)',
    legalBasis: TRAJECTORY_BASIS,
    retentionRule: 'retention-trajectory-client-data',
    atTheEnd: 'Removed from the closed trajectory',
    inSchemas: true,
    logKeys: ['birthDate'],
  },
  {
    id: 'case-manager',
    what: {
      nl: 'Casemanagers van een traject: gebruikers-id en e-mailadres',
      en: "A trajectory's case managers: user id and email",
    },
    subject: 'staff',
    special: false,
    storedIn: 'TRAJECTORY#<id> / TRAJECTORY: `casemanagerZorg`, `casemanagerWerk`; GSI1/GSI2 keys CMZ#<sub>, CMW#<sub>',
    readers: 'The case managers themselves; the department',
    purpose: 'Who follows the trajectory up, who may read it, whom to email',
    legalBasis: TRAJECTORY_BASIS,
    retentionRule: 'retention-trajectory-client-data',
    atTheEnd: 'Kept with the trajectory (who followed it up is part of the account the department gives)',
    inSchemas: true,
  },
  {
    id: 'trajectory-audit-trail',
    what: {
      nl: 'Audittrail: wie las of wijzigde een traject, en wanneer',
      en: 'Audit trail: who read or changed a trajectory, when',
    },
    subject: 'staff',
    special: false,
    storedIn: 'TRAJECTORY#<id> / AUDIT#<instant>#…: actor, role, action (never client data)',
    readers: 'The department',
    purpose: 'Accountability for every access to special-category data',
    legalBasis: 'GDPR art. 5(2), 30 and 32',
    retentionRule: 'retention-trajectory-client-data',
    atTheEnd: 'Kept: the facts of who did what and when stay, without the client',
    inSchemas: false,
  },
  {
    id: 'participant-reference',
    what: {
      nl: 'Pseudonieme referentie en geboortedatum van een AMA-deelnemer',
      en: "An AMA participant's pseudonymous reference and birth date",
    },
    subject: 'participant',
    special: true,
    storedIn: 'AMA#<id> / AGREEMENT: `participant.reference`, `participant.birthDate`',
    readers: 'The begeleider facility (audited reads); the department',
    purpose: 'The agreement and the age rules (`ama-participant-age-pension`)',
    legalBasis: AMA_BASIS,
    retentionRule: 'retention-ama-participant-data',
    atTheEnd: 'Removed from the ended agreement; its dates and werkpost stay',
    inSchemas: true,
    logKeys: ['participant'],
  },
  {
    id: 'participant-identity',
    what: {
      nl: 'Naam en rijksregisternummer van een AMA-deelnemer',
      en: "An AMA participant's name and national register number",
    },
    subject: 'participant',
    special: true,
    storedIn:
      'AMA#<id> / AGREEMENT: `participantIdentityEncrypted`, sealed with the AWS Encryption SDK under its own KMS key (alias/werk-en-zorg/participant-identity)',
    readers:
      "The begeleider in the agreement's PDF; the department once the agreement is submitted (rule `ama-participant-identity`)",
    purpose: 'The agreement as the annex of the order requires it, signed by the participant',
    legalBasis: AMA_BASIS,
    retentionRule: 'retention-ama-participant-data',
    atTheEnd: 'Removed from the ended agreement',
    inSchemas: true,
    logKeys: ['nationalRegisterNumber', 'participantIdentity', 'participantIdentityEncrypted'],
  },
  {
    id: 'participant-status',
    what: {
      nl: 'Grond van deelname van een AMA-deelnemer (toeleiding of toestemming, met referentie)',
      en: "An AMA participant's ground for taking part (referral or permission, with its reference)",
    },
    subject: 'participant',
    special: true,
    storedIn: 'AMA#<id> / AGREEMENT: `participantStatus`',
    readers: 'The begeleider facility (audited); the department',
    purpose: "Why the participant may take part (the department's AMA guidance)",
    legalBasis: AMA_BASIS,
    retentionRule: 'retention-ama-participant-data',
    atTheEnd: 'Removed from the ended agreement',
    inSchemas: true,
    logKeys: ['participantStatus'],
  },
  {
    id: 'werkpostbegeleider',
    what: { nl: 'Werkpostbegeleider: naam, telefoon, e-mail', en: 'Werkpostbegeleider: name, phone, email' },
    subject: 'staff',
    special: false,
    storedIn: 'AMA#<id> / AGREEMENT: `werkpostbegeleider`',
    readers: 'The begeleider facility; the department',
    purpose: 'Who guides the participant at the werkpost',
    legalBasis: AMA_BASIS,
    retentionRule: 'retention-ama-participant-data',
    atTheEnd: 'Removed from the ended agreement with the participant data',
    inSchemas: true,
    logKeys: ['werkpostbegeleider'],
  },
  {
    id: 'outbox-email',
    what: {
      nl: 'Te versturen en verstuurde e-mails (adres, onderwerp, tekst)',
      en: 'Emails to send and sent (address, subject, text)',
    },
    subject: 'staff',
    special: false,
    storedIn: 'OUTBOX#<id> / ENTRY: the emails of one change; they never hold client or participant data',
    readers: 'Nobody through the API; the outbox sender',
    purpose: 'Delivering the emails a change announces, exactly once, also after a failure',
    legalBasis: 'GDPR art. 6(1)(e)',
    retentionRule: 'retention-outbox',
    atTheEnd: 'The whole item goes (DynamoDB TTL)',
    inSchemas: false,
  },
  {
    id: 'idempotency-record',
    what: { nl: 'Bewaard eerste antwoord op een aanmaakverzoek', en: 'The stored first response to a create' },
    subject: 'client',
    special: true,
    storedIn: 'IDEMPOTENCY / <hash of caller, route and Idempotency-Key>: the first response (may hold what was created)',
    readers: 'Nobody through the API; a retry with the same key and body gets it back',
    purpose: 'A retried create is not made twice',
    legalBasis: 'GDPR art. 6(1)(e) and 32',
    retentionRule: 'retention-idempotency',
    atTheEnd: 'The whole item goes (DynamoDB TTL)',
    inSchemas: false,
  },
  {
    id: 'logs',
    what: { nl: 'Logboeken van functies en API', en: 'Function and API logs' },
    subject: 'staff',
    special: false,
    storedIn: 'CloudWatch Logs (encrypted with the stack key): user ids, routes, outcomes; fields of this register redacted',
    readers: "The department's operators",
    purpose: 'Operating the service and investigating incidents',
    legalBasis: 'GDPR art. 6(1)(e) and 32',
    retentionRule: 'retention-logs',
    atTheEnd: 'CloudWatch removes log events older than the period',
    inSchemas: false,
  },
] as const satisfies readonly PersonalDataKind[];

export type PersonalDataId = (typeof PERSONAL_DATA)[number]['id'];

/** The attribute names the logger redacts, wherever they appear. */
export const REDACTED_LOG_KEYS: ReadonlySet<string> = new Set(
  (PERSONAL_DATA as readonly PersonalDataKind[]).flatMap((kind) => kind.logKeys ?? []),
);
