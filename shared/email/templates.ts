import { formatEnterpriseNumber } from '../domain/enterprise-number.ts';
import { inBrusselsTime } from '../domain/deadline.ts';
import { brusselsWallClock } from '../domain/calendar.ts';
import type { Receipt } from '../domain/receipt.ts';

/**
 * The emails the system sends, in Dutch (they go to Flemish facilities). They carry ids, titles and
 * tracking numbers only: never client data.
 */
export interface EmailContent {
  subject: string;
  text: string;
}

const SIGNATURE =
  '\n\nMet vriendelijke groeten,\nDepartement Welzijn, Volksgezondheid en Gezin\n\nDit is een automatisch bericht; antwoorden op dit adres worden niet gelezen.';

const GREETING = '\n\nMet vriendelijke groeten,';

/**
 * The email with a line pointing to the department's portal before its signature, when the deployment
 * configures one (PORTAL_URL): the next step in words stays in the text, the link is where to take it.
 */
export function withPortalLink(text: string, portalUrl: string | undefined): string {
  if (!portalUrl) return text;
  const line = `\n\nU vindt uw dossiers en de volgende stappen ook in het portaal van het departement: ${portalUrl}`;
  const at = text.indexOf(GREETING);
  return at < 0 ? `${text}${line}` : `${text.slice(0, at)}${line}${text.slice(at)}`;
}

/** `2026-12-01T12:00:00+01:00` → `1 december 2026 om 12:00` (Brussels time). */
export function dutchDateTime(instant: string): string {
  const wall = brusselsWallClock(new Date(instant));
  const time = `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
  return `${wall.getUTCDate()} ${DUTCH_MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()} om ${time}`;
}

const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/**
 * To every facility the call concerns (subscribers, leads and partners): the deadline moved. A lead with a
 * draft is reminded to submit it; one that submitted already may reopen and resubmit until the new deadline.
 */
export function deadlineExtendedEmail(input: {
  callTitle: string;
  enterpriseNumber: string;
  newDeadline: string;
  previousDeadline: string;
  reason: string;
  /** Its applications as lead, in draft or submitted (tracking numbers). */
  drafts?: readonly string[];
  submitted?: readonly string[];
}): EmailContent {
  const own =
    (input.drafts ?? []).length > 0
      ? `Uw voorziening (${formatEnterpriseNumber(input.enterpriseNumber)}) heeft een aanvraag in ontwerp ` +
        `(dossiernummer ${(input.drafts ?? []).join(', ')}). Vergeet niet ze vóór de nieuwe termijn in te dienen.`
      : (input.submitted ?? []).length > 0
        ? `Uw aanvraag (dossiernummer ${(input.submitted ?? []).join(', ')}) is ingediend. Tot de nieuwe termijn kunt u ze ` +
          'nog heropenen, aanpassen en opnieuw indienen; doet u niets, dan blijft de ingediende versie gelden.'
        : 'Wilt u nog een aanvraag indienen, of bent u partner in een aanvraag? U heeft daarvoor tijd tot de nieuwe termijn.';
  return {
    subject: `Oproep "${input.callTitle}": de indieningstermijn is verlengd`,
    text:
      `Beste,\n\nDe indieningstermijn van de oproep "${input.callTitle}" is verlengd ` +
      `van ${dutchDateTime(input.previousDeadline)} tot ${dutchDateTime(input.newDeadline)} (Brusselse tijd).\n\n` +
      `Reden: ${input.reason}\n\n${own}` +
      SIGNATURE,
  };
}

/** To the facilities subscribed to calls for one of its regions: a call is published. */
export function callPublishedEmail(input: { callTitle: string; regions: readonly string[]; deadline: string }): EmailContent {
  return {
    subject: `Nieuwe oproep: "${input.callTitle}"`,
    text:
      `Beste,\n\nHet departement heeft de oproep "${input.callTitle}" gepubliceerd, voor de regio's ${input.regions.join(', ')}.\n\n` +
      `Aanvragen kunnen worden ingediend tot ${dutchDateTime(input.deadline)} (Brusselse tijd). Lees de oproep en haar ` +
      'beoordelingscriteria, stel uw netwerk samen en dien uw aanvraag in vóór die termijn.' +
      SIGNATURE,
  };
}

