/**
 * "A day of traffic" against AWS Lambda's idle-instance reclaim: how many cold starts a function topology
 * (one Lambda per route, or routes grouped into fewer functions) costs on a realistic working day.
 *
 * - `generateDay` builds a deterministic (seeded) day of invocations: the users of a Flemish department
 *   (casemanagers Zorg and Werk, civil servants of the department, facility users) in sessions during office
 *   hours, a few evening sessions, and the 07:00 Europe/Brussels scheduled job. All modelling constants are in
 *   `DAY_MODEL`.
 * - `countColdStarts` replays the invocations against a per-function pool of instances, as Lambda runs them:
 *   one request per instance at a time, a warm idle instance is reused (the most recently used one), otherwise
 *   a new instance starts (a cold start); an instance idle for the idle lifetime or longer is reclaimed.
 * - `compareTopologies` runs one day against several topologies and idle lifetimes.
 *
 * Assumption about the idle lifetime: AWS does not publish how long an idle execution environment is kept.
 * Public measurements observe reclaim after roughly 5 to 15 minutes (for functions that sit idle, often about
 * 5 to 7 minutes), hence the three lifetimes compared by default: 5, 10 and 15 minutes. The real value also
 * varies with region, memory size and load, so read the results as a range, not a prediction.
 *
 * `npx tsx bench/day.ts` prints the comparison for the real route table: one function per route against
 * functions grouped by area (first path segment) and read/write.
 */
import { pathToFileURL } from 'node:url';
import type { Role } from '../shared/domain/reference-data.ts';

export type { Role };

export interface DayRoute {
  operationId: string;
  method: string;
  path: string;
  auth: 'public' | readonly string[];
}

/** Maps a route (or a scheduled job, `job:` prefix) to the name of the function that serves it. */
export type Topology = (operationId: string) => string;

