/**
 * The load generator, run as a child process of bench/run.ts (forked, with IPC) so that autocannon's own
 * work does not share the event loop with the API it measures. It gets a `setup` once, then one `run`
 * message at a time (a short warm-up, then the measured run) and answers each with a `LoadResult`.
 */
import autocannon from 'autocannon';
import { enterpriseNumberFor, round, summarize, type LatencySummary } from './stats.ts';

export type ScenarioName = 'getFacility' | 'listFacilities' | 'createFacility';

/** What the load generator needs to know once. */
export interface LoadSetup {
  baseUrl: string;
  token: string;
  /** Enterprise numbers in the table, for GET /facilities/{en}. */
  seeded: string[];
  /** First eight digits for the first facility POSTed; each request takes the next number. */
  createFrom: number;
}

/** One measured run: a warm-up, then either `durationSeconds` or `amount` requests. */
export interface LoadRun {
  scenario: ScenarioName;
  connections: number;
  warmupSeconds: number;
  durationSeconds?: number;
  amount?: number;
}

export type ToLoadClient = { type: 'setup'; setup: LoadSetup } | { type: 'run'; run: LoadRun };
export type FromLoadClient = { type: 'result'; result: LoadResult } | { type: 'error'; message: string };

export interface LoadResult {
  scenario: ScenarioName;
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

function requestsFor(
  load: LoadSetup,
  scenario: ScenarioName,
  counters: { get: number; create: number },
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
  }
}

async function run(setup: LoadSetup, plan: LoadRun, counters: { get: number; create: number }): Promise<LoadResult> {
  const { method, path, requests } = requestsFor(setup, plan.scenario, counters);
  const common: autocannon.Options = {
    url: setup.baseUrl,
    connections: plan.connections,
    headers: { authorization: `Bearer ${setup.token}` },
    requests,
    timeout: 10,
  };
  const warmup = plan.warmupSeconds > 0 ? await autocannon({ ...common, duration: plan.warmupSeconds }) : undefined;
  const latencies: number[] = [];
  const instance = autocannon({ ...common, ...(plan.amount ? { amount: plan.amount } : { duration: plan.durationSeconds ?? 10 }) });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
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
      ? { durationSeconds: warmup.duration, responses: warmup['1xx'] + warmup['2xx'] + warmup['3xx'] + warmup['4xx'] + warmup['5xx'] }
      : { durationSeconds: 0, responses: 0 },
  };
}

// Ends with the parent: never outlive the benchmark.
process.on('disconnect', () => process.exit(0));

let setup: LoadSetup | undefined;
const counters = { get: 0, create: 0 };
process.on('message', (message: ToLoadClient) => {
  if (message.type === 'setup') {
    setup = message.setup;
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
