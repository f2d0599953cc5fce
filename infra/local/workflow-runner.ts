import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { StateMachine } from 'aws-local-stepfunctions';
import { HANDLER_TAG } from '../constructs/route-function.ts';
import { REPO_ROOT } from './paths.ts';
import { lambdaContext } from './api-event.ts';

/**
 * The local Step Functions: the state machines' ASL exactly as CDK synthesizes it, run with
 * aws-local-stepfunctions, each Lambda task bound in-process to the handler module of its function (found
 * through the function's handler tag). It answers StartExecution and DescribeExecution on the Step
 * Functions JSON protocol, so the start route's SDK client reaches it through AWS_ENDPOINT_URL_SFN.
 */
type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
type TaskFunction = (input: unknown) => Promise<unknown>;

export interface LocalStateMachine {
  logicalId: string;
  arn: string;
  /** Plain ASL, Lambda ARNs resolved to placeholders. */
  definition: Record<string, unknown>;
  /** Task state name → handler module (relative to the repository root). */
  taskHandlers: Record<string, string>;
}

const REGION = 'eu-west-1';
const ACCOUNT = '000000000000';
const functionArn = (logicalId: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${logicalId}`;

/** Joins the template's `Fn::Join` definition string, turning each `Fn::GetAtt [fn, Arn]` into a placeholder ARN. */
function resolveDefinition(definitionString: unknown): string {
  if (typeof definitionString === 'string') return definitionString;
  const join = (definitionString as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) throw new Error('unexpected DefinitionString shape');
  return join[1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const getAtt = (part as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
      if (getAtt) return functionArn(getAtt[0]);
      const ref = (part as { Ref?: string }).Ref;
      if (ref === 'AWS::Partition') return 'aws';
      if (ref === 'AWS::Region') return REGION;
      if (ref === 'AWS::AccountId') return ACCOUNT;
      throw new Error(`cannot resolve ${JSON.stringify(part)} in the state machine definition`);
    })
    .join('');
}

function collectTaskStates(
  states: Record<string, Record<string, unknown>>,
  into: Array<[string, Record<string, unknown>]>,
): void {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Task') into.push([name, state]);
    const processor = (state.ItemProcessor ?? state.Iterator) as { States?: Record<string, Record<string, unknown>> } | undefined;
    if (processor?.States) collectTaskStates(processor.States, into);
    for (const branch of (state.Branches as Array<{ States: Record<string, Record<string, unknown>> }> | undefined) ?? []) {
      collectTaskStates(branch.States, into);
    }
  }
}

export function stateMachinesFromTemplate(template: Template): LocalStateMachine[] {
  const handlerOf = new Map<string, string>();
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const tags = (resource.Properties.Tags as Array<{ Key: string; Value: string }> | undefined) ?? [];
    const handler = tags.find((t) => t.Key === HANDLER_TAG)?.Value;
    if (handler) handlerOf.set(functionArn(logicalId), handler);
  }
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine')
    .map(([logicalId, resource]) => {
      const definition = JSON.parse(resolveDefinition(resource.Properties.DefinitionString)) as Record<string, unknown>;
      const tasks: Array<[string, Record<string, unknown>]> = [];
      collectTaskStates(definition.States as Record<string, Record<string, unknown>>, tasks);
      const taskHandlers: Record<string, string> = {};
      for (const [name, state] of tasks) {
        const resourceArn = String(state.Resource);
        const handler = handlerOf.get(resourceArn);
        if (!handler) throw new Error(`task state ${name} calls ${resourceArn}, which has no handler tag`);
        taskHandlers[name] = handler;
      }
      return { logicalId, arn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${logicalId}`, definition, taskHandlers };
    });
}

