import type { Province, Region } from './reference-data.ts';

/**
 * The department's work queue: what waits for a decision of the department, per kind.
 * - `MANDATE_REQUEST`: a facility's request for a mandate as casemanager Zorg or a recognition as begeleider AMA;
 * - `EXTENSION_REQUEST`: a casemanager's request to extend a trajectory beyond 18 months;
 * - `OBJECTION`: a lead's objection against the outcome of a call;
 * - `AMA_SUBMISSION`: an AMA agreement submitted by its begeleider;
 * - `CALL_REVIEW`: a call whose deadline has passed, with submitted applications to review and select.
 * An item enters the queue in the same transaction that creates the work (with one email to the
 * department's functional mailbox) and leaves it in the transaction that decides it; `CALL_REVIEW` lines
 * are read from the calls themselves (a call leaves the queue when its selection is decided).
 */
export const QUEUE_KINDS = ['MANDATE_REQUEST', 'EXTENSION_REQUEST', 'OBJECTION', 'AMA_SUBMISSION', 'CALL_REVIEW'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** A line of the queue: ids, dates and names of organisations, never a client's or participant's data. */
export interface QueueLine {
  kind: QueueKind;
  /** The id of what waits (request, agreement, application, call). */
  subjectId: string;
  /** Since when it waits (an instant). */
  since: string;
  /** One line for a civil servant, in Dutch, without personal data. */
  title: string;
  /** Where to find it in the API. */
  href: string;
  /** A finer kind where one exists (the mandate's kind: `CASEMANAGER_ZORG`, `BEGELEIDER_AMA`). */
  subKind?: string;
  region?: Region;
  /** The regions of a call (`CALL_REVIEW`). */
  regions?: readonly Region[];
  province?: Province;
  enterpriseNumber?: string;
}

/** Does a line concern the region (its own, or one of its call's)? */
export function concernsRegion(line: Pick<QueueLine, 'region' | 'regions'>, region: Region): boolean {
  return line.region === region || (line.regions ?? []).includes(region);
}

/** Whole days a line has waited on `now` (0 on the day it came in; never negative). */
export function ageInDays(since: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 86_400_000));
}

const MANDATE_KIND_NL: Record<string, string> = {
  CASEMANAGER_ZORG: 'mandaat casemanager Zorg',
  BEGELEIDER_AMA: 'erkenning als begeleider AMA',
};

/** A facility's mandate or recognition request waits for the department's decision. */
export function mandateRequestLine(
  request: { requestId: string; kind: string; createdAt: string; enterpriseNumber: string },
  facility: { name: string; province: Province },
): QueueLine {
  return {
    kind: 'MANDATE_REQUEST',
    subjectId: request.requestId,
    since: request.createdAt,
    title: `Aanvraag ${MANDATE_KIND_NL[request.kind] ?? request.kind} van ${facility.name}`,
    href: `/facilities/${request.enterpriseNumber}/mandate-requests`,
    subKind: request.kind,
    province: facility.province,
    enterpriseNumber: request.enterpriseNumber,
  };
}

/** A trajectory's extension beyond its maximum end waits for the department's decision. */
export function extensionRequestLine(
  request: { requestId: string; trajectoryId: string; requestedAt: string; plannedEndDate: string },
  trajectory: { werkingsgebied?: Region },
): QueueLine {
  return {
    kind: 'EXTENSION_REQUEST',
    subjectId: request.requestId,
    since: request.requestedAt,
    title: `Verlenging van een traject tot ${request.plannedEndDate}`,
    href: `/trajectories/${request.trajectoryId}`,
    ...(trajectory.werkingsgebied ? { region: trajectory.werkingsgebied } : {}),
  };
}

/** A lead's objection against a call's outcome waits for the department's answer. */
export function objectionLine(
  application: { callId: string; applicationId: string; region: Region; leadEnterpriseNumber: string; trackingNumber: string },
  objection: { lodgedAt: string; decision?: 'UPHELD' | 'REJECTED' | undefined },
  call: { title: string },
): QueueLine {
  // An upheld objection stays in the queue until the department has decided its region again.
  const upheld = objection.decision === 'UPHELD';
  return {
    kind: 'OBJECTION',
    subjectId: application.applicationId,
    since: objection.lodgedAt,
    subKind: upheld ? 'UPHELD' : 'LODGED',
    title: upheld
      ? `Gegrond bezwaar in "${call.title}" (aanvraag ${application.trackingNumber}): beslis opnieuw over regio ${application.region}`
      : `Bezwaar tegen de uitkomst van "${call.title}" (aanvraag ${application.trackingNumber})`,
    href: `/calls/${application.callId}/applications/${application.applicationId}`,
    region: application.region,
    enterpriseNumber: application.leadEnterpriseNumber,
  };
}

/** An AMA agreement submitted by its begeleider waits to be accepted or returned. */
export function amaSubmissionLine(
  agreement: { agreementId: string; begeleiderEnterpriseNumber: string; startDate: string },
  submittedAt: string,
  begeleider: { name: string; province: Province } | undefined,
): QueueLine {
  return {
    kind: 'AMA_SUBMISSION',
    subjectId: agreement.agreementId,
    since: submittedAt,
    title: `Ingediende AMA-overeenkomst van ${begeleider?.name ?? agreement.begeleiderEnterpriseNumber}, start ${agreement.startDate}`,
    href: `/ama-agreements/${agreement.agreementId}`,
    ...(begeleider ? { province: begeleider.province } : {}),
    enterpriseNumber: agreement.begeleiderEnterpriseNumber,
  };
}

/**
 * A call whose deadline has passed while it is still published (its applications wait for review and
 * selection), or whose selection failed (it waits for a new start): one line per call, since its deadline.
 */
export function callReviewLine(call: {
  callId: string;
  title: string;
  submissionDeadline: string;
  regions: readonly Region[];
  status: string;
}): QueueLine {
  const failed = call.status === 'SELECTION_FAILED';
  return {
    kind: 'CALL_REVIEW',
    subjectId: call.callId,
    since: call.submissionDeadline,
    title: failed
      ? `De selectie voor "${call.title}" mislukte: start ze opnieuw`
      : `De termijn van "${call.title}" is verstreken: de aanvragen wachten op beoordeling en selectie`,
    href: `/calls/${call.callId}`,
    subKind: failed ? 'SELECTION_FAILED' : 'REVIEW',
    regions: call.regions,
  };
}
