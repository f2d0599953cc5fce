import { nationalRegisterNumberViolation } from './national-register-number.ts';
import {
  AMA_AGE_LIMIT,
  AMA_MINIMUM_AGE,
  AMA_RECOGNITION_MAX_YEARS,
  AMA_RECOGNITION_MINIMUM_QUALIFIED_STAFF,
  AMA_REGIME_2024_FROM,
} from './rules/parameters.ts';
import { requireValueOn } from './rules/dated.ts';

/**
 * AMA (arbeidsmatige activiteiten): rules of the participant's age, of the three-party agreement's
 * signatures, and of werkpost addresses. Pure; the handlers apply them.
 */

/**
 * The date someone reaches `years` years. Born on 29 February: in a year without that day, the birthday
 * is 1 March (our reading: the day after 28 February), so nobody reaches an age a day early.
 */
export function birthdayOfAge(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const date = new Date(Date.UTC(year, m - 1, d));
  // Date.UTC rolls 29 February of a common year over to 1 March, which is the reading above.
  return date.toISOString().slice(0, 10);
}

/** Age in whole years on calendar date `on`. */
export function ageOn(birthDate: string, on: string): number {
  const [y] = birthDate.split('-').map(Number) as [number];
  const [year] = on.split('-').map(Number) as [number];
  let age = year - y;
  if (on < birthdayOfAge(birthDate, age)) age--;
  return age;
}

/**
 * Rules `ama-participant-age` (agreements starting before 1 January 2024: 18 to 65) and
 * `ama-participant-age-pension` (from then: at least 18 and younger than the statutory pension age, which
 * is 65, 66 from 1 February 2025 and 67 from 1 February 2030): judged on the start date (Europe/Brussels).
 * From the 18th birthday on, up to the day before the birthday of the limit (our reading).
 */
export function ageViolation(birthDate: string, startDate: string): string | undefined {
  const minimum = requireValueOn(AMA_MINIMUM_AGE, startDate);
  const limit = requireValueOn(AMA_AGE_LIMIT, startDate);
  if (startDate < birthdayOfAge(birthDate, minimum)) {
    return `The participant must be at least ${minimum} on the start date; they turn ${minimum} on ${birthdayOfAge(birthDate, minimum)}.`;
  }
  if (startDate >= birthdayOfAge(birthDate, limit)) {
    const what =
      startDate < AMA_REGIME_2024_FROM ? `under ${limit}` : `younger than the statutory pension age (${limit} on that date)`;
    return `AMA is for participants ${what} on the start date; the participant turned ${limit} on ${birthdayOfAge(birthDate, limit)}.`;
  }
  return undefined;
}

/** The rule that judges an AMA participant's age on `startDate`. */
export function amaAgeRuleOn(startDate: string): 'ama-participant-age' | 'ama-participant-age-pension' {
  return startDate < AMA_REGIME_2024_FROM ? 'ama-participant-age' : 'ama-participant-age-pension';
}

export const PARTIES = ['PARTICIPANT', 'BEGELEIDER', 'WERKPOST'] as const;
export type Party = (typeof PARTIES)[number];
export type AgreementStatus = 'DRAFT' | 'ACTIVE' | 'ENDED';