/** To a network's lead and partners: the department ended the network from a date. */
export function networkWithdrawnEmail(input: {
  region: string;
  withdrawnOn: string;
  reason: string;
  activeTrajectories: number;
}): EmailContent {
  return {
    subject: `Uw netwerk voor regio ${input.region} is beëindigd vanaf ${input.withdrawnOn}`,
    text:
      `Beste,\n\nHet departement beëindigt het netwerk voor activeringstrajecten in regio ${input.region} vanaf ${input.withdrawnOn}.\n\n` +
      `Reden: ${input.reason}\n\n` +
      `Vanaf die dag start geen nieuw traject meer met dit netwerk. De ${input.activeTrajectories} lopende trajecten worden ` +
      'aan een ander netwerk toegewezen; het departement neemt daarover contact op met de casemanagers. Tot dan lopen ze gewoon verder.' +
      SIGNATURE,
  };
}

/** To the department, once its deadline passed: a call's applications wait for review and selection. */
export function callDeadlinePassedEmail(input: {
  callTitle: string;
  deadline: string;
  submitted: number;
  regions: readonly string[];
}): EmailContent {
  return {
    subject: `Oproep "${input.callTitle}": de termijn is verstreken, ${input.submitted} aanvragen wachten`,
    text:
      `Beste,\n\nDe indieningstermijn van de oproep "${input.callTitle}" (regio's ${input.regions.join(', ')}) is verstreken op ` +
      `${dutchDateTime(input.deadline)}. Er werden ${input.submitted} aanvragen ingediend.\n\n` +
      'Laat de beoordelaars hun belangenverklaring afleggen en elke aanvraag scoren; start daarna de selectie. ' +
      'De oproep staat in de werklijst van het departement tot de selectie gestart is.' +
      SIGNATURE,
  };
}

/** Seven days before the deadline, to the subscribers and to every lead and partner of the call's applications. */
export function callDeadlineReminderEmail(input: {
  callTitle: string;
  deadline: string;
  drafts?: readonly string[];
}): EmailContent {
  return {
    subject: `Oproep "${input.callTitle}": nog 7 dagen om in te dienen`,
    text:
      `Beste,\n\nDe indieningstermijn van de oproep "${input.callTitle}" loopt af op ${dutchDateTime(input.deadline)} (Brusselse tijd).\n\n` +
      ((input.drafts ?? []).length > 0
        ? `Uw aanvraag in ontwerp (dossiernummer ${(input.drafts ?? []).join(', ')}) is nog niet ingediend: dien ze in vóór de termijn; ` +
          'een aanvraag in ontwerp telt niet mee.'
        : 'Wie nog een aanvraag wil indienen, doet dat vóór die termijn. Een ingediende aanvraag blijft gelden; u hoeft niets te doen.') +
      SIGNATURE,
  };
}

export function submissionConfirmedEmail(input: { callTitle: string; receipt: Receipt; region: string }): EmailContent {
  const r = input.receipt;
  return {
    subject: `Ontvangstbewijs ${r.trackingNumber}: uw aanvraag voor "${input.callTitle}" is ingediend`,
    text:
      `Beste,\n\nWe hebben uw aanvraag voor de oproep "${input.callTitle}" (regio ${input.region}) goed ontvangen.\n\n` +
      `Ontvangstbewijs\n` +
      `  Dossiernummer:   ${r.trackingNumber}\n` +
      `  Aanvraag:        ${r.applicationId}\n` +
      `  Ingediend op:    ${dutchDateTime(r.submittedAt)} (${inBrusselsTime(r.submittedAt)})\n` +
      `  Inhoud (SHA-256): ${r.contentHash}\n` +
      `  Handtekening:    ${r.signature}\n\n` +
      `Bewaar dit bewijs: het departement kan de handtekening later controleren. ` +
      `Tot de deadline kunt u de aanvraag heropenen om ze te wijzigen; dan moet u ze opnieuw indienen.` +
      SIGNATURE,
  };
}

const OUTCOME_TEXT: Record<'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE', string> = {
  SELECTED: 'geselecteerd: uw netwerk wordt aangesteld',
  NOT_SELECTED: 'niet geselecteerd',
  INELIGIBLE: 'niet ontvankelijk',
};

