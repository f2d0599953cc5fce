import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import '../runtime/ddb-client.ts';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Deps } from '../runtime/deps.ts';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export type TransactionOutcome = { ok: true } | { ok: false; failed: number[] };

/**
 * All or nothing: runs the items as one TransactWriteItems. When conditions fail, tells which items'
 * conditions failed (by index) so the caller can explain the refusal; other errors propagate.
 */
export async function transact(deps: Deps, items: TransactItem[]): Promise<TransactionOutcome> {
  try {
    await deps.ddb.send(new TransactWriteCommand({ TransactItems: items }));
    return { ok: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
      if (failed.length > 0) return { ok: false, failed };
      // TransactionConflict: another transaction touched the same items at the same moment. Report it
      // as a failed condition on every item; the caller re-reads and explains.
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) return { ok: false, failed: items.map((_, i) => i) };
    }
    throw error;
  }
}

/**
 * A store write's result: done, or refused, with the reasons named (never item positions): the handler
 * maps each reason to its problem without knowing the order of the items inside the transaction.
 */
export type WriteOutcome<R extends string, T = undefined> =
  ({ ok: true } & (undefined extends T ? { record?: T } : { record: T })) | { ok: false; reasons: R[] };

/**
 * One transaction of items, each paired with the reason a failure of its condition stands for, and `also`
 * items that go with them and have no condition of their own that can fail (an outbox entry).
 */
export async function transactNamed<R extends string>(
  deps: Deps,
  items: ReadonlyArray<readonly [TransactItem, R]>,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<R>> {
  const outcome = await transact(deps, [...items.map(([item]) => item), ...also.filter((item) => item !== undefined)]);
  if (outcome.ok) return { ok: true };
  return {
    ok: false,
    reasons: [...new Set(outcome.failed.flatMap((index) => (index < items.length ? [items[index]![1]] : [])))],
  };
}

export interface ConditionalUpdate {
  TableName: string;
  Key: Record<string, unknown>;
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * One conditional update and the items that go with it (an outbox entry), all or nothing. With nothing to
 * go with it, a plain UpdateItem. On a failed condition: the item as it is, when it exists.
 */
export async function updateTogether(
  deps: Deps,
  update: ConditionalUpdate,
  also: ReadonlyArray<TransactItem | undefined>,
): Promise<{ ok: true } | { ok: false; current: Record<string, unknown> | undefined }> {
  const others = also.filter((item) => item !== undefined);
  try {
    if (others.length === 0) {
      await deps.ddb.send(new UpdateCommand({ ...update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }));
    } else {
      await deps.ddb.send(
        new TransactWriteCommand({
          TransactItems: [{ Update: { ...update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }, ...others],
        }),
      );
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      return { ok: false, current: error.Item ? unmarshall(error.Item) : undefined };
    }
    if (error instanceof TransactionCanceledException) {
      const [first, ...rest] = error.CancellationReasons ?? [];
      if (first?.Code === 'ConditionalCheckFailed')
        return { ok: false, current: first.Item ? unmarshall(first.Item) : undefined };
      if ([first, ...rest].some((reason) => reason?.Code === 'TransactionConflict')) return { ok: false, current: undefined };
    }
    throw error;
  }
}