/** How a party signed: on paper, recorded with a scanned copy (its SHA-256), or electronically (the service's reference). */
export const SIGNATURE_METHODS = ['SCANNED_PAPER', 'ELECTRONIC'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export interface Signature {
  party: Party;
  /** Who signed for the begeleider or the werkpost; never the participant's name (the signed copy proves theirs). */
  signerName?: string;
  /** Absent on signatures recorded before the evidence was kept. */
  method?: SignatureMethod;
  /** The day the party signed (Europe/Brussels). */
  signedOn?: string;
  scanSha256?: string;
  electronicReference?: string;
  /** Who recorded it in the system, and when. */
  recordedBy: string;
  signedAt: string;
}

export type SignOutcome =
  { ok: true; status: AgreementStatus; signatures: Signature[] } | { ok: false; reason: 'not-draft' | 'already-signed' };

/** Records one party's signature on a draft; the third makes the agreement ACTIVE. */
export function sign(state: { status: AgreementStatus; signatures: readonly Signature[] }, signature: Signature): SignOutcome {
  if (state.status !== 'DRAFT') return { ok: false, reason: 'not-draft' };
  if (state.signatures.some((s) => s.party === signature.party)) return { ok: false, reason: 'already-signed' };
  const signatures = [...state.signatures, signature];
  const complete = PARTIES.every((p) => signatures.some((s) => s.party === p));
  return { ok: true, status: complete ? 'ACTIVE' : 'DRAFT', signatures };
}

/** Changing the content of a draft voids the signatures it had: the parties must sign the new text. */
export function afterContentChange(state: { status: AgreementStatus; signatures: readonly Signature[] }): {
  ok: boolean;
  signatures: Signature[];
  voided: Signature[];
} {
  if (state.status !== 'DRAFT') return { ok: false, signatures: [...state.signatures], voided: [] };
  return { ok: true, signatures: [], voided: [...state.signatures] };
}

/**
 * Postcodes of Brussels (1000–1299) and Flemish municipalities (1500–3999, 8000–9999); 1300–1499 is
 * Walloon Brabant and 4000–7999 Wallonia.
 */
export function isFlemishOrBrusselsPostcode(postcode: string): boolean {
  if (!/^\d{4}$/.test(postcode)) return false;
  const n = Number(postcode);
  return (n >= 1000 && n <= 1299) || (n >= 1500 && n <= 3999) || (n >= 8000 && n <= 9999);
}

/** An ended agreement stays ended (rule `status-transitions`). */
export function isAgreementEnded(agreement: { status: AgreementStatus }): boolean {
  return agreement.status === 'ENDED';
}

/** Active: signed by all three parties and not ended. */
export function isAgreementActive(agreement: { status: AgreementStatus }): boolean {
  return agreement.status === 'ACTIVE';
}

/**
 * Rule `ama-werkpost-places`: a werkpost takes a new agreement while it is open and has a free place (the
 * store checks the same inside the write, so two concurrent agreements never take the last place twice).
 */
export function hasFreePlace(werkpost: { places: number; takenPlaces: number; closed: boolean }): boolean {
  return !werkpost.closed && werkpost.takenPlaces < werkpost.places;
}

/** Rule `ama-follows-trajectory`: an agreement that names a trajectory follows from one closed with outcome AMA. */
export function followsFromAmaTrajectory(trajectory: { status: string; outcome?: string } | undefined): boolean {
  return trajectory?.status === 'CLOSED' && trajectory.outcome === 'AMA';
}

export interface ScheduleSlot {
  day: 'MA' | 'DI' | 'WO' | 'DO' | 'VR' | 'ZA' | 'ZO';
  from: string;
  to: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The hours a week the schedule holds (the number the annex asks for), to the quarter hour. */
export function hoursPerWeek(slots: readonly ScheduleSlot[]): number {
  const minutes = slots.reduce((sum, s) => sum + Math.max(0, minutesOf(s.to) - minutesOf(s.from)), 0);
  return Math.round((minutes / 60) * 4) / 4;
}

/** Rule `ama-schedule`: the periods of one day do not overlap (a consistency rule: one cannot be in two at once). */
export function scheduleViolations(slots: readonly ScheduleSlot[]): Array<{ path: string; message: string; rule: string }> {
  const violations: Array<{ path: string; message: string; rule: string }> = [];
  slots.forEach((slot, i) => {
    const clash = slots.findIndex(
      (other, j) =>
        j < i &&
        other.day === slot.day &&
        minutesOf(other.from) < minutesOf(slot.to) &&
        minutesOf(slot.from) < minutesOf(other.to),
    );
    if (clash >= 0) {
      violations.push({
        path: `weeklySchedule[${i}]`,
        rule: 'ama-schedule',
        message: `It overlaps weeklySchedule[${clash}] on the same day.`,
      });
    }
  });
  return violations;
}

export const AMA_MINIMUM_PERIOD_HOURS = 3;

export interface AgreementCheck {
  rule: string;
  level: 'warning';
  path: string;
  message: string;
}

/**
 * What the department's guidance asks but no confirmed source makes a refusal: rule `ama-minimum-period`
 * (each work period lasts at least 3 hours, the department's AMA FAQ citing labour law, not confirmed). Shown
 * with the agreement as warnings, so the begeleider can correct it; never a refusal until confirmed.
 */
export function agreementChecks(agreement: { weeklySchedule: readonly ScheduleSlot[] }): AgreementCheck[] {
  return agreement.weeklySchedule.flatMap((slot, i) =>
    minutesOf(slot.to) - minutesOf(slot.from) < AMA_MINIMUM_PERIOD_HOURS * 60
      ? [
          {
            rule: 'ama-minimum-period',
            level: 'warning' as const,
            path: `weeklySchedule[${i}]`,
            message: `A work period lasts at least ${AMA_MINIMUM_PERIOD_HOURS} hours according to the department's guidance; this one is shorter.`,
          },
        ]
      : [],
  );
}

/** The legal basis an agreement states: the decree its start date falls under. */
export function amaLegalBasis(startDate: string): string {
  return startDate < AMA_REGIME_2024_FROM
    ? 'het decreet van 25 april 2014 houdende de werk- en zorgtrajecten en het besluit van de Vlaamse Regering van 2 februari 2018'
    : 'het decreet van 8 juli 2022 over de werk- en zorgtrajecten en het besluit van de Vlaamse Regering van 18 november 2022';
}

/** Who may take part (the department's AMA guidance): referred by VDAB, or with the OCMW's or the medical adviser's permission. */
export const PARTICIPANT_PERMISSIONS = ['VDAB_REFERRAL', 'OCMW_PERMISSION', 'MEDICAL_ADVISER_PERMISSION'] as const;
export type ParticipantPermission = (typeof PARTICIPANT_PERMISSIONS)[number];

/** The refusals an agreement's content gets (age on the start date, the schedule), each naming its field and rule. */
export function agreementContentViolations(body: {
  participant: { birthDate: string; nationalRegisterNumber: string };
  startDate: string;
  weeklySchedule: readonly ScheduleSlot[];
}): Array<{ path: string; message: string; rule: string }> {
  const age = ageViolation(body.participant.birthDate, body.startDate);
  const nrn = nationalRegisterNumberViolation(body.participant.nationalRegisterNumber, body.participant.birthDate);
  return [
    ...(age ? [{ path: 'participant.birthDate', rule: amaAgeRuleOn(body.startDate), message: age }] : []),
    ...(nrn ? [{ path: 'participant.nationalRegisterNumber', rule: 'national-register-number', message: nrn }] : []),
    ...scheduleViolations(body.weeklySchedule),
  ];
}

/** The submission of an agreement to the department, and the department's answer. */
export type SubmissionStatus = 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

/**
 * Rule `ama-submission`: an agreement is submitted to the department once all three parties signed it
 * (ACTIVE), and again only after the department returned it; the department accepts or returns a submitted
 * one. Undefined when allowed, otherwise why not.
 */
export function submissionRefusal(agreement: {
  status: AgreementStatus;
  submission?: { status: SubmissionStatus };
  participantIdentityEncrypted?: string;
}): { rule: 'ama-submission' | 'ama-participant-identity'; message: string } | undefined {
  if (agreement.status !== 'ACTIVE') {
    return {
      rule: 'ama-submission',
      message: `Only an agreement signed by all three parties (ACTIVE) is submitted; it is ${agreement.status}.`,
    };
  }
  if (agreement.submission && agreement.submission.status !== 'RETURNED') {
    return { rule: 'ama-submission', message: `It was submitted already (${agreement.submission.status}).` };
  }
  // Rule `ama-participant-identity`: the submission holds the participant's name and national register number.
  if (!agreement.participantIdentityEncrypted) {
    return {
      rule: 'ama-participant-identity',
      message:
        "The submission holds the participant's name and national register number, and this agreement was drawn up without them: end it and draw up a new one.",
    };
  }
  return undefined;
}

export function submissionDecisionRefusal(agreement: { submission?: { status: SubmissionStatus } }): string | undefined {
  if (agreement.submission?.status !== 'SUBMITTED') {
    return agreement.submission ? `The submission was ${agreement.submission.status} already.` : 'It was not submitted.';
  }
  return undefined;
}

/**
 * Rules `ama-recognition-conditions` and `ama-recognition-period`: a begeleider AMA is recognised with staff
 * qualified to guide, the organisation's liability insurance and a request by someone who can bind it (the
 * request's schema asks for the last two), for a limited period: an end date, at most
 * `AMA_RECOGNITION_MAX_YEARS` after its start.
 */
export function begeleiderRecognitionViolations(input: {
  qualifiedStaff: number | undefined;
  validFrom: string;
  validUntil: string | undefined;
}): Array<{ path: string; message: string; rule: string }> {
  const violations: Array<{ path: string; message: string; rule: string }> = [];
  const minimum = requireValueOn(AMA_RECOGNITION_MINIMUM_QUALIFIED_STAFF, input.validFrom);
  if ((input.qualifiedStaff ?? 0) < minimum) {
    violations.push({
      path: 'qualifiedStaff',
      rule: 'ama-recognition-conditions',
      message: `A begeleider AMA has at least ${minimum} staff member(s) qualified to guide participants.`,
    });
  }
  const years = requireValueOn(AMA_RECOGNITION_MAX_YEARS, input.validFrom);
  const latest = addYearsMinusADay(input.validFrom, years);
  if (input.validUntil === undefined || input.validUntil > latest) {
    violations.push({
      path: 'validUntil',
      rule: 'ama-recognition-period',
      message: `A recognition as begeleider AMA is granted for a limited period: an end date up to ${latest}.`,
    });
  }
  return violations;
}

function addYearsMinusADay(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * Rule `ama-participant-identity`: the department reads a participant's name and national register number
 * with the submission (once the agreement was submitted, whatever the answer); the begeleider, who typed
 * them, finds them in the agreement's PDF. No list and no other view shows them.
 */
export function showsParticipantIdentity(viewer: { isDepartment: boolean }, agreement: { submission?: unknown }): boolean {
  return viewer.isDepartment && agreement.submission !== undefined;
}