export function selectionOutcomeEmail(input: {
  callTitle: string;
  trackingNumber: string;
  region: string;
  outcome: 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE';
  score: number;
  rank: number | null;
  reasons: readonly string[];
  objectionDeadline: string;
}): EmailContent {
  return {
    subject: `Oproep "${input.callTitle}": beslissing over uw aanvraag ${input.trackingNumber}`,
    text:
      `Beste,\n\nHet departement heeft de selectie voor de oproep "${input.callTitle}" afgerond.\n\n` +
      `Uw aanvraag ${input.trackingNumber} (regio ${input.region}) is ${OUTCOME_TEXT[input.outcome]}.\n` +
      (input.rank !== null ? `Score: ${input.score} op 100, rangschikking: ${input.rank}.\n` : '') +
      `\nMotivering (zoals vastgelegd in de beslissing):\n${input.reasons.map((r) => `  - ${r}`).join('\n')}\n\n` +
      `Bent u het niet eens met deze beslissing? Dien dan tot en met ${input.objectionDeadline} bezwaar in bij het departement, ` +
      `met uw argumenten, vanuit dezelfde toepassing waarmee u uw aanvraag indiende.` +
      SIGNATURE,
  };
}

export function selectionFailedEmail(input: { callTitle: string; executionName: string; committed: boolean }): EmailContent {
  return {
    subject: input.committed
      ? `Oproep "${input.callTitle}": niet alle beslissingen konden gemaild worden`
      : `Oproep "${input.callTitle}": de selectie is mislukt`,
    text: input.committed
      ? `Beste,\n\nDe selectie (${input.executionName}) is beslist, maar niet elke aanvrager kon gemaild worden. ` +
        `Start de selectie opnieuw om de ontbrekende berichten te versturen; wie al gemaild werd, krijgt geen tweede bericht.` +
        SIGNATURE
      : `Beste,\n\nDe selectie (${input.executionName}) voor de oproep "${input.callTitle}" is mislukt. ` +
        `Er is niets aangesteld en er werden geen beslissingen verstuurd. De selectie staat op 'mislukt'; ` +
        `u kunt de selectie opnieuw starten.` +
        SIGNATURE,
  };
}

export function objectionDecidedEmail(input: {
  callTitle: string;
  trackingNumber: string;
  decision: 'UPHELD' | 'REJECTED';
  motivation: string;
}): EmailContent {
  return {
    subject: `Bezwaar over aanvraag ${input.trackingNumber}: ${input.decision === 'UPHELD' ? 'gegrond' : 'ongegrond'}`,
    text:
      `Beste,\n\nHet departement heeft uw bezwaar over aanvraag ${input.trackingNumber} (oproep "${input.callTitle}") ` +
      `${input.decision === 'UPHELD' ? 'gegrond' : 'ongegrond'} verklaard.\n\nMotivering: ${input.motivation}` +
      (input.decision === 'UPHELD'
        ? '\n\nHet departement beslist nu opnieuw over de regio van uw aanvraag. U krijgt bericht als de uitkomst van uw aanvraag daardoor verandert.'
        : '') +
      SIGNATURE,
  };
}

const OUTCOME_NL: Record<'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE', string> = {
  SELECTED: 'geselecteerd',
  NOT_SELECTED: 'niet geselecteerd',
  INELIGIBLE: 'niet ontvankelijk',
};

/**
 * To the lead and the partners of an application whose outcome changed when the department decided its
 * region again after an upheld objection.
 */
