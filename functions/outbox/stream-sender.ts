/**
 * The outbox's stream sender: DynamoDB Streams invokes it with new outbox entries (the filter is
 * OUTBOX_STREAM_FILTER; locally infra/local/stream-poller.ts runs it against DynamoDB Local's stream). Each
 * record is one entry, delivered on its own: a failed one is reported back (partial batch response), so
 * the stream retries it, a bounded number of times, and the rest of the batch is not sent again. What
 * the retries do not deliver stays pending for the sweep (functions/jobs/outbox-sweep.ts).
 */
// First: SDK clients built from here on are traced (shared/runtime/tracing.ts).
import '../../shared/runtime/tracing.ts';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { DynamoDBRecord, DynamoDBStreamEvent, Context, DynamoDBBatchResponse } from 'aws-lambda';
import { deliverOutboxEntry, matchesOutboxStreamFilter, outboxIdOf } from '../../shared/email/outbox.ts';
import { getBackgroundDeps } from '../../shared/runtime/deps.ts';
import { getMetrics } from '../../shared/runtime/metrics.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function deliver(record: DynamoDBRecord): Promise<void> {
  if (!matchesOutboxStreamFilter(record)) return;
  await deliverOutboxEntry(getBackgroundDeps(), outboxIdOf(record));
}

/** The figures of emails sent and failed are published after each batch, also when every record failed. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>()
  .use(logMetrics(getMetrics()))
  .handler((event, context) => processPartialResponse(event, deliver, processor, { context }));
