// First: SDK clients built from here on are traced (shared/runtime/tracing.ts).
import '../runtime/tracing.ts';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { getBackgroundDeps, getDeps, type Deps } from '../runtime/deps.ts';

/** A workflow task: a Lambda that Step Functions invokes with the state, returning the next state. */
export function defineTask<I, O>(name: string, run: (input: I, deps: Deps) => Promise<O>) {
  const deps = getDeps();
  return middy<I, O, Error, Context>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .handler(async (input) => {
      const started = performance.now();
      const output = await run(input, getBackgroundDeps());
      getDeps().logger.info('task done', { task: name, ms: Math.round(performance.now() - started) });
      return output;
    });
}

type TaskHandler = (input: never, context: Context) => Promise<unknown>;

/**
 * One function for several tasks: the state machine invokes it with `{ task, input }` (the task state's
 * name and its input), and it runs that task's handler. An unknown task is an error, which the state
 * machine's catch turns into a failed run.
 */
export function dispatchTasks<Name extends string>(tasks: Record<Name, TaskHandler>) {
  const handler = async (event: { task: Name; input: unknown }, context: Context): Promise<unknown> => {
    const run = Object.hasOwn(tasks, event.task) ? tasks[event.task] : undefined;
    if (!run) throw new Error(`unknown workflow task ${String(event.task)}`);
    return run(event.input as never, context);
  };
  return Object.assign(handler, { taskNames: Object.keys(tasks) as Name[] });
}