export function outcomeRedecidedEmail(input: {
  callTitle: string;
  trackingNumber: string;
  region: string;
  from: 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE';
  to: 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE';
  motivation: string;
  networkEndsOn?: string;
}): EmailContent {
  const next =
    input.to === 'SELECTED'
      ? 'Uw samenwerkingsverband is nu aangesteld als netwerk voor deze regio. Vanaf vandaag kunnen de casemanagers er trajecten mee starten.'
      : input.networkEndsOn
        ? `Het netwerk van deze aanvraag is beëindigd vanaf ${input.networkEndsOn}: vanaf die dag start er geen nieuw traject meer mee. ` +
          'Het departement neemt contact op over de lopende trajecten, die tot hun nieuwe toewijzing gewoon verder lopen.'
        : 'Er is voor deze aanvraag geen netwerk aangesteld.';
  return {
    subject: `Nieuwe beslissing over aanvraag ${input.trackingNumber}: ${OUTCOME_NL[input.to]}`,
    text:
      `Beste,\n\nNa een gegrond bezwaar heeft het departement opnieuw beslist over regio ${input.region} van de oproep ` +
      `"${input.callTitle}". De uitkomst van aanvraag ${input.trackingNumber} is veranderd: ` +
      `eerst ${OUTCOME_NL[input.from]}, nu ${OUTCOME_NL[input.to]}.\n\nMotivering: ${input.motivation}\n\n${next}` +
      SIGNATURE,
  };
}

/** To the department: a lead objects to the outcome of a call. No personal data: the call, the tracking number, the region. */
export function objectionLodgedEmail(input: {
  callTitle: string;
  trackingNumber: string;
  region: string;
  lodgedAt: string;
}): EmailContent {
  return {
    subject: `Nieuw bezwaar over aanvraag ${input.trackingNumber}`,
    text:
      `Beste,\n\nDe indiener van aanvraag ${input.trackingNumber} (oproep "${input.callTitle}", regio ${input.region}) ` +
      `tekende op ${dutchDateTime(input.lodgedAt)} bezwaar aan tegen de uitkomst. Het bezwaar staat in de werklijst van het departement ` +
      'en wacht op uw beslissing: gegrond of ongegrond, met een motivering.' +
      SIGNATURE,
  };
}

const MANDATE_NAMES = {
  CASEMANAGER_ZORG: 'mandaat als casemanager Zorg',
  BEGELEIDER_AMA: 'erkenning als begeleider AMA',
} as const;

export function mandateDecidedEmail(input: {
  kind: 'CASEMANAGER_ZORG' | 'BEGELEIDER_AMA';
  enterpriseNumber: string;
  granted: boolean;
  validFrom?: string;
  validUntil?: string;
  reason?: string;
}): EmailContent {
  const what = MANDATE_NAMES[input.kind];
  return {
    subject: `Uw aanvraag voor een ${what}: ${input.granted ? 'toegekend' : 'geweigerd'}`,
    text:
      `Beste,\n\nHet departement heeft de aanvraag van uw voorziening (${formatEnterpriseNumber(input.enterpriseNumber)}) ` +
      `voor een ${what} ${input.granted ? 'toegekend' : 'geweigerd'}.\n\n` +
      (input.granted
        ? `Geldig vanaf ${input.validFrom}${input.validUntil ? ` tot en met ${input.validUntil}` : ''}.`
        : `Reden: ${input.reason}`) +
      SIGNATURE,
  };
}

export function extensionDecidedEmail(input: {
  trajectoryId: string;
  granted: boolean;
  plannedEndDate: string;
  motivation: string;
}): EmailContent {
  return {
    subject: `Verlenging van traject ${input.trajectoryId.slice(0, 8)}: ${input.granted ? 'toegekend' : 'geweigerd'}`,
    text:
      `Beste casemanager,\n\nHet departement heeft de gevraagde verlenging van traject ${input.trajectoryId} ` +
      `${input.granted ? `toegekend: het traject mag lopen tot en met ${input.plannedEndDate}.` : 'geweigerd.'}\n\n` +
      `Motivering: ${input.motivation}` +
      SIGNATURE,
  };
}

/** To the casemanager Zorg VDAB assigned to a new trajectory. No client data: the trajectory id, dates, werkingsgebied. */
export function trajectoryAssignedEmail(input: {
  trajectoryId: string;
  startDate: string;
  werkingsgebied: string;
}): EmailContent {
  return {
    subject: `Nieuw activeringstraject ${input.trajectoryId.slice(0, 8)} aan u toegewezen`,
    text:
      `Beste casemanager Zorg,

VDAB heeft beslist dat activeringstraject ${input.trajectoryId} start op ${input.startDate} ` +
      `in werkingsgebied ${input.werkingsgebied}, en heeft u als casemanager Zorg toegewezen.

` +
      'Stel samen met de casemanager Werk en de cliënt het trajectplan op; het plan geldt zodra u het allebei bevestigd hebt.' +
      SIGNATURE,
  };
}