/** Synthesizes the CDK app in-process, bundling skipped (the ASL does not depend on it), and returns the template. */
export async function synthesizedTemplate(): Promise<Template> {
  const { buildApp } = await import('../stack.ts');
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'werk-en-zorg-asl-'));
  try {
    const { app, stack } = buildApp({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    const assembly = app.synth();
    return assembly.getStackArtifact(stack.artifactId).template as Template;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  done: Promise<void>;
}

export interface LocalStepFunctionsOptions {
  /** Wrap a task's handler (tests inject faults this way). */
  wrapTask?: (stateName: string, task: TaskFunction) => TaskFunction;
}

export class LocalStepFunctions {
  private readonly machines = new Map<string, { machine: LocalStateMachine; runner: StateMachine }>();
  private readonly executions = new Map<string, Execution>();
  private readonly modules = new Map<string, Promise<{ handler: (event: unknown, context: unknown) => Promise<unknown> }>>();

  constructor(
    machines: readonly LocalStateMachine[],
    private readonly options: LocalStepFunctionsOptions = {},
  ) {
    for (const machine of machines) {
      this.machines.set(machine.arn, {
        machine,
        runner: new StateMachine(machine.definition as never, { validationOptions: { checkArn: false } }),
      });
    }
  }

  get stateMachineArns(): string[] {
    return [...this.machines.keys()];
  }

  private task(stateName: string, modulePath: string): TaskFunction {
    const run: TaskFunction = async (input) => {
      let loaded = this.modules.get(modulePath);
      if (!loaded) {
        loaded = import(pathToFileURL(path.join(REPO_ROOT, modulePath)).href);
        this.modules.set(modulePath, loaded);
      }
      return (await loaded).handler(input, lambdaContext(stateName, 300_000));
    };
    return this.options.wrapTask ? this.options.wrapTask(stateName, run) : run;
  }

  startExecution(stateMachineArn: string, name: string | undefined, input: string): Execution {
    const entry = this.machines.get(stateMachineArn);
    if (!entry)
      throw Object.assign(new Error(`State machine does not exist: ${stateMachineArn}`), { code: 'StateMachineDoesNotExist' });
    const executionName = name ?? randomUUID();
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName}`;
    if (this.executions.has(executionArn)) {
      throw Object.assign(new Error(`Execution Already Exists: '${executionArn}'`), { code: 'ExecutionAlreadyExists' });
    }
    const overrides: Record<string, TaskFunction> = {};
    const retries: Record<string, number> = {};
    for (const [stateName, modulePath] of Object.entries(entry.machine.taskHandlers)) {
      overrides[stateName] = this.task(stateName, modulePath);
      retries[stateName] = 0;
    }
    const execution: Execution = {
      executionArn,
      stateMachineArn,
      name: executionName,
      input,
      status: 'RUNNING',
      startDate: new Date(),
      done: Promise.resolve(),
    };
    const run = entry.runner.run(JSON.parse(input) as Parameters<StateMachine['run']>[0], {
      overrides: { taskResourceLocalHandlers: overrides as never, retryIntervalOverrides: retries },
    });
    execution.done = run.result.then(
      (output: unknown) => {
        execution.status = 'SUCCEEDED';
        execution.output = JSON.stringify(output ?? null);
        execution.stopDate = new Date();
      },
      (error: unknown) => {
        execution.status = 'FAILED';
        execution.error = error instanceof Error ? error.name : 'Error';
        execution.stopDate = new Date();
      },
    );
    this.executions.set(executionArn, execution);
    return execution;
  }

  describeExecution(executionArn: string): Execution | undefined {
    return this.executions.get(executionArn);
  }

  /** Resolves when the execution has ended (tests and the local cloud's shutdown). */
  async waitFor(executionArn: string): Promise<Execution> {
    const execution = this.executions.get(executionArn);
    if (!execution) throw new Error(`no execution ${executionArn}`);
    await execution.done;
    return execution;
  }

  async idle(): Promise<void> {
    await Promise.all([...this.executions.values()].map((e) => e.done));
  }

  /** The Step Functions JSON 1.0 protocol, enough for StartExecution and DescribeExecution. */
  createServer(): Server {
    const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const target = String(req.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      };
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
        if (target === 'StartExecution') {
          const execution = this.startExecution(body.stateMachineArn!, body.name, body.input ?? '{}');
          return send(200, { executionArn: execution.executionArn, startDate: execution.startDate.getTime() / 1000 });
        }
        if (target === 'DescribeExecution') {
          const execution = this.describeExecution(body.executionArn!);
          if (!execution) return send(400, { __type: 'ExecutionDoesNotExist', message: 'Execution does not exist' });
          return send(200, {
            executionArn: execution.executionArn,
            stateMachineArn: execution.stateMachineArn,
            name: execution.name,
            status: execution.status,
            startDate: execution.startDate.getTime() / 1000,
            ...(execution.stopDate ? { stopDate: execution.stopDate.getTime() / 1000 } : {}),
            input: execution.input,
            ...(execution.output ? { output: execution.output } : {}),
            ...(execution.error ? { error: execution.error } : {}),
          });
        }
        return send(400, { __type: 'UnknownOperationException', message: `${target} is not supported locally` });
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'InvalidParameterValue';
        return send(400, { __type: code, message: error instanceof Error ? error.message : String(error) });
      }
    };
    return createServer((req, res) => {
      serve(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  }
}

export function describeWorkflows(machines: readonly LocalStateMachine[]): string {
  return machines.length === 0
    ? 'no state machines'
    : machines.map((m) => `${m.logicalId} (${Object.keys(m.taskHandlers).length} tasks)`).join(', ');
}

export interface LocalWorkflows {
  stepFunctions: LocalStepFunctions;
  endpoint: string;
  selectionStateMachineArn: string;
  describe(): string;
  stop(): Promise<void>;
}

/** The state machines of a fresh synth of the app. */
export async function synthesizedStateMachines(): Promise<LocalStateMachine[]> {
  return stateMachinesFromTemplate(await synthesizedTemplate());
}

/**
 * Serves the state machines on `port` (0: any free one): those given (the local cloud passes the cached
 * ones, workflow-cache.ts), else those of a fresh synth of the app. The environment for handlers:
 * AWS_ENDPOINT_URL_SFN = endpoint, SELECTION_STATE_MACHINE_ARN.
 */
export async function startLocalWorkflows(options: {
  port: number;
  machines?: readonly LocalStateMachine[];
  wrapTask?: LocalStepFunctionsOptions['wrapTask'];
  /** How to move the port when it is taken (the local cloud names its variable). */
  portAdvice?: string;
}): Promise<LocalWorkflows> {
  const machines = options.machines ?? (await synthesizedStateMachines());
  const selection = machines.find((m) => m.logicalId.startsWith('SelectionStateMachine'));
  if (!selection) throw new Error('the synthesized template has no selection state machine');
  const stepFunctions = new LocalStepFunctions(machines, options.wrapTask ? { wrapTask: options.wrapTask } : {});
  const server = stepFunctions.createServer();
  const { listen } = await import('./api-server.ts');
  const port = await listen(server, options.port, {
    what: 'Local Step Functions',
    ...(options.portAdvice ? { advice: options.portAdvice } : {}),
  });
  return {
    stepFunctions,
    endpoint: `http://127.0.0.1:${port}`,
    selectionStateMachineArn: selection.arn,
    describe: () => describeWorkflows(machines),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stepFunctions.idle();
    },
  };
}
