import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import type { IndexName } from './table-design.ts';

export interface QueryAllRequest {
  /** A GSI of the table design; the table itself when left out (then the read is consistent). */
  index?: IndexName;
  keyCondition: string;
  values: Record<string, unknown>;
}

/** Every item a key condition matches, all pages; `itemsRead` counts what DynamoDB read (ScannedCount). */
export async function queryAll<T>(deps: Deps, request: QueryAllRequest): Promise<{ items: T[]; itemsRead: number }> {
  const items: T[] = [];
  let itemsRead = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await deps.ddb.send(
      new QueryCommand({
        TableName: deps.tableName,
        ...(request.index ? { IndexName: request.index } : { ConsistentRead: true }),
        KeyConditionExpression: request.keyCondition,
        ExpressionAttributeValues: request.values,
        ExclusiveStartKey: start,
      }),
    );
    itemsRead += result.ScannedCount ?? 0;
    items.push(...((result.Items ?? []) as T[]));
    start = result.LastEvaluatedKey;
  } while (start);
  return { items, itemsRead };
}

/** Every item of partition `pk` whose sort key starts with `prefix`, all pages, consistent. */
export async function queryAllByPrefix<T>(deps: Deps, pk: string, prefix: string): Promise<T[]> {
  const { items } = await queryAll<T>(deps, {
    keyCondition: 'PK = :pk AND begins_with(SK, :prefix)',
    values: { ':pk': pk, ':prefix': prefix },
  });
  return items;
}
