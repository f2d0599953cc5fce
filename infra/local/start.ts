/**
 * `npm start`: the local cloud in one process tree. DynamoDB Local, the SES emulator, the local Secrets
 * Manager, the workflow runner, the local API and the scheduler, with demo data. Ctrl-C stops all of it;
 * so does a failed start-up. Options: --in-memory (throw-away data), --now <instant> (start the clock
 * there: clock.ts). Ports: ports.ts (PORT, DYNAMODB_PORT, SES_PORT, SFN_PORT, SECRETS_PORT, CLOCK_PORT).
 * CORS_ORIGINS: the origins allowed to call from a browser, comma-separated (default cdk.json's
 * `corsOrigins` context, as CDK reads it; none by default).
 *
 * It says what it does while it starts (a line when each part starts, with where, and one when it is
 * ready), starts the emulators and its own modules side by side, and takes the state machines from
 * `.local/cache/` unless their sources changed (workflow-cache.ts). When everything is up it writes
 * `.local/cloud.json` (cloud-state.ts: its endpoints and the handlers' environment), which `npm run job`
 * reads, and removes it when it stops.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { Server } from 'node:http';
import { assertPortFree, ensureTable, startDynamoDbLocal, startSesLocal, type Emulator } from './emulators.ts';
import { LOCAL_DIR, LOCAL_TABLE_NAME, REPO_ROOT } from './paths.ts';
import { LOCAL_PORTS, localPortsFrom, portInUseAdvice, type LocalPortId } from './ports.ts';
import { cloudStateFile, otherRunningCloud, removeCloudState, writeCloudState } from './cloud-state.ts';
import type { LocalScheduler } from './scheduler.ts';
import type { StreamPoller } from './stream-poller.ts';
import type { LocalWorkflows } from './workflow-runner.ts';
import type { LocalSecrets } from './secrets.ts';
import { parseCorsOrigins } from '../../shared/http/cors.ts';
import { ClockFile, clockTarget, LocalClock } from './clock.ts';
import { useClock } from '../../shared/runtime/clock.ts';

const t0 = performance.now();
const seconds = (since = t0) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const relative = (file: string) => path.relative(REPO_ROOT, file) || file;
/** A progress line: what starts or is ready, and where. */
const say = (line: string) => console.log(`  ${line}`);

const running: Emulator[] = [];
let api: Server | undefined;
let clockControl: Server | undefined;
let scheduler: LocalScheduler | undefined;
let outbox: StreamPoller | undefined;
let workflows: LocalWorkflows | undefined;
let secrets: LocalSecrets | undefined;
let stopping = false;
const stateFile = cloudStateFile();

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    removeCloudState(stateFile);
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

/** Resolves with the part's result, printing how long it took; a failure is kept for stopAll. */
async function part<T>(what: string, start: () => Promise<T>, ready: (result: T) => string): Promise<T> {
  const since = performance.now();
  const result = await start();
  say(`✓ ${what.padEnd(15)} ${ready(result)} (${seconds(since)})`);
  return result;
}

