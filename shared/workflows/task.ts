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
