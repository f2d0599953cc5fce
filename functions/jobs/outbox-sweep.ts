import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { sweepOutbox, type SweepReport } from '../../shared/email/outbox.ts';
import { getBackgroundDeps, getDeps } from '../../shared/runtime/deps.ts';

/** Every 5 minutes: delivers the outbox entries still pending after the stream sender's retries. */
export const handler = middy<unknown, SweepReport, Error, Context>()
  .use(injectLambdaContext(getDeps().logger, { resetKeys: true }))
  .handler(async () => sweepOutbox(getBackgroundDeps()));
