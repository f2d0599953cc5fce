import { formatEnterpriseNumber } from '../domain/enterprise-number.ts';
import { inBrusselsTime } from '../domain/deadline.ts';
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

/** `2026-12-01T12:00:00+01:00` → `1 december 2026 om 12:00` (Brussels time). */
export function dutchDateTime(instant: string): string {
  return new Intl.DateTimeFormat('nl-BE', {
    timeZone: 'Europe/Brussels',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(instant))
    .replace(/(\d{4}) (\d{2}:\d{2})/, '$1 om $2');
}

export function deadlineExtendedEmail(input: {
  callTitle: string;
  applicationTrackingNumber: string;
  leadEnterpriseNumber: string;
  newDeadline: string;
  previousDeadline: string;
  reason: string;
}): EmailContent {
  return {
    subject: `Oproep "${input.callTitle}": de indieningstermijn is verlengd`,
    text:
      `Beste,\n\nDe indieningstermijn van de oproep "${input.callTitle}" is verlengd ` +
      `van ${dutchDateTime(input.previousDeadline)} tot ${dutchDateTime(input.newDeadline)} (Brusselse tijd).\n\n` +
      `Reden: ${input.reason}\n\n` +
      `Uw voorziening (${formatEnterpriseNumber(input.leadEnterpriseNumber)}) heeft een aanvraag in ontwerp ` +
      `(dossiernummer ${input.applicationTrackingNumber}). Vergeet niet ze vóór de nieuwe termijn in te dienen.` +
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
