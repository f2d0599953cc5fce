import { nationalRegisterCheckDigits } from '../../shared/domain/national-register-number.ts';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { checkDigitsFor } from '../../shared/domain/enterprise-number.ts';
import type { FacilityView } from '../../shared/schemas/facilities.ts';
import type { TestApi } from './test-api.ts';

/** A valid enterprise number from any eight digits. */
export function enterpriseNumber(first8: number): string {
  const head = String(first8).padStart(8, '0');
  return `${head}${String(checkDigitsFor(head)).padStart(2, '0')}`;
}

/** A unique mailbox, so emails of parallel test files never mix in the shared SES emulator. */
export function mailbox(name: string): string {
  return `${name}-${randomUUID().slice(0, 8)}@example.org`;
}

export async function registerFacility(
  api: TestApi,
  token: string,
  en: string,
  options: { email?: string; recognitions?: Array<{ authority: string; validFrom: string; validUntil?: string }> } = {},
) {
  const created = await api.request<FacilityView>('POST', '/facilities', {
    token,
    body: { enterpriseNumber: en, name: `Voorziening ${en}`, province: 'ANTWERPEN', email: options.email ?? mailbox(en) },
  });
  expect(created.status, created.text).toBe(201);
  for (const recognition of options.recognitions ?? []) {
    const added = await api.request('POST', `/facilities/${en}/recognitions`, {
      token,
      body: { reference: `REF-${en}`, ...recognition },
    });
    expect(added.status, added.text).toBe(201);
  }
  return created.body;
}

export const CRITERIA = [
  { id: 'approach', title: 'Aanpak', weight: 3, maxScore: 10, minScore: 4 },
  { id: 'network', title: 'Samenwerking in het netwerk', weight: 2, maxScore: 10 },
];

export function callBody(deadline: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Oproep netwerken activeringstrajecten 2027',
    description: 'Netwerken van dienstverleners voor activeringstrajecten.',
    regions: ['ANTWERPEN', 'GENT', 'LIMBURG'],
    submissionDeadline: deadline,
    maxNetworksPerRegion: 2,
    criteria: CRITERIA,
    ...overrides,
  };
}

export function applicationBody(
  region: string,
  partners: Array<{ enterpriseNumber: string; role: string }>,
  overrides: Record<string, unknown> = {},
) {
  return {
    region,
    partners,
    proposal: {
      summary: 'Een geïntegreerd werk- en zorgaanbod in de regio.',
      criteria: { approach: 'Twee sporen tegelijk: werk en zorg.', network: 'Vaste overlegmomenten met alle partners.' },
    },
    ...overrides,
  };
}

/** A request for recognition as begeleider AMA that meets its conditions (override to break one). */
export function begeleiderAmaRequest(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'BEGELEIDER_AMA',
    qualifiedStaff: 2,
    liabilityInsurance: { insurer: 'Ethias', policyReference: 'BA-2026-17' },
    requestedBy: { name: 'Directeur', role: 'algemeen directeur', mayBindOrganisation: true },
    motivation: 'Arbeidszorg met ervaren begeleiders.',
    ...overrides,
  };
}

/**
 * An AMA participant as the begeleider types it: a made-up name and a national register number that agrees
 * with the birth date (serial from the reference, so numbers differ between participants).
 */
export function amaParticipant(reference: string, birthDate: string) {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const serial = String(100 + ([...reference].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 800)).padStart(3, '0');
  const firstNine = `${year.slice(2)}${month}${day}${serial}`;
  const check = nationalRegisterCheckDigits(firstNine, Number(year) >= 2000);
  return {
    reference,
    birthDate,
    name: `Deelnemer ${reference}`,
    nationalRegisterNumber: `${firstNine}${String(check).padStart(2, '0')}`,
  };
}