try {
  const { values } = parseArgs({ options: { 'in-memory': { type: 'boolean', default: false }, now: { type: 'string' } } });
  const inMemory = values['in-memory'];
  const cdkContext = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> })
    .context;
  const corsOrigins = parseCorsOrigins(process.env.CORS_ORIGINS ?? cdkContext?.corsOrigins);
  // The clock every handler, task and job reads (shared/runtime/clock.ts): kept in .local/ with the data,
  // moved to --now when given (never back).
  const clockFile = new ClockFile(inMemory ? undefined : path.join(LOCAL_DIR, 'clock.json'));
  const storedClock = clockFile.read();
  const clock = new LocalClock(storedClock.offsetMs);
  if (values.now !== undefined) clock.moveTo(clockTarget(values.now, clock.now()));
  useClock(clock.now);
  const ports = localPortsFrom(process.env);
  const advice = (id: LocalPortId) => portInUseAdvice(id, ports[id]);
  const other = otherRunningCloud(stateFile);
  if (other) {
    throw new Error(
      `another local cloud is running (pid ${other.pid}, API at ${other.endpoints.api}, state in ${relative(stateFile)}). ` +
        'Stop it first (Ctrl-C in its terminal), or give a second one other ports and a state file of its own, e.g. ' +
        'LOCAL_CLOUD_STATE=.local/cloud-2.json PORT=3010 DYNAMODB_PORT=8010 SES_PORT=8015 SFN_PORT=8093 npm start -- --in-memory',
    );
  }
  // Every fixed port first, so a taken one fails at once, names the variable that moves it, and nothing started.
  await Promise.all(LOCAL_PORTS.filter((p) => ports[p.id] !== 0).map((p) => assertPortFree(ports[p.id], p.what, advice(p.id))));
  const dataDir = path.join(LOCAL_DIR, 'dynamodb');
  console.log(`Starting the local cloud (Ctrl-C stops it)${inMemory ? ', data in memory' : ''}:`);

  // The two emulators are child processes (the JVM's start is the slowest part): they start first and
  // side by side, while this process loads the state machines and its own modules.
  say(
    `… DynamoDB Local: the official jar (java, port ${ports.dynamodb}), data ${inMemory ? 'in memory' : `in ${relative(dataDir)}`}`,
  );
  const dynamoStarting = part(
    'DynamoDB Local',
    () =>
      startDynamoDbLocal({
        port: ports.dynamodb,
        portAdvice: advice('dynamodb'),
        fastStart: true,
        ...(inMemory ? {} : { dbPath: dataDir }),
      }),
    (e) => e.endpoint,
  );
  say(`… SES emulator: aws-ses-v2-local (port ${ports.ses}), its page lists every email sent`);
  const sesStarting = part(
    'SES emulator',
    () => startSesLocal({ port: ports.ses, portAdvice: advice('ses') }),
    (e) => e.endpoint,
  );
  // Recorded as soon as each is up, so that a failure elsewhere stops it too.
  const emulators = Promise.allSettled([dynamoStarting, sesStarting]).then((results) => {
    for (const result of results) if (result.status === 'fulfilled') running.push(result.value);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    return running as [Emulator, Emulator];
  });

  const workflowsStarting = (async () => {
    const [{ cachedStateMachines }, { startLocalWorkflows, synthesizedStateMachines, describeWorkflows }] = await Promise.all([
      import('./workflow-cache.ts'),
      import('./workflow-runner.ts'),
    ]);
    say(`… Step Functions: the selection workflow (port ${ports.sfn}), its ASL from the CDK app`);
    const since = performance.now();
    const cached = await cachedStateMachines({
      synthesize: synthesizedStateMachines,
      onSynth: () =>
        say(
          `… Step Functions: infra/, shared/ or the lock file changed since the ASL was cached: synthesizing the CDK app once (about 10 s; cached in ${relative(LOCAL_DIR)}/cache/)`,
        ),
    });
    const started = await startLocalWorkflows({ port: ports.sfn, machines: cached.machines, portAdvice: advice('sfn') });
    workflows = started;
    say(
      `✓ ${'Step Functions'.padEnd(15)} ${started.endpoint}   ${describeWorkflows(cached.machines)}, ${
        cached.source === 'cache' ? `ASL from ${relative(cached.cacheFile)}` : 'ASL synthesized now'
      } (${seconds(since)})`,
    );
    return started;
  })();

  const secretsStarting = (async () => {
    const [{ startLocalSecrets }, { localKey }] = await Promise.all([import('./secrets.ts'), import('./environment.ts')]);
    return part(
      'Secrets',
      async () =>
        (secrets = await startLocalSecrets({
          port: ports.secrets,
          portAdvice: advice('secrets'),
          receiptSigningKey: localKey('receipt-signing-key'),
          clientPseudonymKey: localKey('client-pseudonym-key'),
        })),
      (s) =>
        `${s.endpoint}   the receipt and client-pseudonym keys (from ${relative(LOCAL_DIR)}/), read by the handlers as in AWS`,
    );
  })();

  // The modules the API, the demo data and the scheduler need: loaded while the emulators start.
  const modules = Promise.all([
    import('./api-server.ts'),
    import('./tokens.ts'),
    import('./demo-data.ts'),
    import('./scheduler.ts'),
    import('./stream-poller.ts'),
    import('./environment.ts'),
    import('../../shared/runtime/deps.ts'),
    import('../../shared/runtime/secret-ids.ts'),
    import('@aws-sdk/client-dynamodb'),
  ]);

  // Each failure is awaited below; none is left unhandled while another part is still starting.
  for (const p of [workflowsStarting, secretsStarting, modules]) p.catch(() => undefined);
  const [dynamo, ses] = await emulators;
  const [
    { createLocalApi, listen },
    { localTokenIssuer },
    { loadDemoDataIfEmpty },
    { startLocalScheduler },
    { startOutboxStreamSender },
    { localAwsEnvironment, localKeyFile },
    { getDeps },
    { PARTICIPANT_KEY_VARIABLES },
    { DynamoDBClient },
  ] = await modules;
  const environment: Record<string, string> = localAwsEnvironment({
    dynamoDbEndpoint: dynamo.endpoint,
    sesEndpoint: ses.endpoint,
    tableName: LOCAL_TABLE_NAME,
  });
  // The raw AES key that seals participants' identities locally (in AWS: a KMS key), from .local/.
  environment[PARTICIPANT_KEY_VARIABLES.localKeyFile] = localKeyFile('participant-identity-key');
  Object.assign(environment, (await secretsStarting).environment);
  const started = await workflowsStarting;
  environment.AWS_ENDPOINT_URL_SFN = started.endpoint;
  environment.SELECTION_STATE_MACHINE_ARN = started.selectionStateMachineArn;
  Object.assign(process.env, environment);

  const created = await part(
    'Table',
    async () => {
      const client = new DynamoDBClient({});
      try {
        return await ensureTable(client, LOCAL_TABLE_NAME);
      } finally {
        client.destroy();
      }
    },
    (made) => `${LOCAL_TABLE_NAME} ${made ? 'created from the table design' : 'found'}`,
  );
  outbox = await startOutboxStreamSender({ tableName: LOCAL_TABLE_NAME, log: (line) => console.log(line), intervalMs: 500 });
  const demo = await part(
    'Demo data',
    () => loadDemoDataIfEmpty(getDeps()),
    (loaded) =>
      loaded
        ? `${loaded.facilities} facilities, ${loaded.calls} published call with ${loaded.applications} applications, a samenwerkingsverband Zorg and a network for ANTWERPEN, a begeleider AMA with werkposten and an agreement loaded`
        : 'the table is not empty: nothing loaded',
  );

  api = createLocalApi({ tokens: await localTokenIssuer(), log: (line) => console.log(line), corsOrigins });
  const port = await listen(api, ports.api, { what: 'Local API', advice: advice('api') });
  const saveClock = (lastRuns: Record<string, string>) => clockFile.write({ offsetMs: clock.offset, lastRuns });
  const localScheduler = startLocalScheduler({
    log: (line) => console.log(line),
    clock,
    lastRuns: storedClock.lastRuns,
    onRun: saveClock,
  });
  scheduler = localScheduler;
  saveClock(localScheduler.lastRuns());
  const { createClockControl, CLOCK_CONTROL_PATH } = await import('./clock-control.ts');
  const sender = outbox;
  clockControl = createClockControl({
    clock,
    scheduler: localScheduler,
    onMove: () => saveClock(localScheduler.lastRuns()),
    whileOutboxIdle: (move) => sender.whileIdle(move),
  });
  const clockEndpoint = `http://127.0.0.1:${await listen(clockControl, ports.clock, { what: 'Clock control', advice: advice('clock') })}${CLOCK_CONTROL_PATH}`;
  const apiEndpoint = `http://127.0.0.1:${port}`;
  writeCloudState(
    {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      data: inMemory ? 'in-memory' : relative(dataDir),
      tableName: LOCAL_TABLE_NAME,
      endpoints: {
        api: apiEndpoint,
        dynamodb: dynamo.endpoint,
        ses: ses.endpoint,
        sfn: started.endpoint,
        secrets: secrets!.endpoint,
        clock: clockEndpoint,
      },
      environment,
    },
    stateFile,
  );

  console.log(`
Local cloud is up in ${seconds()} (Ctrl-C stops everything).
  API            ${apiEndpoint}   (health: /health, OpenAPI: /openapi.json, reference: /docs)
  DynamoDB Local ${dynamo.endpoint}   table ${LOCAL_TABLE_NAME}${created ? ' (created)' : ''}, data ${inMemory ? 'in memory (thrown away on exit)' : `in ${relative(dataDir)}`}
  SES emulator   ${ses.endpoint}   (every email sent is listed there; the outbox is read from the table's stream)
  Scheduler      ${scheduler.describe()}
  Clock          ${clock.now().toISOString()}${clock.offset > 0 ? ' (moved ahead of the real time)' : ''}   move it: npm run clock -- +31d (control ${clockEndpoint})
  Step Functions ${started.endpoint}   ${started.describe()}, from the synthesized template
  Secrets        ${secrets!.endpoint}   the receipt and client-pseudonym keys (from .local/), read by the handlers as in AWS
  Demo data      ${demo ? `${demo.facilities} facilities, ${demo.calls} published call with ${demo.applications} applications, a samenwerkingsverband Zorg and a network for ANTWERPEN, a begeleider AMA with werkposten and an agreement loaded` : 'table not empty, nothing loaded'}
  State          ${relative(stateFile)}   (the endpoints above, for npm run job; removed on exit)
  Token          TOKEN=$(npm run -s token -- --role department)
`);
} catch (error) {
  console.error(`\nThe local cloud could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
