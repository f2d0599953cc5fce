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
import type { DynamoDBRecord, DynamoDBStreamEvent, Context, DynamoDBBatchResponse } from 'aws-lambda';
import { deliverOutboxEntry, matchesOutboxStreamFilter, outboxIdOf } from '../../shared/email/outbox.ts';
import { getBackgroundDeps } from '../../shared/runtime/deps.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function deliver(record: DynamoDBRecord): Promise<void> {
  if (!matchesOutboxStreamFilter(record)) return;
  await deliverOutboxEntry(getBackgroundDeps(), outboxIdOf(record));
}

export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
  processPartialResponse(event, deliver, processor, { context });
