import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../shared/runtime/deps.ts';
import { addRecognition, insertFacility, newFacilityRecord } from '../../shared/store/facilities.ts';
import type { Province, RecognitionAuthority, Region } from '../../shared/domain/reference-data.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { inBrusselsTime } from '../../shared/domain/deadline.ts';
import { issueReceipt } from '../../shared/domain/receipt.ts';
import type { CallInput } from '../../shared/schemas/calls.ts';
import { insertApplication, newApplicationRecord, submitApplication, submittedContent } from '../../shared/store/applications.ts';
import { insertCall, newCallRecord } from '../../shared/store/calls.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { insertAgreement, newAgreement, newAgreementId, newWerkpost } from '../../shared/store/ama.ts';
import { sealParticipantIdentity } from '../../shared/runtime/participant-identity.ts';
import { decideMandateRequest, insertMandateRequest } from '../../shared/store/mandates.ts';
import { putAll } from '../../shared/store/batch-write.ts';
import { queueItemPut } from '../../shared/store/queue.ts';
import { mandateRequestLine } from '../../shared/domain/queue.ts';
import { insertCooperation, newCooperationRecord } from '../../shared/store/cooperations.ts';
import { networkItem } from '../../shared/store/selection.ts';
import { cooperationMandatePeriod } from '../../shared/domain/cooperation.ts';
import { addDays } from '../../shared/domain/trajectory-dates.ts';
import '../../shared/runtime/secrets-client.ts';

/** Demo facilities (fictitious organisations with valid enterprise numbers) and their recognitions. */
export const DEMO_FACILITIES: ReadonlyArray<{
  enterpriseNumber: string;
  name: string;
  province: Province;
  email: string;
  recognitions: ReadonlyArray<{ authority: RecognitionAuthority; reference: string; validFrom: string; validUntil?: string }>;
}> = [
  {
    enterpriseNumber: '0123456749',
    name: 'Jeugdhulp De Brug vzw',
    province: 'ANTWERPEN',
    email: 'info@debrug.example',
    recognitions: [
      { authority: 'JONGERENWELZIJN', reference: 'JW-2018-0042', validFrom: '2018-05-01', validUntil: '2028-04-30' },
    ],
  },
  {
    enterpriseNumber: '0411905847',
    name: 'Dienstverlening Het Anker vzw',
    province: 'OOST_VLAANDEREN',
    email: 'contact@hetanker.example',
    recognitions: [{ authority: 'VAPH', reference: 'VAPH-2017-118', validFrom: '2017-01-01' }],
  },
  {
    enterpriseNumber: '0207437468',
    name: 'Centrum Geestelijke Gezondheidszorg Kempen',
    province: 'ANTWERPEN',
    email: 'secretariaat@cggkempen.example',
    recognitions: [
      { authority: 'ZORG_EN_GEZONDHEID', reference: 'ZG-CGG-07', validFrom: '2016-01-01', validUntil: '2030-12-31' },
    ],
  },
  {
    enterpriseNumber: '0860271224',
    name: 'CAW Limburg',
    province: 'LIMBURG',
    email: 'onthaal@cawlimburg.example',
    recognitions: [
      { authority: 'WELZIJN', reference: 'CAW-LIM-01', validFrom: '2015-01-01' },
      { authority: 'JONGERENWELZIJN', reference: 'JW-2019-0311', validFrom: '2019-01-01', validUntil: '2024-12-31' },
    ],
  },
];

