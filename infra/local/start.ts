/**
 * `npm start`: the local cloud in one process tree. DynamoDB Local, the SES emulator, the local API, the
 * scheduler and the workflow runner, with demo data. Ctrl-C stops all of it; so does a failed start-up.
 * Options: --in-memory (throw-away data), --now <instant> (start the clock there: infra/local/clock.ts),
 * PORT (API port, default 3000), CORS_ORIGINS (the origins allowed to call from a browser, comma-separated;
 * default cdk.json's `corsOrigins` context, as CDK reads it; none by default).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createLocalApi, listen } from './api-server.ts';
import { assertPortFree, ensureTable, startDynamoDbLocal, startSesLocal, type Emulator } from './emulators.ts';
import { localAwsEnvironment, localKey, localKeyFile } from './environment.ts';
import { PARTICIPANT_KEY_VARIABLES } from '../../shared/runtime/secret-ids.ts';
import { LOCAL_DIR, LOCAL_TABLE_NAME, REPO_ROOT } from './paths.ts';
import { parseCorsOrigins } from '../../shared/http/cors.ts';
import { localTokenIssuer } from './tokens.ts';
import { loadDemoDataIfEmpty } from './demo-data.ts';
import { startLocalScheduler, type LocalScheduler } from './scheduler.ts';
import { startOutboxStreamSender, type StreamPoller } from './stream-poller.ts';
import { startLocalWorkflows, type LocalWorkflows } from './workflow-runner.ts';
import { startLocalSecrets, type LocalSecrets } from './secrets.ts';
import { ClockFile, clockTarget, LocalClock, DEFAULT_CLOCK_PORT } from './clock.ts';
import { createClockControl } from './clock-control.ts';
import { useClock } from '../../shared/runtime/clock.ts';

const { values } = parseArgs({ options: { 'in-memory': { type: 'boolean', default: false }, now: { type: 'string' } } });
const apiPort = Number(process.env.PORT ?? 3000);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const sesPort = Number(process.env.SES_PORT ?? 8005);
const sfnPort = Number(process.env.SFN_PORT ?? 8083);
const clockPort = Number(process.env.CLOCK_PORT ?? DEFAULT_CLOCK_PORT);
const cdkContext = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> }).context;
const corsOrigins = parseCorsOrigins(process.env.CORS_ORIGINS ?? cdkContext?.corsOrigins);

const running: Emulator[] = [];
let api: Server | undefined;
let clockControl: Server | undefined;
let scheduler: LocalScheduler | undefined;
let outbox: StreamPoller | undefined;
let workflows: LocalWorkflows | undefined;
let secrets: LocalSecrets | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    scheduler?.stop();
    outbox?.stop();
    await workflows?.stop();
    await secrets?.stop();
    await new Promise<void>((resolve) => (api ? api.close(() => resolve()) : resolve()));
    clockControl?.close();
    api?.closeAllConnections();
    await Promise.all(running.map((e) => e.stop()));
  }
  process.exit(code);
}

process.on('SIGINT', () => {
  console.log('\nStopping the local cloud…');
  void stopAll(0);
});
process.on('SIGTERM', () => void stopAll(0));

try {
  // Check the API port first so a taken port fails fast, before anything starts.
  await assertPortFree(apiPort, 'Local API');
  await assertPortFree(sfnPort, 'Local Step Functions');
  await assertPortFree(clockPort, 'Clock control');
  // The clock every handler, task and job reads (shared/runtime/clock.ts): kept in .local/ with the data,
  // moved to --now if given (never back).
  const clockFile = new ClockFile(values['in-memory'] ? undefined : path.join(LOCAL_DIR, 'clock.json'));
  const storedClock = clockFile.read();
  const clock = new LocalClock(storedClock.offsetMs);
  if (values.now !== undefined) clock.moveTo(clockTarget(values.now, clock.now()));
  useClock(clock.now);
  const saveClock = (lastRuns: Record<string, string>) => clockFile.write({ offsetMs: clock.offset, lastRuns });
  // Start both emulators; if one fails, the other is still recorded so that it is stopped too.
  const started = await Promise.allSettled([
    startDynamoDbLocal({
      port: dynamoPort,
      ...(values['in-memory'] ? {} : { dbPath: path.join(LOCAL_DIR, 'dynamodb') }),
    }),
    startSesLocal({ port: sesPort }),
  ]);
  for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  const [dynamo, ses] = running as [Emulator, Emulator];
  Object.assign(
    process.env,
    localAwsEnvironment({ dynamoDbEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint, tableName: LOCAL_TABLE_NAME }),
  );
  // The HMAC keys (generated into .local/ on first use), served by the local Secrets Manager.
  secrets = await startLocalSecrets({
    receiptSigningKey: localKey('receipt-signing-key'),
    clientPseudonymKey: localKey('client-pseudonym-key'),
  });
  Object.assign(process.env, secrets.environment);
  // The raw AES key that seals participants' identities locally (in AWS: a KMS key), from .local/.
  process.env[PARTICIPANT_KEY_VARIABLES.localKeyFile] = localKeyFile('participant-identity-key');
  // The selection workflow: the ASL CDK synthesizes, served as a local Step Functions endpoint.
  workflows = await startLocalWorkflows({ port: sfnPort });
  process.env.AWS_ENDPOINT_URL_SFN = workflows.endpoint;
  process.env.SELECTION_STATE_MACHINE_ARN = workflows.selectionStateMachineArn;
  const client = new DynamoDBClient({});
  const created = await ensureTable(client, LOCAL_TABLE_NAME);
  client.destroy();
  outbox = await startOutboxStreamSender({ tableName: LOCAL_TABLE_NAME, log: (line) => console.log(line), intervalMs: 500 });
  const { getDeps } = await import('../../shared/runtime/deps.ts');
  const demo = await loadDemoDataIfEmpty(getDeps());

  api = createLocalApi({ tokens: await localTokenIssuer(), log: (line) => console.log(line), corsOrigins });
  const port = await listen(api, apiPort);
  scheduler = startLocalScheduler({
    log: (line) => console.log(line),
    clock,
    lastRuns: storedClock.lastRuns,
    onRun: saveClock,
  });
  const localScheduler = scheduler;
  saveClock(localScheduler.lastRuns());
  clockControl = createClockControl({ clock, scheduler, onMove: () => saveClock(localScheduler.lastRuns()) });
  await listen(clockControl, clockPort);

  console.log(`
Local cloud is up (Ctrl-C stops everything).
  API            http://127.0.0.1:${port}   (health: /health, OpenAPI: /openapi.json, reference: /docs)
  CORS           ${corsOrigins.length > 0 ? `browsers may call from ${corsOrigins.join(', ')}` : 'none (CORS_ORIGINS=https://portal.example,… allows origins)'}
  DynamoDB Local ${dynamo.endpoint}   table ${LOCAL_TABLE_NAME}${created ? ' (created)' : ''}, data ${values['in-memory'] ? 'in memory (thrown away on exit)' : 'in .local/dynamodb'}
  SES emulator   ${ses.endpoint}   (every email sent is listed there; the outbox is read from the table's stream)
  Scheduler      ${scheduler.describe()}
  Clock          ${clock.now().toISOString()}${clock.offset > 0 ? ' (moved ahead of the real time)' : ''}   control http://127.0.0.1:${clockPort}/clock: npm run clock -- +31d
  Step Functions ${workflows.endpoint}   ${workflows.describe()}, from the synthesized template
  Secrets        ${secrets.endpoint}   the receipt and client-pseudonym keys (from .local/), read by the handlers as in AWS
  Demo data      ${demo ? `${demo.facilities} facilities, ${demo.calls} published call with ${demo.applications} applications, a samenwerkingsverband Zorg and a network for ANTWERPEN, a begeleider AMA with werkposten and an agreement loaded` : 'table not empty, nothing loaded'}
  Token          TOKEN=$(npm run -s token -- --role department)
`);
} catch (error) {
  console.error(`\nThe local cloud could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