/** To the case managers of a trajectory after a reassignment: who follows it now. No client data. */
export function trajectoryReassignedEmail(input: {
  trajectoryId: string;
  casemanagerZorg: string;
  casemanagerWerk: string;
  stillInvolved: boolean;
  /** The trajectory moved to another network (its lead's name and region). */
  movedToNetwork?: { leadName: string; region: string } | undefined;
}): EmailContent {
  return {
    subject: input.movedToNetwork
      ? `Traject ${input.trajectoryId.slice(0, 8)}: ander netwerk`
      : `Traject ${input.trajectoryId.slice(0, 8)}: andere casemanager`,
    text:
      `Beste casemanager,

De opvolging van activeringstraject ${input.trajectoryId} is gewijzigd. ` +
      (input.movedToNetwork
        ? `Het traject loopt voortaan met het netwerk van ${input.movedToNetwork.leadName} (regio ${input.movedToNetwork.region}); ` +
          'pas het plan aan als acties nu door andere voorzieningen worden uitgevoerd. '
        : '') +
      `Casemanager Zorg: ${input.casemanagerZorg}. Casemanager Werk: ${input.casemanagerWerk}.

` +
      (input.stillInvolved
        ? 'U volgt het traject verder op.'
        : 'U volgt dit traject niet langer op en hebt er geen toegang meer toe.') +
      SIGNATURE,
  };
}

/** To the facility: the department withdrew its mandate or recognition. */
export function mandateWithdrawnEmail(input: {
  kind: 'CASEMANAGER_ZORG' | 'BEGELEIDER_AMA';
  enterpriseNumber: string;
  withdrawnOn: string;
  reason: string;
  /** Trajectories (casemanager Zorg) or agreements (begeleider AMA) that run on and are to be reassigned. */
  running: number;
}): EmailContent {
  const what = MANDATE_NAMES[input.kind];
  const things = input.kind === 'BEGELEIDER_AMA' ? 'AMA-overeenkomsten' : 'trajecten';
  return {
    subject: `Uw ${what} wordt ingetrokken vanaf ${input.withdrawnOn}`,
    text:
      `Beste,\n\nHet departement trekt de ${what} van uw voorziening (${formatEnterpriseNumber(input.enterpriseNumber)}) in ` +
      `vanaf ${input.withdrawnOn}. Vanaf die dag kan uw voorziening er geen nieuwe overeenkomsten of trajecten meer op starten.\n\n` +
      `Reden: ${input.reason}` +
      (input.running > 0
        ? `\n\nUw voorziening volgt nog ${input.running} lopende ${things} op. Die lopen gewoon verder tot ze aan een andere ` +
          'voorziening zijn toegewezen; het departement neemt daarover contact met u op.'
        : '') +
      SIGNATURE,
  };
}

/** To the members of a samenwerkingsverband Zorg whose mandate is withdrawn. */
export function cooperationWithdrawnEmail(input: {
  name: string;
  werkingsgebied: string;
  withdrawnOn: string;
  reason: string;
  running: number;
}): EmailContent {
  return {
    subject: `Het mandaat van ${input.name} wordt ingetrokken vanaf ${input.withdrawnOn}`,
    text:
      `Beste,\n\nHet departement trekt het mandaat van het samenwerkingsverband Zorg "${input.name}" (werkingsgebied ` +
      `${input.werkingsgebied}) in vanaf ${input.withdrawnOn}. Vanaf die dag krijgen de casemanagers Zorg van het ` +
      `samenwerkingsverband geen nieuwe trajecten meer toegewezen.\n\nReden: ${input.reason}` +
      (input.running > 0
        ? `\n\nEr lopen nog ${input.running} trajecten met een casemanager Zorg van het samenwerkingsverband. Die lopen ` +
          'gewoon verder tot ze opnieuw zijn toegewezen; het departement neemt daarover contact op.'
        : '') +
      SIGNATURE,
  };
}

