/**
 * The functions CDK deploys, as `npm run bench` measures them: each API function of shared/functions.ts
 * (its needs the union of its routes'), the selection workflow tasks' function and each scheduled job, with the
 * AWS SDK clients it builds. Each is compared with a bare handler built in the same run that builds the
 * same clients and nothing else: what our own code (route table entries, zod schemas, middy, the
 * logger, domain rules, stores) adds to a cold start.
 */
import { REPO_ROOT, subpathImportsOf } from '../infra/local/paths.ts';
import { apiFunctions, needsOf, routeSpecsOf, separateBundlesOf, type ApiFunctionId, type ApiFunctionSpec } from '../shared/functions.ts';
import { schedules } from '../shared/schedules.ts';
import { OUTBOX_STREAM_SENDER } from '../shared/email/outbox.ts';
import { SELECTION_TASKS_FUNCTION } from '../shared/workflows/selection.ts';

/**
 * The AWS SDK clients a function builds. `xray`: its clients are captured by Powertools Tracer (X-Ray
 * subsegments for every SDK call), as the background functions' are (shared/runtime/tracing.ts); the bare
 * handler then builds them captured too.
 */
export type SdkClient = 'dynamodb' | 'ses' | 'sfn' | 'kms' | 'xray';

export interface DeployedFunction {
  name: string;
  kind: 'api' | 'task' | 'job';
  entry: string;
  /** The SDK clients it builds (at import or on first use). */
  clients: readonly SdkClient[];
  /** Packages CDK installs next to the bundle (pdfkit). */
  externals: readonly string[];
  /** For the functions that need no AWS service: a typical request, answered once right after the import. */
  firstRequest?: object;
}

/**
 * A typical first request of each function that needs no AWS service, as API Gateway sends it: the bench
 * times the import and this request's answer, since these functions read their data on the first request.
 */
const FIRST_REQUESTS: Partial<Record<ApiFunctionId, object>> = {
  Health: { routeKey: 'GET /health', rawPath: '/health', rawQueryString: '', headers: {}, requestContext: { http: { method: 'GET' } } },
  OpenApi: {
    routeKey: 'GET /openapi.json',
    rawPath: '/openapi.json',
    rawQueryString: '',
    headers: { host: 'api.example' },
    requestContext: { domainName: 'api.example', http: { method: 'GET' } },
  },
  Reference: {
    routeKey: 'GET /rules',
    rawPath: '/rules',
    rawQueryString: '',
    headers: {},
    requestContext: { http: { method: 'GET' }, authorizer: { jwt: { claims: { sub: 'bench', 'cognito:groups': '[casemanager-werk]' } } } },
  },
};

/** The empty handler's first call, timed like the others'. */
export const EMPTY_HANDLER_FIRST_REQUEST = {};

export function deployedFunctions(): DeployedFunction[] {
  const api = (Object.keys(apiFunctions) as ApiFunctionId[]).map((id): DeployedFunction => {
    const needs = needsOf(routeSpecsOf(id));
    return {
      name: id,
      kind: 'api',
      entry: apiFunctions[id].entry,
      clients: [
        ...(needs.table !== 'none' ? (['dynamodb'] as const) : []),
        ...(needs.sendsEmail ? (['ses'] as const) : []),
        ...(needs.startsSelection ? (['sfn'] as const) : []),
        // The Encryption SDK's KMS keyring (participants' identities) builds the aggregated KMS client.
        ...(needs.sealsParticipantIdentity || needs.opensParticipantIdentity ? (['kms'] as const) : []),
      ],
      externals: [...needs.nodeModules, ...separateBundlesOf(id, needs)],
      ...(FIRST_REQUESTS[id] ? { firstRequest: FIRST_REQUESTS[id] } : {}),
    };
  });
  const tasks: DeployedFunction = {
    name: `task:${SELECTION_TASKS_FUNCTION.operationId}`,
    kind: 'task',
    entry: SELECTION_TASKS_FUNCTION.handler,
    clients: ['dynamodb', ...(SELECTION_TASKS_FUNCTION.sendsEmail ? (['ses'] as const) : []), 'xray'],
    externals: [],
  };
  const jobs = schedules.map((job): DeployedFunction => ({
    name: `job:${job.id}`,
    kind: 'job',
    entry: job.handler,
    clients: ['dynamodb', ...(job.sendsEmail ? (['ses'] as const) : []), 'xray'],
    externals: [],
  }));
  const outbox: DeployedFunction = {
    name: 'outbox-stream-sender',
    kind: 'task',
    entry: OUTBOX_STREAM_SENDER.handler,
    clients: ['dynamodb', 'ses', 'xray'],
    externals: [],
  };
  return [...api, tasks, ...jobs, outbox];
}

