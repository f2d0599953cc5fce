/**
 * The load generator, run as a child process of bench/run.ts (forked, with IPC) so that autocannon's own
 * work does not share the event loop with the API it measures. It gets a `setup` once, then one `run`
 * message at a time (a short warm-up, then the measured run) and answers each with a `LoadResult`.
 */
import autocannon from 'autocannon';
import { enterpriseNumberFor, round, summarize, type LatencySummary } from './stats.ts';
import type { SubmitTarget } from './submit.ts';

export type ScenarioName = 'getFacility' | 'listFacilities' | 'createFacility';
/** The facility scenarios, and the first submits of distinct drafts (bench/submit.ts). */
export type LoadScenario = ScenarioName | 'submitApplication';

/** What the load generator needs to know once. */
export interface LoadSetup {
  baseUrl: string;
  token: string;
  /** Enterprise numbers in the table, for GET /facilities/{en}. */
  seeded: string[];
  /** First eight digits for the first facility POSTed; each request takes the next number. */
  createFrom: number;
}

/**
 * One measured run: a warm-up (`warmupSeconds`, or `warmupAmount` requests), then either
 * `durationSeconds` or `amount` requests. Submits use amounts only: each request uses up a draft.
 */
export interface LoadRun {
  scenario: LoadScenario;
  connections: number;
  warmupSeconds: number;
  warmupAmount?: number;
  durationSeconds?: number;
  amount?: number;
}

export type ToLoadClient =
  { type: 'setup'; setup: LoadSetup } | { type: 'submitTargets'; targets: SubmitTarget[] } | { type: 'run'; run: LoadRun };
export type FromLoadClient = { type: 'result'; result: LoadResult } | { type: 'error'; message: string };

export interface LoadResult {
  scenario: LoadScenario;
  method: string;
  path: string;
  connections: number;
  durationSeconds: number;
  /** Completed responses (any status) per second over the measured run. */
  requestsPerSecond: number;
  /** Client-side latency of every response of the measured run, from autocannon's float timings. */
  latency: LatencySummary;
  /** Those latencies themselves (ms), for pooling runs. */
  latenciesMs: number[];
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  warmup: { durationSeconds: number; responses: number };
}

function send(message: FromLoadClient): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
}

interface Counters {
  get: number;
  create: number;
  submit: number;
}

function requestsFor(
  load: LoadSetup,
  scenario: LoadScenario,
  counters: Counters,
): { method: string; path: string; requests: autocannon.Request[] } {
  const auth = { authorization: `Bearer ${load.token}` };
  switch (scenario) {
    case 'getFacility':
      return {
        method: 'GET',
        path: '/facilities/{enterpriseNumber} (rotating over the seeded ones)',
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: `/facilities/${load.seeded[counters.get++ % load.seeded.length]}` }),
          },
        ],
      };
    case 'listFacilities':
      return { method: 'GET', path: '/facilities?limit=25', requests: [{ method: 'GET', path: '/facilities?limit=25' }] };
    case 'createFacility':
      return {
        method: 'POST',
        path: '/facilities (a new enterprise number per request)',
        requests: [
          {
            method: 'POST',
            path: '/facilities',
            headers: { ...auth, 'content-type': 'application/json' },
            setupRequest: (request) => {
              const enterpriseNumber = enterpriseNumberFor(load.createFrom + counters.create++);
              return {
                ...request,
                body: JSON.stringify({
                  enterpriseNumber,
                  name: `Bench voorziening ${enterpriseNumber}`,
                  province: 'ANTWERPEN',
                  email: `bench-${enterpriseNumber}@example.org`,
                }),
              };
            },
          },
        ],
      };
    case 'submitApplication':
      return {
        method: 'POST',
        path: "/calls/{callId}/applications/{applicationId}/submit (a different draft per request, with its lead's token)",
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              // Past the last draft it would submit one again (a cheap 200, not a first submit): the
              // parent prepares a margin and counts every status that is not 201.
              const target = submitTargets[counters.submit++ % Math.max(1, submitTargets.length)];
              if (!target) throw new Error('no submit targets');
              return { ...request, path: target.path, headers: { ...request.headers, authorization: `Bearer ${target.token}` } };
            },
          },
        ],
      };
  }
}

async function run(setup: LoadSetup, plan: LoadRun, counters: Counters): Promise<LoadResult> {
  const { method, path, requests } = requestsFor(setup, plan.scenario, counters);
  const common: autocannon.Options = {
    url: setup.baseUrl,
    connections: plan.connections,
    headers: { authorization: `Bearer ${setup.token}` },
    requests,
    timeout: 10,
  };
  const warmup = plan.warmupAmount
    ? await autocannon({ ...common, amount: plan.warmupAmount })
    : plan.warmupSeconds > 0
      ? await autocannon({ ...common, duration: plan.warmupSeconds })
      : undefined;
  const latencies: number[] = [];
  const instance = autocannon({
    ...common,
    ...(plan.amount ? { amount: plan.amount } : { duration: plan.durationSeconds ?? 10 }),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    latencies.push(responseTime),
  );
  const result = await instance;
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count;
  return {
    scenario: plan.scenario,
    method,
    path,
    connections: plan.connections,
    durationSeconds: result.duration,
    requestsPerSecond: round(latencies.length / result.duration, 1),
    latency: summarize(latencies),
    latenciesMs: latencies,
    statusCodes,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    warmup: warmup
      ? {
          durationSeconds: warmup.duration,
          responses: warmup['1xx'] + warmup['2xx'] + warmup['3xx'] + warmup['4xx'] + warmup['5xx'],
        }
      : { durationSeconds: 0, responses: 0 },
  };
}

// Ends with the parent: never outlive the benchmark.
process.on('disconnect', () => process.exit(0));

let setup: LoadSetup | undefined;
let submitTargets: SubmitTarget[] = [];
const counters: Counters = { get: 0, create: 0, submit: 0 };
process.on('message', (message: ToLoadClient) => {
  if (message.type === 'setup') {
    setup = message.setup;
    return;
  }
  if (message.type === 'submitTargets') {
    submitTargets = message.targets;
    counters.submit = 0;
    return;
  }
  void (async () => {
    try {
      if (!setup) throw new Error('run before setup');
      await send({ type: 'result', result: await run(setup, message.run, counters) });
    } catch (error) {
      await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  })();
});
