import type { RecognitionAuthority } from '../reference-data.ts';
import { dated, requireValueOn } from './dated.ts';

/**
 * The parameters of the rules (shared/domain/rules/registry.ts), each a dated value: the value in force on
 * a record's relevant date applies (for a trajectory: the date its start was requested). Where no legal
 * source gives the figure, the registry says the department decided it; change the value here, with the
 * date it takes effect, and every rule, the `GET /rules` answer and the README table follow.
 */

/** The 2018 implementing order of the 2014 decree came into force on 19 March 2018. */
export const REGIME_2014_FROM = '2018-03-19';
/** Requests from 1 July 2023 follow the decree of 8 July 2022 (departementwvg.be/casemanager-zorg). */
export const REGIME_2022_FROM = '2023-07-01';

export const TRAJECTORY_REGIMES = ['DECREE_2014', 'DECREE_2022'] as const;
export type TrajectoryRegime = (typeof TRAJECTORY_REGIMES)[number];

export const TRAJECTORY_REGIME = dated<TrajectoryRegime>('the rules a trajectory follows, by the date its start was requested', [
  { from: REGIME_2014_FROM, value: 'DECREE_2014' },
  { from: REGIME_2022_FROM, value: 'DECREE_2022' },
]);

/** The regime of a trajectory whose start was requested on `requestDate` (a request before 2018 is under the 2014 rules). */
export function trajectoryRegimeOn(requestDate: string): TrajectoryRegime {
  return requestDate < REGIME_2022_FROM ? 'DECREE_2014' : 'DECREE_2022';
}

export const TRAJECTORY_MIN_MONTHS = dated('shortest trajectory, in months', [{ from: REGIME_2014_FROM, value: 3 }]);
export const TRAJECTORY_MAX_MONTHS = dated('longest trajectory without an extension, in months', [
  { from: REGIME_2014_FROM, value: 18 },
]);
export const EXTENSION_MAX_MONTHS = dated('longest extension one request may ask, in months beyond the current maximum end', [
  { from: REGIME_2014_FROM, value: 6 },
]);
export const CLIENT_MINIMUM_AGE = dated('minimum age of the client on the start date, in years', [
  { from: REGIME_2014_FROM, value: 18 },
]);
export const COOPERATION_MANDATE_YEARS = dated('length of the mandate of a samenwerkingsverband Zorg, in years', [
  { from: REGIME_2022_FROM, value: 5 },
]);
export const COOPERATION_MINIMUM_MEMBERS = dated('care facilities in a samenwerkingsverband Zorg, at least', [
  { from: REGIME_2022_FROM, value: 3 },
]);
export const MANDATE_MINIMUM_ICF_STAFF = dated('staff trained in ICF a casemanager Zorg mandate needs, at least', [
  { from: REGIME_2014_FROM, value: 1 },
]);
export const MANDATE_QUALIFYING_RECOGNITIONS = dated<readonly RecognitionAuthority[]>(
  'recognitions that qualify a care facility for a casemanager Zorg mandate (one valid on the date suffices)',
  [{ from: REGIME_2014_FROM, value: ['JONGERENWELZIJN', 'VAPH', 'ZORG_EN_GEZONDHEID', 'WELZIJN'] }],
);

/** AMA follows the decree of 8 July 2022 from 1 January 2024 (departementwvg.be/regelgeving-werk-en-zorgdecreet). */
export const AMA_REGIME_2024_FROM = '2024-01-01';

/** The Belgian statutory pension age (law of 10 August 2015): 65, 66 from 1 February 2025, 67 from 1 February 2030. */
export const STATUTORY_PENSION_AGE = dated('the statutory pension age, in years', [
  { from: '1900-01-01', value: 65 },
  { from: '2025-02-01', value: 66 },
  { from: '2030-02-01', value: 67 },
]);

export const AMA_MINIMUM_AGE = dated('minimum age of an AMA participant on the start date, in years', [
  { from: REGIME_2014_FROM, value: 18 },
]);

/**
 * The age an AMA participant must be under on the start date: 65 under the old rules ("tussen 18 en 65
 * jaar"); from 1 January 2024 the statutory pension age (still 65 then; 66 and 67 as it rises).
 */
/** The old rules' limit: "tussen 18 en 65 jaar". */
export const AMA_AGE_LIMIT_BEFORE_2024 = dated('the age an AMA participant had to be under before 2024, in years', [
  { from: REGIME_2014_FROM, value: 65 },
]);

export const AMA_AGE_LIMIT = dated('the age an AMA participant must be under on the start date, in years', [
  ...AMA_AGE_LIMIT_BEFORE_2024.values,
  { from: AMA_REGIME_2024_FROM, value: requireValueOn(STATUTORY_PENSION_AGE, AMA_REGIME_2024_FROM) },
  ...STATUTORY_PENSION_AGE.values.filter((v) => v.from > AMA_REGIME_2024_FROM),
]);

export const AMA_RECOGNITION_MINIMUM_QUALIFIED_STAFF = dated('staff qualified to guide AMA a begeleider needs, at least', [
  { from: REGIME_2014_FROM, value: 1 },
]);
export const AMA_RECOGNITION_MAX_YEARS = dated('longest period a recognition as begeleider AMA is granted for, in years', [
  { from: REGIME_2014_FROM, value: 5 },
]);

/**
 * Retention (issue: personal data over its whole life). The department keeps data "as long as needed, then
 * for the period in which it must be able to account for it: 5 years, unless otherwise provided"
 * (departementwvg.be/verwerking-van-persoonsgegevens-het-kader-van-het-werk-en-zorgdecreet). No text sets a
 * period for trajectories or AMA agreements themselves: the 5 years apply from the end, as the department's
 * decision. Change a value here with the date it takes effect.
 */
export const CLIENT_DATA_RETENTION_YEARS = dated('years a closed trajectory keeps its client reference and birth date', [
  { from: REGIME_2014_FROM, value: 5 },
]);
export const PARTICIPANT_DATA_RETENTION_YEARS = dated(
  "years an ended AMA agreement keeps its participant's reference, birth date, identity and status reference",
  [{ from: REGIME_2014_FROM, value: 5 }],
);
export const OUTBOX_RETENTION_DAYS = dated('days a delivered email stays in the outbox (then DynamoDB TTL removes it)', [
  { from: REGIME_2014_FROM, value: 30 },
]);
export const IDEMPOTENCY_RETENTION_HOURS = dated('hours a stored first response answers a retried create (then TTL removes it)', [
  { from: REGIME_2014_FROM, value: 24 },
]);
export const LOG_RETENTION_DAYS = dated('days CloudWatch keeps the functions’ and API’s logs', [
  { from: REGIME_2014_FROM, value: 365 },
]);