export interface Invocation {
  /** Milliseconds since local (Europe/Brussels) midnight. */
  at: number;
  operationId: string;
  durationMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every modelling constant of the day and of the replay, each with why it has its value. */
export const DAY_MODEL = {
  /**
   * Registered users per role. About 135 casemanagers Zorg carry the trajectories; 40 casemanagers Werk at
   * VDAB follow theirs; about 30 civil servants of the department run calls, reviews and decisions; about 300
   * accounts at facilities (several per facility) apply for calls and manage agreements.
   */
  users: { 'casemanager-zorg': 135, 'casemanager-werk': 40, department: 30, facility: 300 } satisfies Record<Role, number>,
  /**
   * Share of each role's users active on a given working day. Casemanagers Zorg work in the system most days
   * (part-timers and field work make it 60%); casemanagers Werk use it less (30%, it is not their main
   * tool); the department's staff are at it daily (80%); most facility users only log in around a call or an
   * agreement (25%).
   */
  activeShare: { 'casemanager-zorg': 0.6, 'casemanager-werk': 0.3, department: 0.8, facility: 0.25 } satisfies Record<
    Role,
    number
  >,
  /** Sessions per active user per day, uniform: a short check in the morning up to returning four times. */
  sessionsPerUser: { min: 1, max: 4 },
  /** Requests per session, uniform: a quick look (list, open one) up to working through a file. */
  requestsPerSession: { min: 3, max: 15 },
  /**
   * Think time between two requests of a session: lognormal (median 20 s, sigma 1: most gaps are reading a
   * screen, some are filling in a form), clamped to 5 s–3 min (faster is the front end's own prefetching, not
   * a person; longer ends the session).
   */
  thinkTimeMs: { median: 20_000, sigma: 1, min: 5_000, max: 3 * MINUTE },
  /**
   * Request duration: lognormal (median 80 ms, sigma 0.6) clamped to 30–300 ms: one or a few DynamoDB round
   * trips plus JSON validation; the PDF and statistics routes sit in the tail.
   */
  requestDurationMs: { median: 80, sigma: 0.6, min: 30, max: 300 },
  /**
   * Relative weight of a session starting in each office hour (08:00–17:00 starts, 08:00–18:00 office):
   * ramp-up at 08:00, morning peak 09:00–11:00, lunch dip at 12:00, afternoon peak 14:00–16:00, winding down
   * after 16:00.
   */
  officeHourWeights: { 8: 0.6, 9: 1, 10: 1, 11: 0.8, 12: 0.35, 13: 0.6, 14: 0.9, 15: 0.85, 16: 0.6, 17: 0.3 } as Readonly<
    Record<number, number>
  >,
  /** Share of sessions in the evening (some casemanagers and facility staff catch up after hours). */
  offHoursShare: 0.02,
  /** Evening sessions start uniformly in this window (hours since midnight). */
  offHours: { fromHour: 18, toHour: 22 },
  /**
   * Weight of a request by method, within the routes of a session's area. Users mostly look things up
   * (lists, details, documents); changes are far rarer, deleting rarer still. On the real route table this
   * makes about one request in eight a write (more for casemanagers, whose area has five kinds of change
   * against two reads).
   */
  methodWeights: { GET: 10, POST: 1, PUT: 1, PATCH: 1, DELETE: 0.2 } as Readonly<Record<string, number>>,
  /**
   * What a session of each role is about, by area (first path segment; `a+b` is a session spanning two
   * areas, e.g. listing a facility's work posts under /facilities and changing one under /werkposten).
   * Casemanagers work on trajectories (Zorg also looks up facilities and asks mandates there); the department
   * runs calls and reviews, decides on trajectories, mandates and extensions and follows statistics;
   * facilities apply for calls, keep their work posts and AMA agreements.
   */
  areaWeights: {
    'casemanager-zorg': { trajectories: 0.8, facilities: 0.12, networks: 0.08 },
    'casemanager-werk': { trajectories: 0.9, networks: 0.1 },
    department: {
      calls: 0.43,
      trajectories: 0.15,
      'trajectories+extension-requests': 0.07,
      facilities: 0.12,
      'facilities+mandate-requests': 0.05,
      'statistics+trajectories': 0.06,
      networks: 0.05,
      'ama-agreements': 0.05,
      'calls+receipts': 0.02,
    },
    facility: { calls: 0.55, 'ama-agreements': 0.15, 'facilities+werkposten': 0.2, facilities: 0.05, networks: 0.05 },
  } as Readonly<Record<Role, Readonly<Record<string, number>>>>,
  /** Probability that a request of a session stays in the session's area (the rest: a glance elsewhere). */
  stayInAreaShare: 0.85,
  /** The scheduled job: EventBridge at 07:00 Europe/Brussels, with its own operation id. */
  job: { operationId: 'job:expiring-trajectories', at: 7 * HOUR },
  /** The job scans the open trajectories and sends notices: seconds, not milliseconds. */
  jobDurationMs: 2_000,
  /**
   * What a cold start adds to the invocation's busy time (runtime start plus bundle import; Node 22 with a
   * bundled handler measures a few hundred ms, see `npm run bench`). It matters only for concurrency: a
   * request that arrives while the new instance is still starting needs yet another instance.
   */
  coldStartPenaltyMs: 300,
  /** Idle lifetimes compared by default, in minutes (see the header: AWS does not publish it). */
  idleLifetimesMinutes: [5, 10, 15] as readonly number[],
} as const;

const ROLE_LIST: readonly Role[] = ['casemanager-zorg', 'casemanager-werk', 'department', 'facility'];

/** mulberry32: a tiny, fast, seedable PRNG (32-bit state); good enough for a simulation. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** Lognormal with the given median and sigma, clamped to [min, max] (Box–Muller for the normal). */
  lognormal(p: { median: number; sigma: number; min: number; max: number }): number {
    const u1 = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const u2 = this.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.min(p.max, Math.max(p.min, p.median * Math.exp(p.sigma * z)));
  }
  /** One of the items, chosen with the given weights (all > 0). */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weight(item);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1] as T;
  }
}

/** The area of a route: its first path segment (`/facilities/{id}/werkposten` → `facilities`). */
export function areaOf(path: string): string {
  return path.split('/').find((s) => s.length > 0) ?? '';
}

function callableBy(route: DayRoute, role: Role): boolean {
  return route.auth !== 'public' && route.auth.includes(role);
}

function methodWeight(route: DayRoute): number {
  return DAY_MODEL.methodWeights[route.method.toUpperCase()] ?? 1;
}

/** Start of a session in ms since midnight: office hours by their weights, or (rarely) an evening. */
function sessionStart(random: Random): number {
  if (random.float() < DAY_MODEL.offHoursShare) {
    const { fromHour, toHour } = DAY_MODEL.offHours;
    return fromHour * HOUR + Math.floor(random.float() * (toHour - fromHour) * HOUR);
  }
  const hours = Object.keys(DAY_MODEL.officeHourWeights).map(Number);
  const hour = random.weighted(hours, (h) => DAY_MODEL.officeHourWeights[h] ?? 0);
  return hour * HOUR + Math.floor(random.float() * HOUR);
}

/**
 * A seeded working day of invocations, sorted by time: the scheduled job at 07:00, then every active user's
 * sessions (see `DAY_MODEL`). Public routes are not called by users. `users` overrides the number of
 * registered users per role.
 */
