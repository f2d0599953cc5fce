// First: SDK clients built from here on are traced (shared/runtime/tracing.ts).
import '../../shared/runtime/tracing.ts';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { sweepOutbox, type SweepReport } from '../../shared/email/outbox.ts';
import { getBackgroundDeps, getDeps } from '../../shared/runtime/deps.ts';
import { getMetrics, METRIC } from '../../shared/runtime/metrics.ts';

/**
 * Every 5 minutes: delivers the outbox entries still pending after the stream sender's retries, and
 * reports the age of the oldest it could not deliver (the outbox-age alarm watches it).
 */
export const handler = middy<unknown, SweepReport, Error, Context>()
  .use(injectLambdaContext(getDeps().logger, { resetKeys: true }))
  .use(logMetrics(getMetrics()))
  .handler(async () => {
    const report = await sweepOutbox(getBackgroundDeps());
    const metrics = getMetrics();
    metrics.addMetric(METRIC.outboxOldestPendingSeconds, MetricUnit.Seconds, report.oldestPendingSeconds);
    metrics.addMetric(METRIC.outboxEntriesDelivered, MetricUnit.Count, report.sent);
    metrics.addMetric(METRIC.outboxEntriesFailed, MetricUnit.Count, report.failed);
    return report;
  });