/** Loads the demo data, but only into an empty table. Returns how many facilities were added. */
/** The demo call: published, its deadline 30 days after the first `npm start`, at noon Brussels time. */
export function demoCallInput(now: Date): CallInput {
  const deadlineDay = brusselsDateOf(new Date(now.getTime() + 30 * 24 * 3600 * 1000));
  return {
    title: 'Oproep netwerken activeringstrajecten 2027-2031',
    description:
      'Het departement WVG zoekt per regio netwerken van dienstverleners (werk en zorg/welzijn) die activeringstrajecten uitvoeren.',
    regions: ['ANTWERPEN', 'GENT', 'LIMBURG', 'KEMPEN'],
    submissionDeadline: new Date(`${deadlineDay}T12:00:00${inBrusselsTime(`${deadlineDay}T10:00:00Z`).slice(-6)}`).toISOString(),
    maxNetworksPerRegion: 2,
    criteria: [
      { id: 'approach', title: 'Geïntegreerde aanpak werk en zorg', weight: 3, maxScore: 10, minScore: 4 },
      { id: 'network', title: 'Samenstelling en samenwerking van het netwerk', weight: 2, maxScore: 10 },
      { id: 'reach', title: 'Bereik van de doelgroep', weight: 1, maxScore: 5 },
    ],
    requiredPartnerRecognitions: ['JONGERENWELZIJN', 'VAPH'],
    minReviewsPerApplication: 1,
  };
}

const DEMO_APPLICATIONS: ReadonlyArray<{ lead: string; region: Region; partners: string[]; submit: boolean }> = [
  { lead: '0123456749', region: 'ANTWERPEN', partners: ['0207437468'], submit: true },
  { lead: '0411905847', region: 'GENT', partners: ['0123456749'], submit: true },
  { lead: '0860271224', region: 'LIMBURG', partners: ['0411905847'], submit: false },
  { lead: '0207437468', region: 'KEMPEN', partners: ['0860271224'], submit: false },
];

/** The body of a demo application (the API reference's examples are these too). */
export function demoApplicationInput(region: Region, partners: readonly string[]) {
  return {
    region,
    partners: partners.map((enterpriseNumber) => ({ enterpriseNumber, role: 'zorg- en welzijnspartner' })),
    proposal: {
      summary: `Netwerk voor activeringstrajecten in de regio ${region}.`,
      criteria: {
        approach: 'Werk- en zorgacties lopen van bij de start tegelijk, in één plan met de cliënt.',
        network: 'Maandelijks casusoverleg tussen de casemanagers en alle partners.',
        reach: 'Aanmelding via VDAB, het CAW en de centra geestelijke gezondheidszorg.',
      },
    },
  };
}

/** CAW Limburg's request to be recognised as begeleider AMA (granted in the demo data). */
export const DEMO_BEGELEIDER_REQUEST = {
  kind: 'BEGELEIDER_AMA',
  qualifiedStaff: 2,
  liabilityInsurance: { insurer: 'Ethias', policyReference: 'BA-CAW-LIM-2018' },
  requestedBy: { name: 'Directeur CAW Limburg', role: 'algemeen directeur', mayBindOrganisation: true },
  motivation: 'Arbeidszorg in Limburg.',
} as const;

/** CAW Limburg's werkposten. */
export const DEMO_WERKPOSTEN = [
  {
    name: 'Kringwinkel Hasselt',
    address: { street: 'Kuringersteenweg 10', postcode: '3500', municipality: 'Hasselt' },
    activities: 'Sorteren en herstellen van tweedehandsgoederen.',
    places: 4,
  },
  {
    name: 'Zorgboerderij De Hoeve',
    address: { street: 'Hoevestraat 3', postcode: '3600', municipality: 'Genk' },
    activities: 'Dieren verzorgen en moestuinwerk.',
    places: 2,
  },
] as const;

/** The demo agreement's participant: made up (the number has valid check digits but belongs to no one we know of). */
export const DEMO_PARTICIPANT = {
  reference: 'DEMO-AMA-0001',
  birthDate: '1985-03-14',
  name: 'Sam Voorbeeld',
  nationalRegisterNumber: '85031412302',
} as const;

