import type { DatedValue } from './dated.ts';
import { valueOn } from './dated.ts';
import {
  CLIENT_MINIMUM_AGE,
  COOPERATION_MANDATE_YEARS,
  COOPERATION_MINIMUM_MEMBERS,
  EXTENSION_MAX_MONTHS,
  MANDATE_MINIMUM_ICF_STAFF,
  MANDATE_QUALIFYING_RECOGNITIONS,
  REGIME_2014_FROM,
  REGIME_2022_FROM,
  TRAJECTORY_MAX_MONTHS,
  TRAJECTORY_MIN_MONTHS,
  AMA_AGE_LIMIT_BEFORE_2024,
  AMA_MINIMUM_AGE,
  AMA_REGIME_2024_FROM,
  STATUTORY_PENSION_AGE,
  AMA_RECOGNITION_MAX_YEARS,
  AMA_RECOGNITION_MINIMUM_QUALIFIED_STAFF,
  CLIENT_DATA_RETENTION_YEARS,
  IDEMPOTENCY_RETENTION_HOURS,
  LOG_RETENTION_DAYS,
  OUTBOX_RETENTION_DAYS,
  PARTICIPANT_DATA_RETENTION_YEARS,
} from './parameters.ts';

/**
 * The rules registry: every rule the system applies, with its id (the one a refusal names in its problem
 * document, as `rule`), a short Dutch and English title, its source, the period it is in force and its
 * parameters (dated values). `GET /rules?on=` answers from it, and the README's rules table is generated
 * from it (`npm run readme:rules`).
 *
 * `kind` says what a rule rests on: `law` (a decree, an order, or the department's page about them where
 * the article is not known to us), `department` (the department's own decision or reading where no source
 * gives it: change it in shared/domain/rules/parameters.ts), `system` (a consistency rule of this system:
 * what makes no sense to store).
 */
export type RuleKind = 'law' | 'department' | 'system';

export interface RuleDefinition {
  id: string;
  title: { nl: string; en: string };
  kind: RuleKind;
  source: string;
  validFrom: string;
  validUntil?: string;
  parameters?: Readonly<Record<string, DatedValue<unknown>>>;
  /** The pure function that applies it: `<module under shared/domain>#<export>`. */
  implementedBy: string;
}

const DECREE_2014 = 'Decreet van 25 april 2014 houdende de werk- en zorgtrajecten; BVR van 2 februari 2018';
const DECREE_2022 = 'Decreet van 8 juli 2022 over de werk- en zorgtrajecten; BVR van 18 november 2022';
const PAGE_CMZ = 'departementwvg.be/casemanager-zorg';
const PAGE_NEW = 'departementwvg.be/nieuwe-regelgeving-werk-zorgtrajecten';
const SINCE_SYSTEM = '2018-03-19';
const PAGE_PRIVACY = 'departementwvg.be/verwerking-van-persoonsgegevens-het-kader-van-het-werk-en-zorgdecreet';

