import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { enterpriseNumber } from '../helpers/fixtures.ts';
import { REGIONS } from '../../shared/domain/reference-data.ts';
import { seedSubmittedCall } from '../helpers/seed-selection.ts';

/**
 * A call with 1,000 applications: the selection must stay within DynamoDB's 100-item transactions (it uses
 * none for the decision) and Step Functions' 256 KB between states (it passes references).
 */
const APPLICATIONS = 1000;
const MAX_PER_REGION = 3;
const STATE_LIMIT = 256 * 1024;
let api: TestApi;
let largestState = 0;
const taskErrors: string[] = [];

beforeAll(async () => {
  api = await startTestApi({
    workflows: {
      wrapTask: (stateName, task) => async (input) => {
        let output: unknown;
        try {
          output = await task(input);
        } catch (error) {
          taskErrors.push(`${stateName}: ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`);
          throw error;
        }
        largestState = Math.max(largestState, JSON.stringify(input).length, JSON.stringify(output ?? null).length);
        return output;
      },
    },
  });
}, 120_000);
afterAll(() => api.close());

describe('selection at scale', () => {
  it(`decides a call of ${APPLICATIONS} applications with small states, one network per place and one email per lead`, async () => {
    const department = await api.token({ role: 'department', sub: 'dept-scale' });
    const seeded = await seedSubmittedCall(api, {
      token: department,
      applications: APPLICATIONS,
      maxNetworksPerRegion: MAX_PER_REGION,
      firstEnterpriseNumber: (i) => enterpriseNumber(7_000_000 + i),
    });
    const started = await api.request('POST', `/calls/${seeded.callId}/selection`, { token: department, body: {} });
    expect(started.status, started.text).toBe(202);
    const execution = await api.workflows!.stepFunctions.waitFor(started.body.executionId);
    expect(execution.status, `${taskErrors.join('\n')}\n${JSON.stringify(execution).slice(0, 2000)}`).toBe('SUCCEEDED');
    expect(largestState).toBeLessThan(4 * 1024);
    expect(largestState).toBeLessThan(STATE_LIMIT);

    const status = await api.request('GET', `/calls/${seeded.callId}/selection`, { token: department });
    const regions = status.body.decision.regions as Array<{
      region: string;
      applications: Array<{ score: number; rank: number | null; outcome: string }>;
    }>;
    expect(regions.map((r) => r.region)).toEqual([...REGIONS]);
    expect(regions.reduce((n, r) => n + r.applications.length, 0)).toBe(APPLICATIONS);
    for (const region of regions) {
      const selected = region.applications.filter((a) => a.outcome === 'SELECTED');
      expect(selected.map((a) => a.rank)).toEqual([1, 2, 3]);
      const worstSelected = Math.min(...selected.map((a) => a.score));
      for (const other of region.applications.filter((a) => a.outcome !== 'SELECTED'))
        expect(other.score).toBeLessThanOrEqual(worstSelected);
    }
    const networks: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: unknown[]; nextCursor: string | null } } = await api.request(
        'GET',
        `/networks?callId=${seeded.callId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { token: department },
      );
      networks.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(networks).toHaveLength(REGIONS.length * MAX_PER_REGION);
    const outcomeMails = (await api.emails()).filter((m) => m.subject.includes(seeded.title));
    expect(outcomeMails).toHaveLength(APPLICATIONS);
    expect(new Set(outcomeMails.map((m) => m.destination.to[0])).size).toBe(APPLICATIONS);
  }, 300_000);
});