/** To the department: an AMA agreement was submitted. No participant data: ids, the begeleider, dates. */
export function amaSubmittedEmail(input: { agreementId: string; begeleiderName: string; startDate: string }): EmailContent {
  return {
    subject: `AMA-overeenkomst ${input.agreementId.slice(0, 8)} ingediend door ${input.begeleiderName}`,
    text:
      `Beste,\n\n${input.begeleiderName} heeft AMA-overeenkomst ${input.agreementId} (start ${input.startDate}) bij het departement ingediend. ` +
      'Ze wacht op uw aanvaarding.' +
      SIGNATURE,
  };
}

/** To the begeleider: the department accepted or returned a submitted agreement. */
export function amaSubmissionDecidedEmail(input: { agreementId: string; accepted: boolean; reason?: string }): EmailContent {
  return {
    subject: `AMA-overeenkomst ${input.agreementId.slice(0, 8)}: ${input.accepted ? 'aanvaard' : 'teruggestuurd'}`,
    text:
      `Beste begeleider,\n\nHet departement heeft AMA-overeenkomst ${input.agreementId} ` +
      (input.accepted
        ? 'aanvaard.'
        : `teruggestuurd. Pas ze aan of vul aan, en dien ze opnieuw in.\n\nReden: ${input.reason ?? ''}`) +
      SIGNATURE,
  };
}

/** To the department: a mandate or recognition request arrived. */
export function mandateRequestedEmail(input: {
  requestId: string;
  kind: 'CASEMANAGER_ZORG' | 'BEGELEIDER_AMA';
  facilityName: string;
  enterpriseNumber: string;
}): EmailContent {
  const what = MANDATE_NAMES[input.kind];
  return {
    subject: `Nieuwe aanvraag voor een ${what}: ${input.facilityName}`,
    text:
      `Beste,

${input.facilityName} (${formatEnterpriseNumber(input.enterpriseNumber)}) vraagt een ${what} aan ` +
      `(aanvraag ${input.requestId}). De aanvraag wacht op uw beslissing.` +
      SIGNATURE,
  };
}

/** To the department: an extension request arrived. No client data: the trajectory id and the dates. */
export function extensionRequestedEmail(input: {
  requestId: string;
  trajectoryId: string;
  currentMaxEndDate: string;
  plannedEndDate: string;
}): EmailContent {
  return {
    subject: `Verlenging gevraagd voor traject ${input.trajectoryId.slice(0, 8)}`,
    text:
      `Beste,

De casemanagers van activeringstraject ${input.trajectoryId} vragen uitzonderlijk een verlenging ` +
      `tot en met ${input.plannedEndDate} (nu uiterlijk ${input.currentMaxEndDate}); aanvraag ${input.requestId}. ` +
      'De aanvraag en haar motivering wachten op uw beslissing.' +
      SIGNATURE,
  };
}

const MILESTONE_TEXT = {
  D60: 'loopt over 60 dagen af',
  D30: 'loopt over 30 dagen af',
  D7: 'loopt over 7 dagen af',
  OVERDUE: 'had moeten aflopen maar is nog niet afgesloten',
} as const;

/** The expiring-trajectory notice to both case managers. No client data: the trajectory id, network and date. */
export function trajectoryNoticeEmail(input: {
  trajectoryId: string;
  networkId: string;
  plannedEndDate: string;
  milestone: keyof typeof MILESTONE_TEXT;
}): EmailContent {
  const todo =
    input.milestone === 'OVERDUE'
      ? 'Sluit het traject af met de einddatum en de uitkomst, of vraag uitzonderlijk een verlenging aan.'
      : 'Bereid samen met de cliënt de afronding voor: sluit het traject tijdig af, of vraag uitzonderlijk een verlenging aan.';
  return {
    subject: `Traject ${input.trajectoryId.slice(0, 8)} ${MILESTONE_TEXT[input.milestone]} (${input.plannedEndDate})`,
    text:
      `Beste casemanager,\n\nHet activeringstraject ${input.trajectoryId} in netwerk ${input.networkId} ` +
      `${MILESTONE_TEXT[input.milestone]}: de geplande einddatum is ${input.plannedEndDate}.\n\n${todo}` +
      SIGNATURE,
  };
}

