import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApi } from './test-api.ts';
import { REGIONS } from '../../shared/domain/reference-data.ts';
import { putAll } from '../../shared/store/batch-write.ts';
import { submittedApplicationItems } from './submitted-application.ts';

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
  const created = await api.request<{ callId: string }>('POST', '/calls', {
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
  const callId = created.body.callId;
  expect((await api.request('POST', `/calls/${callId}/publish`, { token: options.token })).status).toBe(200);

  const deps = api.deps();
  const items: Record<string, unknown>[] = [];
  const submittedAt = new Date('2026-11-20T10:00:00.000Z');
  for (let i = 0; i < options.applications; i++) {
    items.push(
      ...(await submittedApplicationItems(deps, {
        callId,
        i,
        lead: options.firstEnterpriseNumber(i),
        email: `lead-${i}-${title.slice(7)}@example.org`,
        submittedAt: new Date(submittedAt.getTime() + i * 1000).toISOString(),
        reviewedAt: AFTER_DEADLINE,
        reviewer: 'seed-reviewer',
        createdAt: T0,
      })),
    );
  }
  await putAll(deps, items);
  api.setNow(AFTER_DEADLINE);
  return { callId, title };
}
