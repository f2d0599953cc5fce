import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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
export type WriteOutcome<R extends string> = { ok: true } | { ok: false; reasons: R[] };

/** One transaction of items, each paired with the reason a failure of its condition stands for. */
export async function transactNamed<R extends string>(
  deps: Deps,
  items: ReadonlyArray<readonly [TransactItem, R]>,
): Promise<WriteOutcome<R>> {
  const outcome = await transact(
    deps,
    items.map(([item]) => item),
  );
  if (outcome.ok) return { ok: true };
  return { ok: false, reasons: [...new Set(outcome.failed.map((index) => items[index]![1]))] };
}