export const RULES = [
  {
    id: 'trajectory-duration',
    title: { nl: 'Een activeringstraject duurt 3 tot 18 maanden', en: 'A trajectory runs 3 to 18 months' },
    kind: 'law',
    source: `${DECREE_2014}; ${DECREE_2022} (${PAGE_CMZ}: "trajecten van 3 tot maximaal 18 maanden")`,
    validFrom: REGIME_2014_FROM,
    parameters: { minMonths: TRAJECTORY_MIN_MONTHS, maxMonths: TRAJECTORY_MAX_MONTHS },
    implementedBy: 'trajectory-dates.ts#trajectoryDateViolations',
  },
  {
    id: 'trajectory-start-by-casemanager-zorg',
    title: {
      nl: 'De casemanager Zorg van een gemandateerde netwerkpartner start het traject',
      en: 'The casemanager Zorg of a mandated network member starts the trajectory',
    },
    kind: 'law',
    source: `${DECREE_2014} (aanvragen vóór 1 juli 2023)`,
    validFrom: REGIME_2014_FROM,
    validUntil: '2023-06-30',
    implementedBy: 'trajectory-rules.ts#whoStartsTrajectory',
  },
  {
    id: 'trajectory-start-decided-by-vdab',
    title: {
      nl: 'VDAB beslist over de opstart en wijst de casemanager Zorg toe',
      en: 'VDAB decides the start and assigns the casemanager Zorg',
    },
    kind: 'law',
    source: `${DECREE_2022} (${PAGE_CMZ}: "VDAB beslist over de opstart van een activeringstraject")`,
    validFrom: REGIME_2022_FROM,
    implementedBy: 'trajectory-rules.ts#whoStartsTrajectory',
  },
  {
    id: 'casemanager-zorg-facility-mandate',
    title: {
      nl: 'De casemanager Zorg werkt voor een voorziening met een geldig mandaat die lid is van het netwerk',
      en: 'The casemanager Zorg works for a network member holding a valid mandate',
    },
    kind: 'law',
    source: `${DECREE_2014}`,
    validFrom: REGIME_2014_FROM,
    validUntil: '2023-06-30',
    implementedBy: 'mandate.ts#holdsValidMandate',
  },
  {
    id: 'casemanager-zorg-of-cooperation',
    title: {
      nl: 'De casemanager Zorg werkt voor een lid van het samenwerkingsverband Zorg van het werkingsgebied',
      en: 'The casemanager Zorg works for a member of the werkingsgebied’s samenwerkingsverband Zorg',
    },
    kind: 'law',
    source: `Decreet van 8 juli 2022, art. 2, 4° en 6°, art. 12 §1 (${PAGE_CMZ})`,
    validFrom: REGIME_2022_FROM,
    implementedBy: 'cooperation.ts#casemanagerZorgViolations',
  },
  {
    id: 'cooperation-mandate-period',
    title: {
      nl: 'Een samenwerkingsverband Zorg wordt voor vijf jaar gemandateerd',
      en: 'A samenwerkingsverband Zorg is mandated for five years',
    },
    kind: 'law',
    source: `${DECREE_2022} (${PAGE_NEW}: "gemandateerd voor de volledige periode van vijf jaar")`,
    validFrom: REGIME_2022_FROM,
    parameters: { years: COOPERATION_MANDATE_YEARS },
    implementedBy: 'cooperation.ts#cooperationMandatePeriod',
  },
  {
    id: 'cooperation-composition',
    title: {
      nl: 'Een samenwerkingsverband Zorg telt minstens drie welzijns- en zorgvoorzieningen, de penhouder inbegrepen',
      en: 'A samenwerkingsverband Zorg has at least three care facilities, its lead among them',
    },
    kind: 'law',
    source: `${DECREE_2022} (${PAGE_NEW}: "een samenwerkingsverband Zorg met drie welzijns- en zorgvoorzieningen")`,
    validFrom: REGIME_2022_FROM,
    parameters: { minimumMembers: COOPERATION_MINIMUM_MEMBERS },
    implementedBy: 'cooperation.ts#cooperationCompositionViolations',
  },
  {
    id: 'mandate-conditions',
    title: {
      nl: 'Mandaat casemanager Zorg: personeel met ICF-kennis en een erkenning als welzijns- of zorgvoorziening',
      en: 'Casemanager Zorg mandate: staff trained in ICF and a recognition as a care facility',
    },
    kind: 'law',
    source: `${DECREE_2014}; ${DECREE_2022} (${PAGE_CMZ}); which recognitions qualify: the department's reading`,
    validFrom: REGIME_2014_FROM,
    parameters: { minimumIcfTrainedStaff: MANDATE_MINIMUM_ICF_STAFF, qualifyingRecognitions: MANDATE_QUALIFYING_RECOGNITIONS },
    implementedBy: 'trajectory-rules.ts#mandateConditionViolations',
  },
  {
    id: 'mandate-withdrawal',
    title: {
      nl: 'Het departement trekt een mandaat of erkenning in vanaf een datum; vanaf dan telt ze niet meer',
      en: 'The department withdraws a mandate or recognition from a date; from then on it no longer counts',
    },
    kind: 'law',
    source: `${DECREE_2022} (mandates and recognitions are granted for a period and can be withdrawn); the procedure here: the department's`,
    validFrom: SINCE_SYSTEM,
    implementedBy: 'mandate.ts#withdrawalViolations',
  },
  {
    id: 'trajectory-extension',
    title: {
      nl: 'Verlenging na 18 maanden: uitzonderlijk, gemotiveerd, later dan het huidige maximum en hoogstens 6 maanden per aanvraag',
      en: 'Extension beyond 18 months: exceptional, with a reason, later than the current maximum, at most 6 months a request',
    },
    kind: 'department',
    source: `${PAGE_NEW} ("in uitzonderlijke gevallen verlengbaar"); the 6 months: the department's decision`,
    validFrom: REGIME_2014_FROM,
    parameters: { maxMonthsPerRequest: EXTENSION_MAX_MONTHS },
    implementedBy: 'trajectory-rules.ts#extensionViolations',
  },
  {
    id: 'extension-superseded',
    title: {
      nl: 'Een verlenging verschuift het maximale einde enkel naar later',
      en: 'An extension only moves the maximum end later',
    },
    kind: 'system',
    source: 'Consistency: a later request granted first is not undone by an older, shorter one',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'trajectory-dates.ts#extensionStillExtends',
  },
  {
    id: 'client-minimum-age',
    title: { nl: 'De cliënt is minstens 18 jaar op de startdatum', en: 'The client is at least 18 on the start date' },
    kind: 'department',
    source: "The department's decision (no article known to us sets a minimum age for activation trajectories)",
    validFrom: REGIME_2014_FROM,
    parameters: { minimumAge: CLIENT_MINIMUM_AGE },
    implementedBy: 'trajectory-rules.ts#clientAgeViolations',
  },
  {
    id: 'start-after-network-appointment',
    title: {
      nl: 'Een traject start niet vóór de aanstelling van zijn netwerk',
      en: 'A trajectory does not start before its network was appointed',
    },
    kind: 'system',
    source: 'Consistency: a network carries out trajectories from its appointment',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'trajectory-rules.ts#startAfterAppointmentViolations',
  },
  {
    id: 'trajectory-end-date',
    title: {
      nl: 'De einddatum ligt tussen de start en het maximale einde, en niet in de toekomst',
      en: 'The end date lies between the start and the maximum end, and not in the future',
    },
    kind: 'system',
    source: 'Consistency: a closing records what happened',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'trajectory-rules.ts#endDateViolations',
  },
  {
    id: 'trajectory-closed',
    title: { nl: 'Een afgesloten traject wijzigt niet meer', en: 'A closed trajectory does not change' },
    kind: 'system',
    source: 'Consistency: only the department reopens one, with a reason',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'trajectory-status.ts#isTrajectoryClosed',
  },
  {
    id: 'one-cooperation-per-werkingsgebied',
    title: {
      nl: 'Per werkingsgebied is één samenwerkingsverband Zorg tegelijk gemandateerd',
      en: 'One samenwerkingsverband Zorg is mandated per werkingsgebied at a time',
    },
    kind: 'law',
    source: `${DECREE_2022} (${PAGE_NEW}; decreet art. 2, 4°: het casemanagementteam per werkingsgebied)`,
    validFrom: REGIME_2022_FROM,
    implementedBy: 'cooperation.ts#isCooperationMandatedOn',
  },
  {
    id: 'network-in-werkingsgebied',
    title: {
      nl: 'Het netwerk van een traject werkt in het werkingsgebied van het traject',
      en: "A trajectory's network works in the trajectory's werkingsgebied",
    },
    kind: 'system',
    source: 'Consistency: the casemanagementteam of a werkingsgebied calls on the networks of that werkingsgebied',
    validFrom: REGIME_2022_FROM,
    implementedBy: 'trajectory-rules.ts#networkWerkingsgebiedViolations',
  },
  {
    id: 'plan-providers-in-network',
    title: {
      nl: 'De acties van het trajectplan worden uitgevoerd door leden van het netwerk',
      en: 'The actions of the plan are carried out by members of the network',
    },
    kind: 'law',
    source: `${DECREE_2022} (${PAGE_CMZ}: "De begeleiding wordt uitgevoerd door een netwerk van dienstverleners")`,
    validFrom: REGIME_2014_FROM,
    implementedBy: 'trajectory-rules.ts#providerViolations',
  },
  {
    id: 'plan-within-trajectory',
    title: {
      nl: 'Acties van het plan liggen binnen het traject',
      en: "The plan's actions lie within the trajectory",
    },
    kind: 'system',
    source: 'Consistency: an action starts on or after the start and ends on or before the planned end',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'trajectory-dates.ts#trajectoryDateViolations',
  },
  {
    id: 'casemanager-werk-known',
    title: {
      nl: 'Een traject wordt enkel toegewezen aan een gekende casemanager Werk',
      en: 'A trajectory is only assigned to a known casemanager Werk',
    },
    kind: 'system',
    source: 'Consistency: a casemanager Werk is known once they recorded a trajectory start',
    validFrom: REGIME_2022_FROM,
    implementedBy: 'trajectory-rules.ts#isKnownCasemanagerWerk',
  },
  {
    id: 'call-open',
    title: {
      nl: 'Een oproep aanvaardt aanvragen zolang ze gepubliceerd is en de indiendatum niet verstreken',
      en: 'A call takes applications while published and before its deadline',
    },
    kind: 'law',
    source: "The call's own terms as the department publishes them",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'call-rules.ts#isCallOpen',
  },
  {
    id: 'lead-registered',
    title: { nl: 'De penhouder is een geregistreerde voorziening', en: 'The lead is a registered facility' },
    kind: 'law',
    source: "The call's own terms as the department publishes them (2018 call texts)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'eligibility.ts#leadRegistered',
  },
  {
    id: 'region-in-call',
    title: { nl: 'De aanvraag betreft een regio van de oproep', en: 'The application is for a region of the call' },
    kind: 'law',
    source: "The call's own terms as the department publishes them (2018 call texts)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'eligibility.ts#regionInCall',
  },
  {
    id: 'partners-registered',
    title: { nl: 'Elke partner is een geregistreerde voorziening', en: 'Every partner is a registered facility' },
    kind: 'law',
    source: "The call's own terms as the department publishes them (2018 call texts)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'eligibility.ts#partnersRegistered',
  },
  {
    id: 'partners-distinct',
    title: { nl: 'Elke partner komt één keer voor en is niet de penhouder', en: 'Each partner appears once and is not the lead' },
    kind: 'system',
    source: 'Consistency: a network lists each facility once',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'eligibility.ts#partnersDistinct',
  },
  {
    id: 'partners-confirmed',
    title: {
      nl: 'Elke partner bevestigt zijn deelname vóór de indiendatum; enkel bevestigde partners tellen mee',
      en: 'Each partner confirms its part before the deadline; only confirmed partners count',
    },
    kind: 'department',
    source:
      "A network application binds its partners (the call's terms ask for the partners' commitment); asking each partner through the system: the department's decision",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'eligibility.ts#partnersConfirmed',
  },
  {
    id: 'required-recognition',
    title: {
      nl: 'Het netwerk telt de erkenningen die de oproep vraagt',
      en: 'The network holds the recognitions the call requires',
    },
    kind: 'law',
    source: "The call's own terms as the department publishes them (2018 call texts)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'eligibility.ts#requiredRecognition',
  },
  {
    id: 'single-application-per-region',
    title: { nl: 'Eén aanvraag per penhouder en regio', en: 'One application per lead and region' },
    kind: 'law',
    source: "The call's own terms as the department publishes them (2018 call texts)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'eligibility.ts#singleApplicationPerRegion',
  },
  {
    id: 'criteria-answered',
    title: { nl: 'Elk gunningscriterium is beantwoord', en: 'Every award criterion is answered' },
    kind: 'law',
    source: "The call's own terms as the department publishes them (2018 call texts)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'eligibility.ts#criteriaAnswered',
  },
  {
    id: 'review-phase',
    title: {
      nl: 'Beoordelen kan na de indiendatum en tot de selectie start',
      en: 'Reviews are written after the deadline and until the selection starts',
    },
    kind: 'law',
    source: "The call's own terms as the department publishes them (2018 call texts)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'call-rules.ts#reviewPhase',
  },
  {
    id: 'selection-start',
    title: {
      nl: 'De selectie start na de indiendatum, eenmaal, als elke aanvraag genoeg beoordelingen heeft',
      en: 'The selection starts after the deadline, once, when every application has enough reviews',
    },
    kind: 'law',
    source: "The call's own terms (minimum reviews per application, set in the call)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'selection-start.ts#selectionStartRefusal',
  },
  {
    id: 'one-active-trajectory-per-client',
    title: { nl: 'Eén lopend activeringstraject per cliënt', en: 'One active trajectory per client' },
    kind: 'department',
    source: "The department's decision: a client follows one activation trajectory at a time",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'trajectory-status.ts#isTrajectoryClosed',
  },
  {
    id: 'status-transitions',
    title: {
      nl: 'Een dossier wijzigt enkel vanuit de toestanden die de handeling toelaat',
      en: 'A record changes only from the states its action allows',
    },
    kind: 'system',
    source: 'Consistency: e.g. only a draft is submitted or changed, a decision is taken once, an ended agreement stays ended',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'application-status.ts#nextStatus',
  },
  {
    id: 'ama-participant-age',
    title: {
      nl: 'Een deelnemer aan AMA is op de startdatum tussen 18 en 65 jaar',
      en: 'An AMA participant is 18 to 65 on the start date',
    },
    kind: 'law',
    source: `${DECREE_2014} (departementwvg.be/arbeidsmatige-activiteiten, earlier pages: "tussen 18 en 65 jaar")`,
    validFrom: SINCE_SYSTEM,
    validUntil: '2023-12-31',
    parameters: { minimumAge: AMA_MINIMUM_AGE, ageLimit: AMA_AGE_LIMIT_BEFORE_2024 },
    implementedBy: 'ama.ts#ageViolation',
  },
  {
    id: 'ama-participant-age-pension',
    title: {
      nl: 'Een deelnemer aan AMA is op de startdatum minstens 18 en jonger dan de wettelijke pensioenleeftijd',
      en: 'An AMA participant is at least 18 and younger than the statutory pension age on the start date',
    },
    kind: 'law',
    source: `${DECREE_2022} (departementwvg.be/arbeidsmatige-activiteiten: "jonger dan de wettelijke pensioenleeftijd"); the pension age: wet van 10 augustus 2015`,
    validFrom: AMA_REGIME_2024_FROM,
    parameters: { minimumAge: AMA_MINIMUM_AGE, statutoryPensionAge: STATUTORY_PENSION_AGE },
    implementedBy: 'ama.ts#ageViolation',
  },
  {
    id: 'ama-begeleider-recognised',
    title: {
      nl: 'Enkel een erkende begeleider AMA stelt overeenkomsten op en registreert werkposten',
      en: 'Only a recognised begeleider AMA draws up agreements and registers werkposten',
    },
    kind: 'law',
    source: 'departementwvg.be/arbeidsmatige-activiteiten',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'mandate.ts#holdsValidMandate',
  },
  {
    id: 'ama-recognition-conditions',
    title: {
      nl: 'Erkenning als begeleider AMA: gekwalificeerd personeel, de aansprakelijkheidsverzekering van de organisatie, aangevraagd door wie de organisatie kan verbinden',
      en: "Recognition as begeleider AMA: qualified staff, the organisation's liability insurance, asked by someone who can bind it",
    },
    kind: 'law',
    source:
      'The department\'s AMA FAQ ("erkenning aanvragen"); the minimum of 1 qualified staff member: the department\'s reading',
    validFrom: SINCE_SYSTEM,
    parameters: { minimumQualifiedStaff: AMA_RECOGNITION_MINIMUM_QUALIFIED_STAFF },
    implementedBy: 'ama.ts#begeleiderRecognitionViolations',
  },
  {
    id: 'ama-recognition-period',
    title: {
      nl: 'Een erkenning als begeleider AMA geldt voor een beperkte periode (hoogstens 5 jaar)',
      en: 'A recognition as begeleider AMA is for a limited period (at most 5 years)',
    },
    kind: 'department',
    source: 'The department\'s AMA FAQ ("voor een beperkte periode"); the 5 years: the department\'s decision',
    validFrom: SINCE_SYSTEM,
    parameters: { maxYears: AMA_RECOGNITION_MAX_YEARS },
    implementedBy: 'ama.ts#begeleiderRecognitionViolations',
  },
  {
    id: 'ama-werkpost-places',
    title: {
      nl: 'Een werkpost neemt een overeenkomst aan zolang hij open is en een plaats vrij heeft',
      en: 'A werkpost takes an agreement while it is open and has a free place',
    },
    kind: 'system',
    source: 'Consistency: the places the begeleider registered for the werkpost',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'ama.ts#hasFreePlace',
  },
  {
    id: 'ama-follows-trajectory',
    title: {
      nl: 'Een overeenkomst die een traject noemt volgt op een traject afgesloten met uitkomst AMA',
      en: 'An agreement naming a trajectory follows one closed with outcome AMA',
    },
    kind: 'system',
    source: 'Consistency: the outcome recorded when the trajectory closed',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'ama.ts#followsFromAmaTrajectory',
  },
  {
    id: 'ama-schedule',
    title: {
      nl: 'De periodes van het uurrooster overlappen niet op dezelfde dag',
      en: 'The periods of the schedule do not overlap on one day',
    },
    kind: 'system',
    source: 'Consistency: a participant is in one period at a time; the hours a week follow from the schedule',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'ama.ts#scheduleViolations',
  },
  {
    id: 'ama-minimum-period',
    title: {
      nl: 'Een werkperiode duurt minstens 3 uur (waarschuwing, niet bevestigd)',
      en: 'A work period lasts at least 3 hours (a warning, not confirmed)',
    },
    kind: 'department',
    source:
      "The department's AMA FAQ, citing labour law; not confirmed, so a warning with the agreement (`checks`), never a refusal",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'ama.ts#agreementChecks',
  },
  {
    id: 'ama-submission',
    title: {
      nl: 'Een door de drie partijen getekende overeenkomst wordt bij het departement ingediend; het departement aanvaardt ze of stuurt ze terug',
      en: 'An agreement signed by all three parties is submitted to the department, which accepts or returns it',
    },
    kind: 'law',
    source:
      'departementwvg.be/overeenkomsten-arbeidsmatige-activiteiten ("Elke overeenkomst wordt bij het departement ingediend")',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'ama.ts#submissionRefusal',
  },
  {
    id: 'ama-participant-identity',
    title: {
      nl: 'De overeenkomst vermeldt de naam en het rijksregisternummer van de deelnemer; ze gaan mee met de indiening',
      en: "The agreement records the participant's name and national register number; both go with its submission",
    },
    kind: 'law',
    source:
      'departementwvg.be/overeenkomsten-arbeidsmatige-activiteiten (the submission holds "naam en rijksregisternummer van de deelnemer"); stored encrypted at field level: GDPR art. 9 and 32',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'ama.ts#submissionRefusal',
  },
  {
    id: 'national-register-number',
    title: {
      nl: 'Een rijksregisternummer heeft 11 cijfers met geldige controlecijfers (geboren voor of vanaf 2000) en past bij de geboortedatum',
      en: 'A national register number has 11 digits with valid check digits (born before or from 2000) and agrees with the birth date',
    },
    kind: 'law',
    source:
      'Wet van 8 augustus 1983 tot regeling van een Rijksregister van de natuurlijke personen; the structure and check digits as the Rijksregister publishes them (97 − the first nine digits mod 97, with a 2 before them from 2000)',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'national-register-number.ts#nationalRegisterNumberViolation',
  },
  {
    id: 'signature-evidence',
    title: {
      nl: 'Elke handtekening legt vast wie, wanneer en hoe tekende (ingescande kopie met haar SHA-256, of elektronisch); de overeenkomst is actief met alle drie',
      en: 'Each signature records who signed, when and how (scanned copy with its SHA-256, or electronically); the agreement is active with all three',
    },
    kind: 'law',
    source:
      "departementwvg.be/overeenkomsten-arbeidsmatige-activiteiten (the signed copy is submitted to the department); the evidence kept: the department's decision",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'ama.ts#sign',
  },
  {
    id: 'call-audience',
    title: {
      nl: 'Een oproep bereikt de geabonneerde voorzieningen bij publicatie; abonnees, penhouders en partners bij een verlenging en 7 dagen vóór de termijn, elk één keer',
      en: 'A call reaches subscribed facilities when published; subscribers, leads and partners when extended and 7 days before the deadline, each once',
    },
    kind: 'department',
    source: "The department's decision (issue: calls reach facilities); 7 days: the department's decision",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'call-audience.ts#callAudience',
  },
  {
    id: 'small-cell-suppression',
    title: {
      nl: 'Een rapport toont geen aantal van 1 tot 4 (het zou cliënten herkenbaar maken)',
      en: 'A report shows no count from 1 to 4 (it would single out clients)',
    },
    kind: 'department',
    source:
      'Statistical disclosure control as statistical offices practise it (GDPR art. 89: safeguards for statistics); the threshold of 5: the department’s decision',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'statistics.ts#suppressSmall',
  },
  {
    id: 'network-withdrawal',
    title: {
      nl: 'Geen nieuw traject met een netwerk dat het departement beëindigde, vanaf de dag van de beëindiging',
      en: 'No new trajectory with a network the department ended, from the day it ends',
    },
    kind: 'department',
    source: "The department's decision to end a network (its appointment by the call's decision); what runs is reassigned",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'trajectory-rules.ts#networkWithdrawalViolations',
  },
  {
    id: 'objection-period',
    title: { nl: 'Bezwaar binnen 30 dagen na de kennisgeving', en: 'Objection within 30 days of the notification' },
    kind: 'department',
    source: "The call's terms; 30 days: the department's decision",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'objection.ts#isWithinObjectionPeriod',
  },
  {
    id: 'objection-against-refusal',
    title: {
      nl: 'Bezwaar kan enkel tegen een beslissing die de aanvrager niet selecteerde',
      en: 'An objection is against an outcome that did not select the applicant',
    },
    kind: 'system',
    source: 'Consistency: a selected lead has nothing to object to',
    validFrom: SINCE_SYSTEM,
    implementedBy: 'objection.ts#mayObjectTo',
  },
  {
    id: 'objection-redecision',
    title: {
      nl: 'Na een gegrond bezwaar beslist het departement opnieuw over de regio, eenmaal per bezwaar',
      en: 'After an upheld objection the department decides the region again, once per objection',
    },
    kind: 'department',
    source:
      "The call's terms (bezwaar); acting on an upheld objection by a new ranking of the region or by appointing and ending networks by hand, with a motivation: the department's decision",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'redecision.ts#redecisionRefusal',
  },
  {
    id: 'max-networks-per-region',
    title: {
      nl: 'Niet meer netwerken per regio dan de oproep toelaat',
      en: 'No more networks per region than the call allows',
    },
    kind: 'law',
    source: "The call's own terms (maximum networks per region, set in the call)",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'redecision.ts#decideByHand',
  },
  {
    id: 'retention-trajectory-client-data',
    title: {
      nl: 'Een afgesloten traject bewaart de cliëntreferentie en geboortedatum 5 jaar na het einde',
      en: 'A closed trajectory keeps the client reference and birth date 5 years after its end',
    },
    kind: 'department',
    source: `${PAGE_PRIVACY} ("5 jaar, tenzij anders bepaald", after which the department must still be able to account for it); counted from the trajectory's end: the department's decision`,
    validFrom: SINCE_SYSTEM,
    parameters: { years: CLIENT_DATA_RETENTION_YEARS },
    implementedBy: 'retention.ts#clientDataErasableOn',
  },
  {
    id: 'retention-ama-participant-data',
    title: {
      nl: 'Een beëindigde AMA-overeenkomst bewaart de gegevens van de deelnemer 5 jaar na het einde',
      en: "An ended AMA agreement keeps its participant's data 5 years after its end",
    },
    kind: 'department',
    source: `${PAGE_PRIVACY}; counted from the agreement's end: the department's decision`,
    validFrom: SINCE_SYSTEM,
    parameters: { years: PARTICIPANT_DATA_RETENTION_YEARS },
    implementedBy: 'retention.ts#participantDataErasableOn',
  },
  {
    id: 'retention-outbox',
    title: { nl: 'Een verstuurde e-mail blijft 30 dagen in de outbox', en: 'A sent email stays 30 days in the outbox' },
    kind: 'system',
    source: 'Long enough to answer a question about a delivery; the emails hold no client data',
    validFrom: SINCE_SYSTEM,
    parameters: { days: OUTBOX_RETENTION_DAYS },
    implementedBy: 'retention.ts#outboxExpiresAt',
  },
  {
    id: 'retention-idempotency',
    title: {
      nl: 'Een bewaard eerste antwoord beantwoordt 24 uur lang een herhaalde aanvraag',
      en: 'A stored first response answers a retried create for 24 hours',
    },
    kind: 'system',
    source: 'Long enough for a client to retry after a lost answer; it may hold personal data, so no longer',
    validFrom: SINCE_SYSTEM,
    parameters: { hours: IDEMPOTENCY_RETENTION_HOURS },
    implementedBy: 'retention.ts#idempotencyTtlSeconds',
  },
  {
    id: 'retention-logs',
    title: { nl: 'Logboeken worden 365 dagen bewaard', en: 'Logs are kept 365 days' },
    kind: 'department',
    source: "The department's decision (a year of operations to investigate); logs hold no client or participant data",
    validFrom: SINCE_SYSTEM,
    parameters: { days: LOG_RETENTION_DAYS },
    implementedBy: 'retention.ts#logRetentionDays',
  },
  {
    id: 'expiry-notices',
    title: {
      nl: 'Herinnering 60, 30 en 7 dagen vóór het geplande einde',
      en: 'Notices 60, 30 and 7 days before the planned end',
    },
    kind: 'department',
    source: "The department's decision",
    validFrom: SINCE_SYSTEM,
    implementedBy: 'notices.ts#dueMilestone',
  },
] as const satisfies readonly RuleDefinition[];

