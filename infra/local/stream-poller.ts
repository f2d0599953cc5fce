import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { lambdaContext } from './api-event.ts';
import { matchesOutboxStreamFilter, OUTBOX_STREAM_SENDER } from '../../shared/email/outbox.ts';

/**
 * What Lambda's event source mapping does for the outbox's stream sender in AWS, for DynamoDB Local: reads
 * the table's stream (through the real DynamoDB Streams API of DynamoDB Local), passes the records that
 * match the filter to the handler in batches, retries the records it reports failed up to
 * `retryAttempts` times, and then gives up on them (in AWS they go to the dead-letter queue; here to the
 * log), as the mapping's bounded retry does. `drain()` reads until the stream has nothing new.
 */
export interface StreamPoller {
  drain(): Promise<void>;
  /** Reads on until the stream has nothing new, then runs `work` while reading nothing (the timer waits). */
  whileIdle<T>(work: () => Promise<T>): Promise<T>;
  stop(): void;
}

export interface StreamPollerOptions {
  tableName: string;
  handler: (event: DynamoDBStreamEvent, context: ReturnType<typeof lambdaContext>) => Promise<DynamoDBBatchResponse>;
  filter: (record: _Record) => boolean;
  retryAttempts: number;
  batchSize: number;
  log: (line: string) => void;
  /** Poll on its own every so many milliseconds; without it, only `drain()` reads. */
  intervalMs?: number;
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const dynamodb = new DynamoDBClient({});
  const streams = new DynamoDBStreamsClient({});
  const table = await dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`the table ${options.tableName} has no stream`);
  // Where each shard is read from next; a shard seen for the first time is read from its start.
  const iterators = new Map<string, string | undefined>();
  let running: Promise<void> | undefined;

  async function deliver(records: _Record[]): Promise<void> {
    let pending = records;
    for (let attempt = 0; attempt <= options.retryAttempts && pending.length > 0; attempt++) {
      const event = { Records: pending.map((r) => ({ ...r, eventSourceARN: streamArn })) } as unknown as DynamoDBStreamEvent;
      let failed: Set<string>;
      try {
        const response = await options.handler(event, lambdaContext('outbox-stream-sender', 60_000));
        failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      } catch {
        // The whole batch failed (Powertools throws when every record did).
        failed = new Set(pending.map((r) => r.dynamodb?.SequenceNumber ?? ''));
      }
      pending = pending.filter((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
    }
    if (pending.length > 0) {
      options.log(
        `stream sender gave up on ${pending.length} record(s) after ${options.retryAttempts} retries; the sweep delivers them`,
      );
    }
  }

  async function readAll(): Promise<void> {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!iterators.has(shardId)) {
        const start = await streams.send(
          new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }),
        );
        iterators.set(shardId, start.ShardIterator);
      }
      let iterator = iterators.get(shardId);
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        const matching = (page.Records ?? []).filter(options.filter);
        for (let i = 0; i < matching.length; i += options.batchSize) {
          await deliver(matching.slice(i, i + options.batchSize));
        }
        iterators.set(shardId, page.NextShardIterator);
        if ((page.Records ?? []).length === 0) break;
        iterator = page.NextShardIterator;
      }
    }
  }

  const drain = async (): Promise<void> => {
    // One reader at a time, as one Lambda per shard: a drain waits for the one under way, then reads on.
    while (running) await running;
    running = readAll().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer =
    options.intervalMs === undefined
      ? undefined
      : setInterval(() => {
          drain().catch((error: unknown) => options.log(`stream poller: ${error instanceof Error ? error.name : 'error'}`));
        }, options.intervalMs);
  const whileIdle = async <T>(work: () => Promise<T>): Promise<T> => {
    await drain();
    while (running) await running;
    // Taken as the reader under way: a drain the timer starts meanwhile waits until the work is done.
    const result = work();
    running = result
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        running = undefined;
      });
    return result;
  };
  return {
    drain,
    whileIdle,
    stop: () => {
      if (timer) clearInterval(timer);
      streams.destroy();
      dynamodb.destroy();
    },
  };
}

/** The outbox's stream sender on DynamoDB Local's stream, configured as CDK configures it in AWS. */
export async function startOutboxStreamSender(options: {
  tableName: string;
  log: (line: string) => void;
  intervalMs?: number;
}): Promise<StreamPoller> {
  const { handler } = await import('../../functions/outbox/stream-sender.ts');
  return startStreamPoller({
    tableName: options.tableName,
    handler,
    filter: (record) => matchesOutboxStreamFilter(record),
    retryAttempts: OUTBOX_STREAM_SENDER.retryAttempts,
    batchSize: OUTBOX_STREAM_SENDER.batchSize,
    log: options.log,
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
  });
}