export function failedNoticesEmail(input: {
  date: string;
  failures: ReadonlyArray<{ trajectoryId: string; milestone: string }>;
}): EmailContent {
  return {
    subject: `Meldingen van ${input.date}: ${input.failures.length} niet verstuurd`,
    text:
      `Beste,\n\nDe dagelijkse meldingen over aflopende trajecten van ${input.date} konden niet allemaal verstuurd worden:\n\n` +
      input.failures.map((f) => `  - traject ${f.trajectoryId}, ${f.milestone}`).join('\n') +
      `\n\nZe worden bij de volgende run opnieuw geprobeerd.` +
      SIGNATURE,
  };
}

/** To the begeleider, 14 days before an evaluation. No participant data: the agreement id and the date. */
export function evaluationNoticeEmail(input: {
  agreementId: string;
  evaluationDate: string;
  werkpostName: string;
}): EmailContent {
  return {
    subject: `Evaluatie AMA-overeenkomst ${input.agreementId.slice(0, 8)} op ${input.evaluationDate}`,
    text:
      `Beste begeleider,\n\nOver 14 dagen, op ${input.evaluationDate}, staat de evaluatie gepland van de AMA-overeenkomst ` +
      `${input.agreementId} (werkpost ${input.werkpostName}). Plan het gesprek met de deelnemer en de werkpost.` +
      SIGNATURE,
  };
}

/** To a facility named as partner in an application: asked to confirm or decline its part. */
export function partnerNamedEmail(input: {
  callTitle: string;
  trackingNumber: string;
  leadName: string;
  region: string;
  role: string;
  deadline: string;
}): EmailContent {
  return {
    subject: `U bent partner in aanvraag ${input.trackingNumber}: bevestigt u uw deelname?`,
    text:
      `Beste,\n\n${input.leadName} heeft uw voorziening als partner (${input.role}) opgenomen in aanvraag ${input.trackingNumber} ` +
      `voor de oproep "${input.callTitle}", regio ${input.region}.\n\n` +
      `Bevestig of weiger uw deelname vóór ${dutchDateTime(input.deadline)} (Brusselse tijd), in de toepassing waarmee uw ` +
      'voorziening aanvragen opvolgt. Een partner telt pas mee voor de ontvankelijkheid van de aanvraag als hij bevestigt; ' +
      'zonder uw antwoord kan de penhouder de aanvraag niet indienen.' +
      SIGNATURE,
  };
}

/** To the lead: a partner confirmed or declined its part. */
export function partnerAnsweredEmail(input: {
  trackingNumber: string;
  partnerName: string;
  answer: 'CONFIRMED' | 'DECLINED';
  comment?: string | undefined;
}): EmailContent {
  const confirmed = input.answer === 'CONFIRMED';
  return {
    subject: `Aanvraag ${input.trackingNumber}: ${input.partnerName} ${confirmed ? 'bevestigt' : 'weigert'} zijn deelname`,
    text:
      `Beste,\n\n${input.partnerName} heeft zijn deelname als partner in aanvraag ${input.trackingNumber} ` +
      `${confirmed ? 'bevestigd' : 'geweigerd'}.` +
      (input.comment ? `\n\nToelichting van de partner: ${input.comment}` : '') +
      (confirmed
        ? ''
        : '\n\nEen partner die weigert, telt niet mee. Haal hem uit de aanvraag of overleg met hem vóór de indiendatum.') +
      SIGNATURE,
  };
}

/** To a partner of an application: the outcome of the selection for the network it is part of. */
export function partnerOutcomeEmail(input: {
  callTitle: string;
  trackingNumber: string;
  leadName: string;
  region: string;
  outcome: 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE';
}): EmailContent {
  return {
    subject: `Oproep "${input.callTitle}": beslissing over aanvraag ${input.trackingNumber} waarin u partner bent`,
    text:
      `Beste,\n\nHet departement heeft de selectie voor de oproep "${input.callTitle}" afgerond.\n\n` +
      `Aanvraag ${input.trackingNumber} van ${input.leadName} (regio ${input.region}), waarin uw voorziening partner is, is ` +
      `${OUTCOME_TEXT[input.outcome]}.\n\nDe penhouder kreeg de motivering en kan binnen de termijn bezwaar indienen.` +
      SIGNATURE,
  };
}