export function generateDay(
  routes: readonly DayRoute[],
  options: { seed?: number; users?: Partial<Record<Role, number>> } = {},
): Invocation[] {
  const random = new Random(options.seed ?? 1);
  const invocations: Invocation[] = [
    { at: DAY_MODEL.job.at, operationId: DAY_MODEL.job.operationId, durationMs: DAY_MODEL.jobDurationMs },
  ];
  for (const role of ROLE_LIST) {
    const callable = routes.filter((r) => callableBy(r, role));
    if (callable.length === 0) continue;
    // Each area of the role's weights, as the routes it may call there; areas without any are dropped.
    const areas = Object.entries(DAY_MODEL.areaWeights[role])
      .map(([area, weight]) => {
        const segments = area.split('+');
        return { weight, routes: callable.filter((r) => segments.includes(areaOf(r.path))) };
      })
      .filter((a) => a.weight > 0 && a.routes.length > 0);
    const userCount = options.users?.[role] ?? DAY_MODEL.users[role];
    for (let user = 0; user < userCount; user++) {
      if (random.float() >= DAY_MODEL.activeShare[role]) continue;
      const sessions = random.int(DAY_MODEL.sessionsPerUser.min, DAY_MODEL.sessionsPerUser.max);
      for (let s = 0; s < sessions; s++) {
        // A role without any weighted area works across all its routes.
        const inArea = areas.length > 0 ? random.weighted(areas, (a) => a.weight).routes : callable;
        const requests = random.int(DAY_MODEL.requestsPerSession.min, DAY_MODEL.requestsPerSession.max);
        let at = sessionStart(random);
        for (let q = 0; q < requests; q++) {
          const pool = random.float() < DAY_MODEL.stayInAreaShare ? inArea : callable;
          const route = random.weighted(pool, methodWeight);
          const durationMs = Math.round(random.lognormal(DAY_MODEL.requestDurationMs));
          // A day is 24 h: a session running past midnight (cannot happen with 18–22 h starts) is cut off.
          if (at >= 24 * HOUR) break;
          invocations.push({ at, operationId: route.operationId, durationMs });
          at += durationMs + Math.round(random.lognormal(DAY_MODEL.thinkTimeMs));
        }
      }
    }
  }
  // Stable sort: ties keep their generation order, so the day is the same for the same seed.
  return invocations.sort((a, b) => a.at - b.at);
}

export interface ColdStartCount {
  coldStarts: number;
  invocations: number;
  /** Functions that got at least one invocation. */
  functions: number;
  perFunction: Record<string, { invocations: number; coldStarts: number }>;
}

/**
 * Replays the invocations (in time order; ties in the given order) against one pool of instances per
 * function. An instance serves one request at a time. An invocation at `t` goes to an idle instance whose last
 * request ended at or before `t` and less than `idleLifetimeMs` before `t`, the most recently used one;
 * otherwise it starts a new instance: a cold start, whose busy time is the duration plus
 * `DAY_MODEL.coldStartPenaltyMs`. An instance idle for `idleLifetimeMs` or longer is reclaimed (so a request
 * exactly `idleLifetimeMs` after the previous one ended is a cold start).
 */
export function countColdStarts(invocations: readonly Invocation[], topology: Topology, idleLifetimeMs: number): ColdStartCount {
  const ordered = invocations.map((inv, index) => ({ inv, index })).sort((a, b) => a.inv.at - b.inv.at || a.index - b.index);
  /** Per function: the time each live instance becomes (or became) idle. */
  const pools = new Map<string, number[]>();
  const perFunction: Record<string, { invocations: number; coldStarts: number }> = {};
  let coldStarts = 0;
  for (const { inv } of ordered) {
    const fn = topology(inv.operationId);
    const stats = (perFunction[fn] ??= { invocations: 0, coldStarts: 0 });
    stats.invocations++;
    // Reclaim instances idle for the lifetime or longer; keep busy ones and warm idle ones.
    const pool = (pools.get(fn) ?? []).filter((busyUntil) => busyUntil > inv.at || inv.at - busyUntil < idleLifetimeMs);
    let chosen = -1;
    for (let i = 0; i < pool.length; i++) {
      const busyUntil = pool[i] as number;
      if (busyUntil <= inv.at && (chosen < 0 || busyUntil > (pool[chosen] as number))) chosen = i;
    }
    if (chosen >= 0) {
      pool[chosen] = inv.at + inv.durationMs;
    } else {
      pool.push(inv.at + DAY_MODEL.coldStartPenaltyMs + inv.durationMs);
      stats.coldStarts++;
      coldStarts++;
    }
    pools.set(fn, pool);
  }
  return { coldStarts, invocations: ordered.length, functions: Object.keys(perFunction).length, perFunction };
}