export type RuleId = (typeof RULES)[number]['id'];

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}

/** Is the rule in force on calendar date `on`? */
export function isRuleInForce(rule: RuleDefinition, on: string): boolean {
  return rule.validFrom <= on && (rule.validUntil === undefined || on <= rule.validUntil);
}

export interface RuleInForce {
  id: string;
  title: { nl: string; en: string };
  kind: RuleKind;
  source: string;
  validFrom: string;
  validUntil?: string;
  /** Each parameter's value on the date asked for, with what it is. */
  parameters: Record<string, { description: string; value: unknown }>;
  implementedBy: string;
}

/** The rules in force on `on`, each with its parameters' values on that date. */
export function rulesInForce(on: string): RuleInForce[] {
  return (RULES as readonly RuleDefinition[])
    .filter((rule) => isRuleInForce(rule, on))
    .map((rule) => ({
      id: rule.id,
      title: rule.title,
      kind: rule.kind,
      source: rule.source,
      validFrom: rule.validFrom,
      ...(rule.validUntil ? { validUntil: rule.validUntil } : {}),
      parameters: Object.fromEntries(
        Object.entries(rule.parameters ?? {}).map(([name, p]) => [name, { description: p.description, value: valueOn(p, on) }]),
      ),
      implementedBy: `shared/domain/${rule.implementedBy}`,
    }));
}
