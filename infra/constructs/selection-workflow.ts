import { Duration, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  JsonPath,
  LogLevel,
  Map as MapState,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  type TaskStateBase,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { SELECTION_TASKS, SELECTION_TASKS_FUNCTION, type WorkflowTask } from '../../shared/workflows/selection.ts';
import { backgroundFunction, type BackgroundFunctionProps, type RouteFunction } from './route-function.ts';

export type SelectionWorkflowProps = BackgroundFunctionProps;

/** How many batches run at once in each Map state. */
const MAP_CONCURRENCY = 10;

/**
 * The network selection as a Standard state machine (JSONPath, inline Map: what aws-local-stepfunctions runs
 * too). Every task retries transient errors with backoff; every failure ends in MarkFailed. The state
 * between steps holds ids and batch numbers only.
 *
 *   CloseCall → EvaluateApplications (Map: EvaluateBatch) → RankAndDecide → DryRun?
 *     ├─ yes → DryRunDone
 *     └─ no  → AppointNetworks (Map: AppointBatch) → CommitDecision → NotifyLeads (Map: NotifyBatch) → Decided
 *   any failure → MarkFailed → SelectionFailed
 */
export class SelectionWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  /** The one function every task state invokes. */
  readonly tasksFunction: RouteFunction;

  constructor(scope: Construct, id: string, props: SelectionWorkflowProps) {
    super(scope, id);
    this.tasksFunction = backgroundFunction(
      this,
      'TasksFunction',
      { ...SELECTION_TASKS_FUNCTION, description: 'Selection workflow tasks (one function, dispatched by task name)' },
      props,
    );
    const invoke = (task: WorkflowTask) => {
      const state = new LambdaInvoke(this, task.stateName, {
        lambdaFunction: this.tasksFunction.function,
        payload: TaskInput.fromObject({ task: task.stateName, input: JsonPath.entirePayload }),
        payloadResponseOnly: true,
        retryOnServiceExceptions: true,
      });
      state.addRetry({ errors: ['States.ALL'], interval: Duration.seconds(2), maxAttempts: 3, backoffRate: 2 });
      return state;
    };

    const failed = new Fail(this, 'SelectionFailed', { error: 'SelectionFailed', cause: 'The run record holds the error.' });
    const markFailed = invoke(SELECTION_TASKS.markFailed).next(failed);
    const catchInto = <T extends TaskStateBase | MapState>(state: T): T => {
      state.addCatch(markFailed, { resultPath: '$.error' });
      return state;
    };

    const batchMap = (name: string, task: WorkflowTask) =>
      catchInto(
        new MapState(this, name, {
          itemsPath: '$.batches',
          itemSelector: {
            'callId.$': '$.callId',
            'runId.$': '$.runId',
            'dryRun.$': '$.dryRun',
            'batch.$': '$$.Map.Item.Value',
          },
          maxConcurrency: MAP_CONCURRENCY,
          resultPath: JsonPath.DISCARD,
        }).itemProcessor(invoke(task)),
      );

    const closeCall = catchInto(invoke(SELECTION_TASKS.closeCall));
    const evaluate = batchMap('EvaluateApplications', SELECTION_TASKS.evaluateBatch);
    const rank = catchInto(invoke(SELECTION_TASKS.rank));
    const appoint = batchMap('AppointNetworks', SELECTION_TASKS.appointBatch);
    const commit = catchInto(invoke(SELECTION_TASKS.commit));
    const notify = batchMap('NotifyLeads', SELECTION_TASKS.notifyBatch);

    appoint.next(commit).next(notify).next(new Succeed(this, 'Decided'));
    const definition = closeCall
      .next(evaluate)
      .next(rank)
      .next(
        new Choice(this, 'DryRun?')
          .when(Condition.booleanEquals('$.dryRun', true), new Succeed(this, 'DryRunDone'))
          .otherwise(appoint),
      );

    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, encryptionKey: props.key });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      timeout: Duration.hours(2),
      comment: 'Network selection for a call (see shared/workflows/selection.ts)',
    });

    // The wildcards of the state machine's own role, acknowledged finding by finding.
    const stack = Stack.of(this);
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:CreateLogDelivery, logs:DescribeResourcePolicies, …) and X-Ray tracing support no resource-level permissions.',
    });
    const logicalId = stack.resolve(stack.getLogicalId(this.tasksFunction.function.node.defaultChild as CfnElement)) as string;
    Validations.of(this.stateMachine.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: `LambdaInvoke grants lambda:InvokeFunction on the tasks' own function and its versions (<function ARN>:*), nothing else.`,
    });
  }
}
