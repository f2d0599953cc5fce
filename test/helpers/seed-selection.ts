import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApi } from './test-api.ts';
import { REGIONS } from '../../shared/domain/reference-data.ts';
import { contentHash } from '../../shared/domain/canonical-json.ts';
import { signReceipt } from '../../shared/domain/receipt.ts';
import { newApplicationRecord, submittedContent } from '../../shared/store/applications.ts';
import { newFacilityRecord } from '../../shared/store/facilities.ts';
import { putAll } from '../../shared/store/selection.ts';

export const SEED_DEADLINE = '2026-12-01T12:00:00+01:00';
const T0 = '2026-11-02T09:00:00.000Z';
const AFTER_DEADLINE = '2026-12-02T09:00:00.000Z';

/**
 * A published call whose deadline has passed, with `applications` submitted applications over all regions,
 * each with one review: written straight into the table (the API path is tested elsewhere; this is volume).
 * Leaves the clock after the deadline.
 */
export async function seedSubmittedCall(
  api: TestApi,
  options: { token: string; applications: number; maxNetworksPerRegion: number; firstEnterpriseNumber: (i: number) => string },
): Promise<{ callId: string; title: string }> {
  api.setNow(T0);
  const title = `Schaal ${randomUUID().slice(0, 8)}`;
  const created = await api.request('POST', '/calls', {
    token: options.token,
    body: {
      title,
      description: 'Volume',
      regions: [...REGIONS],
      submissionDeadline: SEED_DEADLINE,
      maxNetworksPerRegion: options.maxNetworksPerRegion,
      criteria: [
        { id: 'approach', title: 'Aanpak', weight: 3, maxScore: 10, minScore: 2 },
        { id: 'network', title: 'Netwerk', weight: 2, maxScore: 10 },
      ],
    },
  });
  expect(created.status, created.text).toBe(201);
  const callId = created.body.callId as string;
  expect((await api.request('POST', `/calls/${callId}/publish`, { token: options.token })).status).toBe(200);

  const deps = api.deps();
  const items: Record<string, unknown>[] = [];
  const submittedAt = new Date('2026-11-20T10:00:00.000Z');
  for (let i = 0; i < options.applications; i++) {
    const lead = options.firstEnterpriseNumber(i);
    const audit = { actor: 'seed', now: new Date(T0) };
    const facility = newFacilityRecord(
      {
        enterpriseNumber: lead,
        name: `Voorziening ${i}`,
        province: 'ANTWERPEN',
        email: `lead-${i}-${title.slice(7)}@example.org`,
      },
      audit,
    );
    facility.recognitions = {
      r1: {
        recognitionId: 'r1',
        authority: 'VAPH',
        reference: `V-${i}`,
        validFrom: '2018-01-01',
        createdAt: T0,
        createdBy: 'seed',
      },
    };
    const region = REGIONS[i % REGIONS.length]!;
    const application = newApplicationRecord(
      callId,
      lead,
      { region, partners: [], proposal: { summary: `Aanvraag ${i}`, criteria: { approach: 'a', network: 'n' } } },
      audit,
    );
    const at = new Date(submittedAt.getTime() + i * 1000).toISOString();
    const receipt = signReceipt(
      {
        applicationId: application.applicationId,
        trackingNumber: application.trackingNumber,
        submittedAt: at,
        contentHash: contentHash(submittedContent(application)),
      },
      deps.receiptKey(),
    );
    application.status = 'SUBMITTED';
    application.submittedVersions = 1;
    application.receipt = receipt;
    const scores = { approach: 2 + ((i * 7) % 9), network: (i * 3) % 11 };
    items.push(
      facility as unknown as Record<string, unknown>,
      application as unknown as Record<string, unknown>,
      { PK: application.PK, SK: `LEAD#${region}#${lead}`, entity: 'LeadMarker', applicationId: application.applicationId },
      {
        PK: application.PK,
        SK: `APPVER#${application.applicationId}#0001`,
        entity: 'ApplicationVersion',
        version: 1,
        content: submittedContent(application),
        receipt,
      },
      {
        PK: application.PK,
        SK: `DECL#${application.applicationId}#seed-reviewer`,
        entity: 'Declaration',
        applicationId: application.applicationId,
        reviewer: 'seed-reviewer',
        declaredAt: AFTER_DEADLINE,
      },
      {
        PK: application.PK,
        SK: `REVIEW#${application.applicationId}#seed-reviewer`,
        entity: 'Review',
        applicationId: application.applicationId,
        reviewer: 'seed-reviewer',
        scores,
        comment: 'seed',
        declaredAt: AFTER_DEADLINE,
        version: 1,
        createdAt: AFTER_DEADLINE,
        createdBy: 'seed-reviewer',
        updatedAt: AFTER_DEADLINE,
        updatedBy: 'seed-reviewer',
      },
    );
  }
  await putAll(deps, items);
  api.setNow(AFTER_DEADLINE);
  return { callId, title };
}
