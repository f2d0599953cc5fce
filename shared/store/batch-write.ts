import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';

/** Writes items 25 at a time, retrying what DynamoDB leaves unprocessed. Each put is idempotent. */
export async function putAll(deps: Deps, items: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests: Array<{ PutRequest: { Item: Record<string, unknown> } }> | undefined = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests && requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const result = await deps.ddb.send(new BatchWriteCommand({ RequestItems: { [deps.tableName]: requests } }));
      requests = result.UnprocessedItems?.[deps.tableName] as typeof requests;
    }
  }
}
