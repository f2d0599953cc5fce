import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import type { QueueKind, QueueLine } from '../domain/queue.ts';
import type { TransactItem } from './transaction.ts';
import { queryPage, type Page } from './query-page.ts';

/**
 * The department's work queue (shared/domain/queue.ts): one item per pending piece of work, in a
 * partition per kind (PK QUEUE#<kind>, SK <since>#<subjectId>), so each kind lists oldest first and is
 * counted without reading anything else. Items are put and deleted inside the transactions that create
 * and decide the work (`queueItemPut`, `queueItemDelete`), so the queue never disagrees with the records.
 */
export interface QueueItemRecord extends QueueLine {
  PK: string;
  SK: string;
  entity: 'QueueItem';
}

const queuePartition = (kind: QueueKind) => `QUEUE#${kind}`;
const queueKey = (kind: QueueKind, since: string, subjectId: string) => ({
  PK: queuePartition(kind),
  SK: `${since}#${subjectId}`,
});

/** The item that puts a piece of work in the queue (in the transaction that creates it). */
export function queueItemPut(deps: Deps, line: QueueLine): TransactItem {
  const item: QueueItemRecord = { ...queueKey(line.kind, line.since, line.subjectId), entity: 'QueueItem', ...line };
  return { Put: { TableName: deps.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** The item that replaces a queued piece of work with what it has become (an objection upheld: it waits for a re-decision). */
export function queueItemReplace(deps: Deps, line: QueueLine): TransactItem {
  const item: QueueItemRecord = { ...queueKey(line.kind, line.since, line.subjectId), entity: 'QueueItem', ...line };
  return { Put: { TableName: deps.tableName, Item: item } };
}

/** The item that takes it out again (in the transaction that decides it); a no-op for work queued before the queue existed. */
export function queueItemDelete(deps: Deps, kind: QueueKind, since: string, subjectId: string): TransactItem {
  return { Delete: { TableName: deps.tableName, Key: queueKey(kind, since, subjectId) } };
}

/** One kind's waiting work, oldest first; `where` filters (region, province, sub-kind) and pages stay full. */
export async function listQueue(
  deps: Deps,
  request: { kind: QueueKind; limit: number; cursor?: string; where?: (line: QueueItemRecord) => boolean },
): Promise<Page<QueueItemRecord>> {
  return queryPage<QueueItemRecord & Record<string, unknown>>(deps, {
    partition: queuePartition(request.kind),
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.where ? { where: request.where } : {}),
  });
}

/** How many items of a kind wait, and since when the oldest (reads keys only). */
export async function countQueue(deps: Deps, kind: QueueKind): Promise<{ count: number; oldestSince?: string }> {
  let count = 0;
  let oldestSince: string | undefined;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.ddb.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': queuePartition(kind) },
        ProjectionExpression: 'SK, since',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    oldestSince ??= (page.Items?.[0] as { since?: string } | undefined)?.since;
    start = page.LastEvaluatedKey;
  } while (start);
  return { count, ...(oldestSince ? { oldestSince } : {}) };
}

/** A queue line as the API shows it. */
export function queueLineView(record: QueueItemRecord, ageInDays: number) {
  const { PK: _pk, SK: _sk, entity: _e, ...line } = record;
  return { ...line, ageInDays };
}