/** The demo agreement (but its participant) for a werkpost, starting on `start`. */
export function demoAgreementTerms(werkpostId: string, start: string) {
  return {
    werkpostId,
    activities: 'Sorteren van kleding en boeken, twee voormiddagen per week.',
    weeklySchedule: [
      { day: 'DI' as const, from: '09:00', to: '12:00' },
      { day: 'DO' as const, from: '09:00', to: '12:00' },
    ],
    startDate: start,
    evaluationDates: [addDays(start, 90), addDays(start, 180)],
    insurance: { insurer: 'Ethias', policyReference: 'AMA-2026-0042' },
    werkpostbegeleider: { name: 'Verantwoordelijke Kringwinkel Hasselt', phone: '011 12 34 56' },
    participantStatus: { permission: 'VDAB_REFERRAL' as const, reference: 'VDAB-TOELEIDING-0001' },
    guidance: 'Wekelijks gesprek met de begeleider AMA; een vaste peter op de werkpost.',
    endingConditions: 'Elke partij kan de overeenkomst beëindigen met een opzeg van twee weken.',
  };
}

/** The demo samenwerkingsverband Zorg of ANTWERPEN (De Brug the penhouder, CGG Kempen, Het Anker). */
export const DEMO_COOPERATION = {
  name: 'Samenwerkingsverband Zorg Antwerpen',
  werkingsgebied: 'ANTWERPEN',
  leadEnterpriseNumber: '0123456749',
  members: [
    { enterpriseNumber: '0123456749', icfTrainedStaff: 3 },
    { enterpriseNumber: '0207437468', icfTrainedStaff: 2 },
    { enterpriseNumber: '0411905847', icfTrainedStaff: 1 },
  ],
  validFrom: '2023-07-01',
} as const;

/** Fixed ids of the demo samenwerkingsverband and network, so the README's walk-through pastes as it is. */
export const DEMO_COOPERATION_ID = '5a3c0b9e-6d1f-4c2a-9b7e-000000000001';
export const DEMO_NETWORK_ID = '5a3c0b9e-6d1f-4c2a-9b7e-000000000002';

