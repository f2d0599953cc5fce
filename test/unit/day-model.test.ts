import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DAY_MODEL,
  countColdStarts,
  generateDay,
  perRouteTopology,
  type DayRoute,
  type Invocation,
  type Topology,
} from '../../bench/day.ts';
import { routeList } from '../../shared/routes.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PENALTY = DAY_MODEL.coldStartPenaltyMs;
const FIVE_MINUTES = 5 * MINUTE;
const oneFunction: Topology = () => 'all';

function inv(at: number, operationId = 'a', durationMs = 100): Invocation {
  return { at, operationId, durationMs };
}

describe('countColdStarts', () => {
  it('reuses the instance for a request 4 minutes after the previous one ended (5-minute lifetime)', () => {
    const first = inv(0);
    const end = first.durationMs + PENALTY; // the first one was cold
    const result = countColdStarts([first, inv(end + 4 * MINUTE)], perRouteTopology, FIVE_MINUTES);
    expect(result).toMatchObject({ coldStarts: 1, invocations: 2, functions: 1 });
    expect(result.perFunction).toEqual({ a: { invocations: 2, coldStarts: 1 } });
  });

  it('starts a new instance for a request 6 minutes after the previous one ended', () => {
    const end = 100 + PENALTY;
    expect(countColdStarts([inv(0), inv(end + 6 * MINUTE)], perRouteTopology, FIVE_MINUTES).coldStarts).toBe(2);
  });

  it('counts idle time from the end of the last request, not its start', () => {
    // 5 min after the start of a 100 ms cold request (busy 400 ms) is < 5 min after its end: warm.
    expect(countColdStarts([inv(0), inv(FIVE_MINUTES)], perRouteTopology, FIVE_MINUTES).coldStarts).toBe(1);
  });

  it('reclaims an instance idle for exactly the lifetime (the boundary is cold), not 1 ms earlier', () => {
    const end = 100 + PENALTY;
    expect(countColdStarts([inv(0), inv(end + FIVE_MINUTES - 1)], perRouteTopology, FIVE_MINUTES).coldStarts).toBe(1);
    expect(countColdStarts([inv(0), inv(end + FIVE_MINUTES)], perRouteTopology, FIVE_MINUTES).coldStarts).toBe(2);
  });

  it('reuses an instance whose previous request ends exactly when the next one arrives', () => {
    const end = 100 + PENALTY;
    expect(countColdStarts([inv(0), inv(end)], perRouteTopology, FIVE_MINUTES).coldStarts).toBe(1);
    expect(countColdStarts([inv(0), inv(end - 1)], perRouteTopology, FIVE_MINUTES).coldStarts).toBe(2);
  });

  it('needs a second instance for two overlapping requests on the same function', () => {
    const result = countColdStarts([inv(0, 'a', 200), inv(50, 'a', 200)], perRouteTopology, FIVE_MINUTES);
    expect(result).toMatchObject({ coldStarts: 2, functions: 1 });
  });

  it('also needs a second instance when the second request arrives during the first one’s cold start', () => {
    // The first request takes 30 ms, but its instance is busy starting for PENALTY ms before that.
    expect(countColdStarts([inv(0, 'a', 30), inv(PENALTY, 'a', 30)], perRouteTopology, FIVE_MINUTES).coldStarts).toBe(2);
  });

  it('processes invocations in time order, whatever order they are given in', () => {
    const later = inv(100 + PENALTY + 6 * MINUTE);
    const shuffled = [later, inv(100 + PENALTY + 2 * MINUTE), inv(0)];
    // In time order: cold, warm (2 min idle), warm (4 min idle). Given order would make it 3 colds.
    expect(countColdStarts(shuffled, perRouteTopology, FIVE_MINUTES).coldStarts).toBe(1);
  });

  describe('two routes, per route versus grouped in one function', () => {
    it('overlapping requests: 2 cold starts either way (grouping does not help concurrency)', () => {
      const traffic = [inv(0, 'a', 200), inv(50, 'b', 200)];
      expect(countColdStarts(traffic, perRouteTopology, FIVE_MINUTES)).toMatchObject({ coldStarts: 2, functions: 2 });
      expect(countColdStarts(traffic, oneFunction, FIVE_MINUTES)).toMatchObject({
        coldStarts: 2,
        functions: 1,
        perFunction: { all: { invocations: 2, coldStarts: 2 } },
      });
    });

    it('sequential requests: 2 cold starts per route, 1 grouped', () => {
      const traffic = [inv(0, 'a'), inv(2 * MINUTE, 'b')];
      expect(countColdStarts(traffic, perRouteTopology, FIVE_MINUTES).coldStarts).toBe(2);
      expect(countColdStarts(traffic, oneFunction, FIVE_MINUTES).coldStarts).toBe(1);
    });
  });

  it('sends a request to the most recently used idle instance, so the other one is reclaimed', () => {
    // Two overlapping cold requests: instances end at 400 and 500.
    // At 4:00 and 4:00.2 two short sequential requests: both go to the instance that ended at 500 (MRU).
    // At 7:00 two overlapping requests: the one that ended at 400 has been idle > 5 min and is gone, so one
    // of them is cold. (Least recently used would have kept both alive: 2 cold starts in all.)
    const traffic = [
      inv(0),
      inv(100),
      inv(4 * MINUTE, 'a', 50),
      inv(4 * MINUTE + 200, 'a', 50),
      inv(7 * MINUTE, 'a', 200),
      inv(7 * MINUTE + 10, 'a', 200),
    ];
    expect(countColdStarts(traffic, perRouteTopology, FIVE_MINUTES).coldStarts).toBe(3);
  });

  it('maps scheduled jobs through the topology too', () => {
    const topology: Topology = (id) => (id.startsWith('job:') ? 'jobs' : 'api');
    const result = countColdStarts([inv(0, 'job:x'), inv(1000, 'a')], topology, FIVE_MINUTES);
    expect(result.perFunction).toEqual({ jobs: { invocations: 1, coldStarts: 1 }, api: { invocations: 1, coldStarts: 1 } });
  });

  it('grouping routes never gives more cold starts than one function per route for sequential traffic', () => {
    const routeCount = 6;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            route: fc.integer({ min: 0, max: routeCount - 1 }),
            gapMs: fc.integer({ min: 0, max: 20 * MINUTE }),
            durationMs: fc.integer({ min: 30, max: 300 }),
          }),
          { maxLength: 60 },
        ),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: routeCount, maxLength: routeCount }),
        fc.integer({ min: 1, max: 15 }),
        (steps, groupOf, lifetimeMinutes) => {
          // Non-overlapping whatever the topology: each request starts after the previous one could have
          // ended, cold-start penalty included.
          const traffic: Invocation[] = [];
          let at = 0;
          for (const step of steps) {
            traffic.push({ at, operationId: `r${step.route}`, durationMs: step.durationMs });
            at += step.durationMs + PENALTY + step.gapMs;
          }
          const grouped: Topology = (id) => `g${groupOf[Number(id.slice(1))]}`;
          const lifetime = lifetimeMinutes * MINUTE;
          const perRoute = countColdStarts(traffic, perRouteTopology, lifetime).coldStarts;
          expect(countColdStarts(traffic, grouped, lifetime).coldStarts).toBeLessThanOrEqual(perRoute);
          expect(countColdStarts(traffic, oneFunction, lifetime).coldStarts).toBeLessThanOrEqual(perRoute);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('generateDay', () => {
  const day = generateDay(routeList, { seed: 7 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDay(routeList, { seed: 7 })).toEqual(day);
    expect(generateDay(routeList, { seed: 8 })).not.toEqual(day);
  });

  it('stays within the day and is sorted by time', () => {
    expect(day.length).toBeGreaterThan(1000);
    for (const [i, invocation] of day.entries()) {
      expect(invocation.at).toBeGreaterThanOrEqual(0);
      expect(invocation.at).toBeLessThan(24 * HOUR);
      if (i > 0) expect(invocation.at).toBeGreaterThanOrEqual(day[i - 1]!.at);
    }
  });

  it('has request durations of 30–300 ms', () => {
    for (const invocation of day.filter((i) => !i.operationId.startsWith('job:'))) {
      expect(invocation.durationMs).toBeGreaterThanOrEqual(30);
      expect(invocation.durationMs).toBeLessThanOrEqual(300);
    }
  });

  it('includes exactly one job invocation, the expiring-trajectories job at 07:00', () => {
    const jobs = day.filter((i) => i.operationId.startsWith('job:'));
    expect(jobs).toEqual([expect.objectContaining({ operationId: 'job:expiring-trajectories', at: 7 * HOUR })]);
  });

  it('has most invocations between 08:00 and 18:00, and some in the evening', () => {
    const office = day.filter((i) => i.at >= 8 * HOUR && i.at < 18 * HOUR).length;
    expect(office / day.length).toBeGreaterThan(0.9);
    expect(day.some((i) => i.at >= 18 * HOUR)).toBe(true);
    expect(day.filter((i) => i.at < 7 * HOUR)).toEqual([]);
  });

  it('calls only non-public routes, each by a role that may call it', () => {
    const routes = new Map(routeList.map((r) => [r.operationId, r]));
    for (const role of ['department', 'facility', 'casemanager-zorg', 'casemanager-werk'] as const) {
      const others = { department: 0, facility: 0, 'casemanager-zorg': 0, 'casemanager-werk': 0 };
      const roleDay = generateDay(routeList, { seed: 3, users: { ...others, [role]: 50 } });
      const requests = roleDay.filter((i) => !i.operationId.startsWith('job:'));
      expect(requests.length).toBeGreaterThan(0);
      for (const { operationId } of requests) {
        const auth = routes.get(operationId)?.auth;
        expect(auth, `${role} called ${operationId}`).not.toBe('public');
        expect(auth, `${role} called ${operationId}`).toContain(role);
      }
    }
  });

  it('calls reads far more often than writes', () => {
    const methods = new Map(routeList.map((r) => [r.operationId, r.method]));
    const requests = day.filter((i) => !i.operationId.startsWith('job:'));
    const reads = requests.filter((i) => methods.get(i.operationId) === 'GET').length;
    expect(reads / requests.length).toBeGreaterThan(0.75);
  });

  it('works on a small route table and never calls a public route', () => {
    const routes: DayRoute[] = [
      { operationId: 'health', method: 'GET', path: '/health', auth: 'public' },
      { operationId: 'listTrajectories', method: 'GET', path: '/trajectories', auth: ['casemanager-zorg'] },
    ];
    const small = generateDay(routes, { seed: 1, users: { department: 0, facility: 0, 'casemanager-werk': 0 } });
    expect(new Set(small.map((i) => i.operationId))).toEqual(new Set(['job:expiring-trajectories', 'listTrajectories']));
  });
});
