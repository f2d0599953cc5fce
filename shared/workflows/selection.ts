/**
 * The network-selection workflow: its Lambda tasks, defined once. CDK builds the Standard state machine
 * from these (infra/constructs/selection-workflow.ts). All tasks run in one function
 * (SELECTION_TASKS_FUNCTION): each task state invokes it with `{ task, input }` and the function dispatches
 * to the task's module; the local runner binds each task state of the synthesized ASL to the same
 * function's module, in-process.
 */
export interface WorkflowTask {
  /** The state's name in the ASL. */
  stateName: string;
  /** Handler module relative to the repository root; it exports `handler`. */
  handler: string;
  table: 'read' | 'write';
  sendsEmail?: boolean;
}

export const SELECTION_TASKS = {
  closeCall: { stateName: 'CloseCall', handler: 'functions/selection/tasks/close-call.ts', table: 'write' },
  evaluateBatch: { stateName: 'EvaluateBatch', handler: 'functions/selection/tasks/evaluate-batch.ts', table: 'write' },
  rank: { stateName: 'RankAndDecide', handler: 'functions/selection/tasks/rank.ts', table: 'write' },
  appointBatch: { stateName: 'AppointBatch', handler: 'functions/selection/tasks/appoint-batch.ts', table: 'write' },
  commit: { stateName: 'CommitDecision', handler: 'functions/selection/tasks/commit.ts', table: 'write' },
  notifyBatch: {
    stateName: 'NotifyBatch',
    handler: 'functions/selection/tasks/notify-batch.ts',
    table: 'write',
    sendsEmail: true,
  },
  markFailed: { stateName: 'MarkFailed', handler: 'functions/selection/tasks/mark-failed.ts', table: 'write', sendsEmail: true },
} as const satisfies Record<string, WorkflowTask>;

export type SelectionTaskName = (typeof SELECTION_TASKS)[keyof typeof SELECTION_TASKS]['stateName'];

/** What a task state passes to the tasks' function: which task, and the state's input. */
export interface SelectionTaskEvent {
  task: SelectionTaskName;
  input: unknown;
}

/**
 * The one function that runs every task (a function per task cost about 4 CloudFormation resources each).
 * Its access is the union of what its tasks declare.
 */
export const SELECTION_TASKS_FUNCTION = {
  operationId: 'SelectionTasks',
  handler: 'functions/selection-tasks.ts',
  table: Object.values(SELECTION_TASKS).some((task) => task.table === 'write') ? 'write' : 'read',
  sendsEmail: Object.values(SELECTION_TASKS).some((task) => 'sendsEmail' in task && task.sendsEmail),
} as const;

/** Applications per batch: one Map iteration each, so 1,000 applications are 10 small task payloads. */
export const SELECTION_BATCH_SIZE = 100;

/** The input of an execution, and what every task passes on: references, never the applications themselves. */
export interface SelectionState {
  callId: string;
  runId: string;
  dryRun: boolean;
  batches?: number[];
}

export interface BatchInput {
  callId: string;
  runId: string;
  dryRun: boolean;
  batch: number;
}