/** Loads the demo data, but only into an empty table. Returns what was added. */
export async function loadDemoDataIfEmpty(
  deps: Deps,
): Promise<{ facilities: number; calls: number; applications: number } | undefined> {
  const existing = await deps.ddb.send(new ScanCommand({ TableName: deps.tableName, Limit: 1 }));
  if ((existing.Items ?? []).length > 0) return undefined;
  const audit = { actor: 'demo-data', now: deps.clock() };
  for (const facility of DEMO_FACILITIES) {
    await insertFacility(deps, newFacilityRecord(facility, audit));
    for (const recognition of facility.recognitions) {
      await addRecognition(deps, facility.enterpriseNumber, recognition, audit);
    }
  }

  const call = newCallRecord(demoCallInput(audit.now), audit);
  call.status = 'PUBLISHED';
  call.history.push(historyEntry(audit, 'published', { from: 'DRAFT', to: 'PUBLISHED' }));
  call.version = 2;
  await insertCall(deps, call);
  for (const demo of DEMO_APPLICATIONS) {
    const application = newApplicationRecord(call.callId, demo.lead, demoApplicationInput(demo.region, demo.partners), audit);
    // The submitted ones have their partners' confirmation (rule partners-confirmed); the drafts still wait for it.
    if (demo.submit) {
      application.partnerAnswers = Object.fromEntries(
        demo.partners.map((en) => [
          en,
          { answer: 'CONFIRMED' as const, answeredAt: audit.now.toISOString(), answeredBy: 'demo-data' },
        ]),
      );
    }
    await insertApplication(deps, application, audit.now);
    if (demo.submit) {
      const receipt = issueReceipt(application, submittedContent(application), audit.now, await deps.receiptKey());
      await submitApplication(deps, application, receipt, audit);
    }
  }
  // Activation trajectories under the 2022 rules: a samenwerkingsverband Zorg mandated for ANTWERPEN (De Brug
  // the penhouder, CGG Kempen, Het Anker) and a network for ANTWERPEN registered by hand, so a casemanager
  // Werk can record a start at once (README "A trajectory, from VDAB's start to its closing").
  await insertCooperation(
    deps,
    newCooperationRecord(
      {
        cooperationId: DEMO_COOPERATION_ID,
        name: DEMO_COOPERATION.name,
        werkingsgebied: DEMO_COOPERATION.werkingsgebied,
        leadEnterpriseNumber: DEMO_COOPERATION.leadEnterpriseNumber,
        members: DEMO_COOPERATION.members.map((member) => ({ ...member })),
        mandate: cooperationMandatePeriod(DEMO_COOPERATION.validFrom),
      },
      audit,
    ),
  );
  await putAll(deps, [
    networkItem({
      networkId: DEMO_NETWORK_ID,
      callId: 'outside-the-system',
      runId: 'manual',
      applicationId: '',
      region: 'ANTWERPEN',
      leadEnterpriseNumber: '0123456749',
      partners: [
        { enterpriseNumber: '0207437468', role: 'zorgpartner' },
        { enterpriseNumber: '0860271224', role: 'werkpartner' },
      ],
      appointedAt: '2024-01-01T00:00:00.000Z',
      registeredManually: true,
    }) as unknown as Record<string, unknown>,
  ]);
  // The department's queue: Het Anker asks to be recognised as begeleider AMA (it waits, as a request made through the API would).
  const anker = DEMO_FACILITIES.find((f) => f.enterpriseNumber === '0411905847')!;
  await insertMandateRequest(
    deps,
    anker.enterpriseNumber,
    {
      kind: 'BEGELEIDER_AMA',
      qualifiedStaff: 1,
      liabilityInsurance: { insurer: 'KBC Verzekeringen', policyReference: 'BA-ANKER-2026' },
      requestedBy: { name: 'Coördinator Het Anker', role: 'coördinator', mayBindOrganisation: true },
      motivation: 'Arbeidsmatige activiteiten in onze werkplaats.',
    },
    audit,
    (request) => [queueItemPut(deps, mandateRequestLine(request, anker))],
  );
  // AMA: CAW Limburg is a recognised begeleider AMA with two werkposten and one agreement (signed by two parties).
  const begeleider = '0860271224';
  const mandate = await insertMandateRequest(deps, begeleider, DEMO_BEGELEIDER_REQUEST, audit);
  await decideMandateRequest(deps, mandate, { status: 'GRANTED', validFrom: '2023-07-01', validUntil: '2028-06-30' }, audit);
  const werkposten = DEMO_WERKPOSTEN.map((werkpost) =>
    newWerkpost(begeleider, { ...werkpost, address: { ...werkpost.address } }, audit),
  );
  await putAll(deps, werkposten as unknown as Record<string, unknown>[]);
  const start = brusselsDateOf(new Date(audit.now.getTime() + 14 * 24 * 3600 * 1000));
  // A made-up participant (the number has valid check digits but belongs to no one we know of), sealed as the API seals it.
  const agreementId = newAgreementId();
  const sealedIdentity = await sealParticipantIdentity(deps, agreementId, {
    name: DEMO_PARTICIPANT.name,
    nationalRegisterNumber: DEMO_PARTICIPANT.nationalRegisterNumber,
  });
  const agreement = newAgreement(
    begeleider,
    agreementId,
    {
      participant: { reference: DEMO_PARTICIPANT.reference, birthDate: DEMO_PARTICIPANT.birthDate },
      ...demoAgreementTerms(werkposten[0]!.werkpostId, start),
    },
    sealedIdentity,
    audit,
  );
  const signedOn = brusselsDateOf(audit.now);
  agreement.signatures = [
    {
      party: 'BEGELEIDER',
      signerName: 'Begeleider CAW Limburg',
      method: 'ELECTRONIC',
      signedOn,
      electronicReference: 'DEMO-ESIGN-0001',
      recordedBy: 'demo-data',
      signedAt: audit.now.toISOString(),
    },
    {
      party: 'WERKPOST',
      signerName: 'Verantwoordelijke Kringwinkel',
      method: 'SCANNED_PAPER',
      signedOn,
      scanSha256: '9f2c1d0e6b7a8c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5',
      recordedBy: 'demo-data',
      signedAt: audit.now.toISOString(),
    },
  ];
  await insertAgreement(deps, agreement, ['facility']);
  return { facilities: DEMO_FACILITIES.length, calls: 1, applications: DEMO_APPLICATIONS.length };
}
