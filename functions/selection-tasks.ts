/** The selection workflow's tasks, one function. Which state runs which task: shared/workflows/selection.ts. */
import { dispatchTasks } from '../shared/workflows/task.ts';
import type { SelectionTaskName } from '../shared/workflows/selection.ts';
import { handler as closeCall } from './selection/tasks/close-call.ts';
import { handler as evaluateBatch } from './selection/tasks/evaluate-batch.ts';
import { handler as rank } from './selection/tasks/rank.ts';
import { handler as appointBatch } from './selection/tasks/appoint-batch.ts';
import { handler as commit } from './selection/tasks/commit.ts';
import { handler as notifyBatch } from './selection/tasks/notify-batch.ts';
import { handler as markFailed } from './selection/tasks/mark-failed.ts';

export const handler = dispatchTasks<SelectionTaskName>({
  CloseCall: closeCall,
  EvaluateBatch: evaluateBatch,
  RankAndDecide: rank,
  AppointBatch: appointBatch,
  CommitDecision: commit,
  NotifyBatch: notifyBatch,
  MarkFailed: markFailed,
});
