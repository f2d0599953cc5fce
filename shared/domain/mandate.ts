/**
 * Mandates granted by the department through one request-and-decision mechanism with a kind: the mandate
 * as casemanager Zorg (needed to open trajectories) and the recognition as begeleider AMA.
 */
export const MANDATE_KINDS = ['CASEMANAGER_ZORG', 'BEGELEIDER_AMA'] as const;
export type MandateKind = (typeof MANDATE_KINDS)[number];
export type MandateStatus = 'REQUESTED' | 'GRANTED' | 'REFUSED';

export interface Mandate {
  kind: MandateKind;
  status: MandateStatus;
  validFrom?: string;
  validUntil?: string;
}

/** A request (mandate, extension) is decided once: only while it is REQUESTED (rule `status-transitions`). */
export function isAwaitingDecision(request: { status: string }): boolean {
  return request.status === 'REQUESTED';
}

/** "Holds a valid mandate of `kind` on date D": granted, and D within [validFrom, validUntil]. */
export function holdsValidMandate(mandates: readonly Mandate[], kind: MandateKind, date: string): boolean {
  return mandates.some(
    (m) =>
      m.kind === kind &&
      m.status === 'GRANTED' &&
      m.validFrom !== undefined &&
      m.validFrom <= date &&
      (m.validUntil === undefined || date <= m.validUntil),
  );
}
