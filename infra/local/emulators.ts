import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
// The SDK is loaded by ensureTable only: `npm start` spawns the emulators before it has loaded it.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput, tableDesign } from '../../shared/store/table-design.ts';
import { LOCAL_REGION, REPO_ROOT } from './paths.ts';

/** A child process of the local cloud; `stop` ends it and waits until it is gone. */
export interface Emulator {
  name: string;
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export const DUMMY_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Resolves with a port nobody listens on now (0 picks any free one). When it is taken, the message names
 * `what` and ends with `advice` (the local cloud names the variable that moves the port: ports.ts).
 */
export async function assertPortFree(
  port: number,
  what: string,
  advice = 'Stop what is using it (another npm start?) and try again.',
): Promise<number> {
  const host = '127.0.0.1';
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `${what}: port ${port} on ${host} is already in use. ${advice}`
            : `${what}: cannot use port ${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      probe.close(() => resolve(chosen));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitUntil(
  check: () => Promise<boolean>,
  child: ChildProcess,
  what: string,
  output: () => string,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited during start-up (code ${child.exitCode}):\n${output()}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

const SIMULATOR_DIR = path.join(REPO_ROOT, 'node_modules', 'amplify-dynamodb-simulator', 'emulator');

/**
 * JVM flags that start DynamoDB Local in about 60 % of the CPU time (measured on 2 cores: 3.7–4.6 s instead
 * of 6.8–6.9 s until it answers): the quick C1 compiler only, and the serial collector. Steady-state
 * throughput is lower without C2, so `npm start` uses them and the tests and the benchmarks do not.
 */
export const FAST_START_JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** The official DynamoDB Local jar from amplify-dynamodb-simulator, telemetry off. */
export async function startDynamoDbLocal(options: {
  port: number;
  dbPath?: string;
  portAdvice?: string;
  /** Start the JVM for a quick start rather than for throughput (FAST_START_JVM_FLAGS). */
  fastStart?: boolean;
}): Promise<Emulator> {
  const port = await assertPortFree(options.port, 'DynamoDB Local', options.portAdvice);
  const storage = options.dbPath ? ['-sharedDb', '-dbPath', options.dbPath] : ['-inMemory'];
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const workDir = options.dbPath ?? path.join(REPO_ROOT, '.local');
  mkdirSync(workDir, { recursive: true });
  const child = spawn(
    'java',
    [
      ...(options.fastStart ? FAST_START_JVM_FLAGS : []),
      `-Djava.library.path=${path.join(SIMULATOR_DIR, 'DynamoDBLocal_lib')}`,
      '-jar',
      path.join(SIMULATOR_DIR, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-disableTelemetry',
      ...storage,
    ],
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error) =>
      reject(new Error(`Cannot start DynamoDB Local (is Java 17+ installed and on the PATH?): ${error.message}`)),
    ),
  );
  const output = captureOutput(child);
  const endpoint = `http://127.0.0.1:${port}`;
  // Ready when it answers ListTables (DynamoDB Local reads the access key and region from the header and
  // checks no signature): a plain request, so that waiting does not wait for the SDK to load.
  const listTables = async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        authorization: `AWS4-HMAC-SHA256 Credential=${DUMMY_CREDENTIALS.accessKeyId}/20200101/${LOCAL_REGION}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: '{}',
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  };
  try {
    await Promise.race([spawnError, waitUntil(listTables, child, 'DynamoDB Local', output)]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { name: 'DynamoDB Local', endpoint, port, stop: () => stopChild(child) };
}

/** aws-ses-v2-local: a local SES v2 endpoint whose web page lists every email sent. */
export async function startSesLocal(options: { port: number; portAdvice?: string }): Promise<Emulator> {
  const port = await assertPortFree(options.port, 'SES emulator', options.portAdvice);
  const cli = path.join(REPO_ROOT, 'node_modules', 'aws-ses-v2-local', 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli, '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(async () => (await fetch(`${endpoint}/health-check`)).ok, child, 'SES emulator', output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { name: 'SES emulator', endpoint, port, stop: () => stopChild(child) };
}

/** Creates the table from the table design (keys, GSIs, TTL, stream) unless it exists. True when created. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const { CreateTableCommand, DescribeTableCommand, UpdateTableCommand, UpdateTimeToLiveCommand } =
    await import('@aws-sdk/client-dynamodb');
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A table kept under .local/ from an older version: add the indexes the design has gained since.
    const have = new Set((existing.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const wanted = createTableInput(tableName);
    if (!existing.Table?.StreamSpecification?.StreamEnabled) {
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: wanted.StreamSpecification }));
    }
    for (const index of wanted.GlobalSecondaryIndexes) {
      if (have.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: wanted.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
    return false;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDesign.timeToLiveAttribute, Enabled: true },
    }),
  );
  return true;
}
