import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { resetDeps } from '../../shared/runtime/deps.ts';
import { SDK_TIMEOUTS } from '../../shared/runtime/client-config.ts';
import { checkDigitsFor } from '../../shared/domain/enterprise-number.ts';

/**
 * When DynamoDB does not answer, the API answers 503 problem+json with Retry-After within a few seconds
 * (the SDK clients' timeouts and bounded retries), instead of hanging until the Lambda timeout; nothing is
 * changed. The table's endpoint is swapped for a server that accepts connections and never answers (a
 * hung service), or for a port where nothing listens (a service that is down).
 */

let api: TestApi;
let department: string;
let realEndpoint: string;
let blackhole: Server;
let blackholeUrl: string;
const sockets = new Set<Socket>();
let accepted = 0;

/** The worst case the client configuration allows: every attempt runs into the request timeout. */
const WORST_CASE_MS = SDK_TIMEOUTS.maxAttempts * (SDK_TIMEOUTS.connectionTimeoutMs + SDK_TIMEOUTS.requestTimeoutMs) + 1_000;

function useTableAt(endpoint: string): void {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  resetDeps();
}

beforeAll(async () => {
  api = await startTestApi();
  realEndpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB as string;
  department = await api.token({ role: 'department', sub: 'civil-servant-1' });
  blackhole = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  const address = blackhole.address();
  blackholeUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterEach(() => useTableAt(realEndpoint));

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => blackhole.close(() => resolve()));
  await api.close();
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function expectServiceUnavailable(response: Awaited<ReturnType<TestApi['request']>>): void {
  expect(response.status, response.text).toBe(503);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(response.body).toMatchObject({ type: '/problems/service-unavailable', status: 503, title: 'Service unavailable' });
  // Nothing of the service's error reaches the caller.
  expect(response.text).not.toMatch(/127\.0\.0\.1|socket|ECONN|smithy/i);
}

describe('when DynamoDB does not answer', () => {
  it('a read answers 503 with Retry-After within the clients’ bounded timeouts, not at the Lambda timeout', async () => {
    useTableAt(blackholeUrl);
    const before = accepted;
    const started = Date.now();
    const response = await api.request('GET', '/facilities/0123456749', { token: department });
    const elapsed = Date.now() - started;
    expectServiceUnavailable(response);
    expect(elapsed).toBeLessThan(WORST_CASE_MS);
    // It did ask the hung table, once per attempt.
    expect(accepted - before).toBe(SDK_TIMEOUTS.maxAttempts);
  }, 20_000);

  it('a write answers 503 and changes nothing; once the table answers again, the retry succeeds', async () => {
    const head = '02032013';
    const enterpriseNumber = `${head}${String(checkDigitsFor(head)).padStart(2, '0')}`;
    const body = { enterpriseNumber, name: 'Voorziening Time-out', province: 'LIMBURG', email: 'info@example.org' };
    useTableAt(blackholeUrl);
    expectServiceUnavailable(await api.request('POST', '/facilities', { token: department, body }));
    useTableAt(realEndpoint);
    expect((await api.request('GET', `/facilities/${enterpriseNumber}`, { token: department })).status).toBe(404);
    expect((await api.request('POST', '/facilities', { token: department, body })).status).toBe(201);
  }, 20_000);

  it('a table that refuses connections is a 503 at once', async () => {
    useTableAt(await closedPortUrl());
    const started = Date.now();
    const response = await api.request('GET', '/calls', { token: department });
    expectServiceUnavailable(response);
    expect(Date.now() - started).toBeLessThan(SDK_TIMEOUTS.requestTimeoutMs);
  }, 20_000);

  it('bad input is still a 422, before the table is asked anything', async () => {
    useTableAt(blackholeUrl);
    const response = await api.request('GET', '/facilities/123', { token: department });
    expect(response.status).toBe(422);
  });
});
