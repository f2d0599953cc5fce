import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createLocalApi, listen } from '../../infra/local/api-server.ts';
import { ensureTable } from '../../infra/local/emulators.ts';
import { startOutboxStreamSender } from '../../infra/local/stream-poller.ts';
import { localAwsEnvironment, localKeyFile } from '../../infra/local/environment.ts';
import { PARTICIPANT_KEY_VARIABLES } from '../../shared/runtime/secret-ids.ts';
import { ephemeralTokenIssuer, type TokenIssuer, type TokenRequest } from '../../infra/local/tokens.ts';
import { getDeps, overrideDeps, resetDeps, type Deps } from '../../shared/runtime/deps.ts';
import { useClock } from '../../shared/runtime/clock.ts';
import { startLocalWorkflows, type LocalStepFunctionsOptions, type LocalWorkflows } from '../../infra/local/workflow-runner.ts';
import { startLocalSecrets, type LocalSecrets } from '../../infra/local/secrets.ts';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** An item of the table: every one has its string keys. */
type TableItem = Record<string, unknown> & { PK: string; SK: string };

export interface TestApi {
  baseUrl: string;
  tableName: string;
  tokens: TokenIssuer;
  deps: () => Deps;
  token(request: TokenRequest): Promise<string>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** The local Step Functions, when started with `workflows`. */
  workflows: LocalWorkflows | undefined;
  /** The local Secrets Manager that serves this file's HMAC keys. */
  secrets: LocalSecrets;
  /** Fix the handlers' clock at this instant (an injectable clock: tests never sleep). */
  setNow(instant: string | Date): void;
  /**
   * Emails the SES emulator received for this address (all when omitted), after the outbox's stream sender
   * has read the table's stream up to now.
   */
  emails(to?: string): Promise<SentEmail[]>;
  /** Runs the outbox's stream sender over what the table's stream holds, as Lambda would. */
  drainOutbox(): Promise<void>;
  /** Every item in this file's table, for "nothing changed" assertions. */
  scanTable(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * The local API over real HTTP, against DynamoDB Local and the SES emulator that the global setup
 * started, with a table of its own for this test file and an in-memory signing key.
 */
export interface TestApiOptions {
  /** Also run the local Step Functions (the synthesized ASL); `wrapTask` injects faults into tasks. */
  workflows?: { wrapTask?: LocalStepFunctionsOptions['wrapTask'] };
  /** An SES emulator of the test's own (one it stops and starts), instead of the shared one. */
  sesEndpoint?: string;
  /** The origins the local API allows to call from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** One line per request the local API served (`METHOD /path → status`). */
  log?: (line: string) => void;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const tableName = `test-${randomUUID()}`;
  Object.assign(
    process.env,
    localAwsEnvironment({
      dynamoDbEndpoint: inject('dynamoDbEndpoint'),
      sesEndpoint: options.sesEndpoint ?? inject('sesEndpoint'),
      tableName,
    }),
  );
  // Fresh random HMAC keys, read by the handlers from the local Secrets Manager as in AWS.
  const secrets = await startLocalSecrets();
  Object.assign(process.env, secrets.environment);
  // A fresh raw AES key for participants' identities, in a file as the local cloud keeps it.
  process.env[PARTICIPANT_KEY_VARIABLES.localKeyFile] = localKeyFile('participant-identity-key', mkdtempSync(path.join(tmpdir(), 'wez-key-')));
  let workflows: LocalWorkflows | undefined;
  if (options.workflows) {
    workflows = await startLocalWorkflows({
      port: 0,
      ...(options.workflows.wrapTask ? { wrapTask: options.workflows.wrapTask } : {}),
    });
    process.env.AWS_ENDPOINT_URL_SFN = workflows.endpoint;
    process.env.SELECTION_STATE_MACHINE_ARN = workflows.selectionStateMachineArn;
  }
  resetDeps();
  useClock(() => new Date());
  const client = new DynamoDBClient({});
  await ensureTable(client, tableName);
  // The outbox's stream sender, run by `emails()` before it reads the SES emulator (no timer: deterministic).
  const outbox = await startOutboxStreamSender({ tableName, log: () => undefined });
  const documents = DynamoDBDocumentClient.from(client);
  const tokens = await ephemeralTokenIssuer();
  const server: Server = createLocalApi({
    tokens,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const port = await listen(server, 0);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    tableName,
    tokens,
    deps: getDeps,
    workflows,
    secrets,
    token: (request) => tokens.sign(request),
    setNow(instant) {
      const fixed = new Date(instant);
      overrideDeps({ clock: () => new Date(fixed) });
      // The functions that read nothing but the clock (GET /health, the Reference function's answers from
      // built data) read it from shared/runtime/clock.ts, as the local cloud's clock sets it.
      useClock(() => new Date(fixed));
    },
    drainOutbox: () => outbox.drain(),
    async emails(to) {
      await outbox.drain();
      const store = (await (await fetch(`${options.sesEndpoint ?? inject('sesEndpoint')}/store`)).json()) as {
        emails: SentEmail[];
      };
      return store.emails.filter((e) => to === undefined || e.destination.to.includes(to));
    },
    async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (e.g. the docs page)
      }
      return { status: response.status, headers: response.headers, body: parsed as T, text };
    },
    async scanTable() {
      const items: TableItem[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
        );
        items.push(...((page.Items ?? []) as TableItem[]));
        start = page.LastEvaluatedKey;
      } while (start);
      return items.sort((a, b) => `${a.PK}${a.SK}`.localeCompare(`${b.PK}${b.SK}`));
    },
    async close() {
      outbox.stop();
      await workflows?.stop();
      await secrets.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      client.destroy();
    },
  };
}
