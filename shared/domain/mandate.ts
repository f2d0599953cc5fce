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
  /** Withdrawn by the department: it stops counting from this date (Europe/Brussels). */
  withdrawnOn?: string;
}

/** Rule `mandate-withdrawal`: only a granted mandate is withdrawn, once, from a date not before it started. */
export function withdrawalViolations(mandate: Mandate, withdrawnOn: string): Array<{ path: string; message: string; rule: string }> {
  const rule = 'mandate-withdrawal';
  if (mandate.status !== 'GRANTED') return [{ path: 'requestId', rule, message: `The request is ${mandate.status}: only a granted mandate is withdrawn.` }];
  if (mandate.withdrawnOn !== undefined) return [{ path: 'requestId', rule, message: `It was withdrawn already, from ${mandate.withdrawnOn}.` }];
  if (mandate.validFrom !== undefined && withdrawnOn < mandate.validFrom) {
    return [{ path: 'withdrawnOn', rule, message: `The mandate starts on ${mandate.validFrom}; withdraw it from then or later.` }];
  }
  return [];
}

/** A request (mandate, extension) is decided once: only while it is REQUESTED (rule `status-transitions`). */
export function isAwaitingDecision(request: { status: string }): boolean {
  return request.status === 'REQUESTED';
}

/**
 * "Holds a valid mandate of `kind` on date D": granted, D within [validFrom, validUntil], and not withdrawn on
 * or before D (rule `mandate-withdrawal`).
 */
export function holdsValidMandate(mandates: readonly Mandate[], kind: MandateKind, date: string): boolean {
  return validMandateOn(mandates, kind, date) !== undefined;
}

/** The mandate of `kind` valid on `date`, if any (the one an agreement or trajectory is made under). */
export function validMandateOn<M extends Mandate>(mandates: readonly M[], kind: MandateKind, date: string): M | undefined {
  return mandates.find(
    (m) =>
      m.kind === kind &&
      m.status === 'GRANTED' &&
      m.validFrom !== undefined &&
      m.validFrom <= date &&
      (m.validUntil === undefined || date <= m.validUntil) &&
      (m.withdrawnOn === undefined || date < m.withdrawnOn),
  );
}
