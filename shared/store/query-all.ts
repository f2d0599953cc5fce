import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.ts';

/** Every item of partition `pk` whose sort key starts with `prefix`, all pages, consistent. */
export async function queryAllByPrefix<T>(deps: Deps, pk: string, prefix: string): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await deps.ddb.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    items.push(...((result.Items ?? []) as T[]));
    start = result.LastEvaluatedKey;
  } while (start);
  return items;
}