/**
 * The modules a function bundles into a file of their own and imports on first use (`separateModules`,
 * e.g. Reference's `#reference-routes`): measured for information, not held to the cold-import target,
 * since no cold start imports them. Compared with the bare handler of their function.
 */
export function separateModules(functions: readonly DeployedFunction[] = deployedFunctions()): DeployedFunction[] {
  const imports = subpathImportsOf(REPO_ROOT);
  return (Object.keys(apiFunctions) as ApiFunctionId[]).flatMap((id) => {
    const spec: ApiFunctionSpec = apiFunctions[id];
    const owner = functions.find((fn) => fn.name === id);
    // Data files beside the bundle (`#openapi-document`) are read, not imported: nothing to measure.
    const modules = (spec.separateModules ?? []).filter((specifier) => imports[specifier]?.endsWith('.ts') ?? true);
    return modules.map((specifier): DeployedFunction => {
      const entry = imports[specifier];
      if (!entry || !owner) throw new Error(`${id}: ${specifier} is not in package.json "imports"`);
      return { name: `${id} ${specifier}`, kind: owner.kind, entry: entry.replace(/^\.\//, ''), clients: owner.clients, externals: [] };
    });
  });
}

/** The name of the bare handler that builds exactly these clients (`bare:none` for no client at all). */
export function bareNameOf(clients: readonly SdkClient[]): string {
  return `bare:${clients.length > 0 ? [...clients].sort().join('+') : 'none'}`;
}

/**
 * A bare handler: builds the given clients at import as our functions would (the DynamoDB document client
 * with the same marshalling options), nothing else. With no client it is the empty handler.
 */
export function bareHandlerSource(clients: readonly SdkClient[]): string {
  const lines: string[] = [];
  const built: string[] = [];
  // Captured as shared/runtime/tracing.ts captures them: each client passes through the tracer when built.
  const traced = clients.includes('xray');
  if (traced) {
    lines.push(
      "import { Tracer } from '@aws-lambda-powertools/tracer';",
      "const tracer = new Tracer({ serviceName: 'bench' });",
      'const capture = (client) => tracer.captureAWSv3Client(client);',
    );
  }
  const client = (expression: string) => (traced ? `capture(${expression})` : expression);
  if (clients.includes('dynamodb')) {
    lines.push(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      `const ddb = DynamoDBDocumentClient.from(${client('new DynamoDBClient({})')}, { marshallOptions: { removeUndefinedValues: true } });`,
    );
    built.push('ddb');
  }
  if (clients.includes('ses')) {
    lines.push("import { SESv2Client } from '@aws-sdk/client-sesv2';", `const ses = ${client('new SESv2Client({})')};`);
    built.push('ses');
  }
  if (clients.includes('sfn')) {
    lines.push("import { SFNClient } from '@aws-sdk/client-sfn';", `const sfn = ${client('new SFNClient({})')};`);
    built.push('sfn');
  }
  if (clients.includes('kms')) {
    lines.push("import { KMS } from '@aws-sdk/client-kms';", `const kms = ${client('new KMS({})')};`);
    built.push('kms');
  }
  lines.push(`export const handler = async () => ({ statusCode: 200, body: String([${built.join(', ')}].length) });`);
  return `${lines.join('\n')}\n`;
}
