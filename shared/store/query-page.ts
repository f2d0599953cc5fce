import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import { decodeCursor, encodeCursor, type PageKey } from './cursor.ts';
import { keyAttributesOf, partitionKeyOf, tableDesign, type IndexName } from './table-design.ts';

export interface PageRequest<T> {
  index?: IndexName;
  partition: string;
  /** Only items whose sort key starts with this (table queries). */
  skPrefix?: string;
  limit: number;
  cursor?: string;
  /** Keep only the items this pure predicate accepts; pages are still filled up to `limit`. */
  where?: (item: T) => boolean;
  /** Looks up, per fetched page, what `where` needs (e.g. the calls of networks). */
  prefetch?: (items: T[]) => Promise<void>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One page of one partition, in sort-key order. With a predicate it reads on until the page is full or the
 * partition ends, and the cursor points just after the last item returned (so nothing is skipped or
 * repeated). Throws `InvalidCursorError` for a cursor this query did not give out.
 */
export async function queryPage<T extends Record<string, unknown>>(deps: Deps, request: PageRequest<T>): Promise<Page<T>> {
  const keyAttributes = keyAttributesOf(request.index);
  const partitionAttribute = partitionKeyOf(request.index);
  let startKey: PageKey | undefined = request.cursor
    ? decodeCursor(request.cursor, {
        keyAttributes,
        partition: { attribute: partitionAttribute, value: request.partition },
        ...(request.skPrefix ? { sortKeyPrefix: { attribute: tableDesign.sortKey, prefix: request.skPrefix } } : {}),
      })
    : undefined;
  const items: T[] = [];
  for (;;) {
    const want = request.limit - items.length;
    const result = await deps.ddb.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: request.index,
        KeyConditionExpression: request.skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partitionAttribute, ...(request.skPrefix ? { '#sk': tableDesign.sortKey } : {}) },
        ExpressionAttributeValues: { ':pk': request.partition, ...(request.skPrefix ? { ':prefix': request.skPrefix } : {}) },
        ExclusiveStartKey: startKey,
        // One more than needed tells us whether another page exists without a second round trip.
        Limit: request.where ? Math.max(want * 2, 10) : want + 1,
      }),
    );
    const fetched = (result.Items ?? []) as T[];
    if (request.prefetch) await request.prefetch(fetched);
    for (let i = 0; i < fetched.length; i++) {
      const item = fetched[i] as T;
      if (request.where && !request.where(item)) continue;
      if (items.length === request.limit) {
        return { items, nextCursor: cursorAfter(items[items.length - 1] as T, keyAttributes) };
      }
      items.push(item);
    }
    if (!result.LastEvaluatedKey) return { items, nextCursor: null };
    startKey = result.LastEvaluatedKey as PageKey;
  }
}

function cursorAfter(item: Record<string, unknown>, keyAttributes: readonly string[]): string {
  const key: PageKey = {};
  for (const attribute of keyAttributes) key[attribute] = String(item[attribute]);
  return encodeCursor(key);
}