/** One function per route (and one per job): what CDK deploys today. */
export const perRouteTopology: Topology = (id) => id;

/**
 * Routes grouped by area (first path segment) and read (GET) or write: `trajectories-read`,
 * `calls-write`, … Ids not in `routes` (the scheduled jobs) keep a function of their own.
 */
export function areaReadWriteTopology(routes: readonly DayRoute[]): Topology {
  const group = new Map(
    routes.map((r) => [r.operationId, `${areaOf(r.path)}-${r.method.toUpperCase() === 'GET' ? 'read' : 'write'}`]),
  );
  return (id) => group.get(id) ?? id;
}

export interface TopologyRow {
  idleMinutes: number;
  topology: string;
  coldStarts: number;
  invocations: number;
  /** Cold starts / invocations. */
  coldShare: number;
  /** Cold starts / cold starts of the first topology at the same idle lifetime (1 if both are 0). */
  ratioToFirst: number;
}

export interface TopologyComparison {
  rows: TopologyRow[];
  /** Per topology: the worst (largest) `ratioToFirst` over the idle lifetimes, and at which lifetime. */
  summary: Array<{ topology: string; worstRatioToFirst: number; atIdleMinutes: number }>;
}

/** One seeded day against each topology (the first is the reference) at each idle lifetime. */
export function compareTopologies(
  routes: readonly DayRoute[],
  topologies: Record<string, Topology>,
  idleLifetimesMinutes: readonly number[] = DAY_MODEL.idleLifetimesMinutes,
  seed = 1,
): TopologyComparison {
  const day = generateDay(routes, { seed });
  const rows: TopologyRow[] = [];
  for (const idleMinutes of idleLifetimesMinutes) {
    let first: number | undefined;
    for (const [name, topology] of Object.entries(topologies)) {
      const { coldStarts, invocations } = countColdStarts(day, topology, idleMinutes * MINUTE);
      first ??= coldStarts;
      const ratioToFirst = first === 0 ? (coldStarts === 0 ? 1 : Infinity) : coldStarts / first;
      rows.push({ idleMinutes, topology: name, coldStarts, invocations, coldShare: coldStarts / invocations, ratioToFirst });
    }
  }
  const summary = Object.keys(topologies).map((topology) => {
    let worst: TopologyRow | undefined;
    for (const row of rows) if (row.topology === topology && (!worst || row.ratioToFirst > worst.ratioToFirst)) worst = row;
    return { topology, worstRatioToFirst: worst?.ratioToFirst ?? NaN, atIdleMinutes: worst?.idleMinutes ?? NaN };
  });
  return { rows, summary };
}

/**
 * The topologies `npm run bench` compares: one function per route (before), the deployed one
 * (shared/functions.ts: area and access level) and, as a finer alternative, groups by first path segment
 * and read or write. The scheduled job keeps its own function in all of them.
 */
export const DEPLOYED_TOPOLOGY = 'area and access (shared/functions.ts)';

export function candidateTopologies(
  routes: readonly DayRoute[],
  deployed: (operationId: string) => string,
): Record<string, Topology> {
  return {
    'one per route (before)': perRouteTopology,
    [DEPLOYED_TOPOLOGY]: (id) => (id.startsWith('job:') ? id : deployed(id)),
    'path segment and read/write': areaReadWriteTopology(routes),
  };
}

async function main(): Promise<void> {
  const { routeList } = await import('../shared/routes.ts');
  const { functionOfRoute } = await import('../shared/functions.ts');
  const seed = Number(process.argv[2] ?? 1);
  const day = generateDay(routeList, { seed });
  const office = day.filter((i) => i.at >= 8 * HOUR && i.at < 18 * HOUR).length;
  console.log(`Seed ${seed}: ${day.length} invocations, ${((100 * office) / day.length).toFixed(1)}% between 08:00 and 18:00`);
  const topologies = candidateTopologies(routeList, functionOfRoute);
  const { rows, summary } = compareTopologies(routeList, topologies, undefined, seed);
  console.table(
    rows.map((r) => ({ ...r, coldShare: `${(100 * r.coldShare).toFixed(2)}%`, ratioToFirst: r.ratioToFirst.toFixed(3) })),
  );
  console.table(summary);
  for (const [name, topology] of Object.entries(topologies)) {
    console.log(`${name}: ${countColdStarts(day, topology, 5 * MINUTE).functions} functions invoked`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
