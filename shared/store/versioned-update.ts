import type { Audit, HistoryEntry } from './history.ts';
import type { TransactItem } from './transaction.ts';

export interface VersionedUpdate {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/**
 * The SET expression of a versioned write: the given fields, `version + 1`, `updatedAt`/`updatedBy`, and
 * (when given) one more history entry. Field placeholders are prefixed so they never clash with the
 * caller's condition placeholders.
 */
export function versionedUpdate(fields: Record<string, unknown>, audit: Audit, entry?: HistoryEntry): VersionedUpdate {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1, ':now': audit.now.toISOString(), ':actor': audit.actor };
  const sets = ['#version = #version + :one', 'updatedAt = :now', 'updatedBy = :actor'];
  if (entry) {
    names['#history'] = 'history';
    values[':entry'] = [entry];
    sets.push('#history = list_append(#history, :entry)');
  }
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    names[`#f_${field}`] = field;
    values[`:f_${field}`] = value;
    sets.push(`#f_${field} = :f_${field}`);
  }
  return { UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

/** The record as `versionedUpdate` leaves it: what a write inside a transaction (which returns nothing) produced. */
export function afterVersionedUpdate<T extends { version: number }>(
  record: T,
  fields: Record<string, unknown>,
  audit: Audit,
  entry?: HistoryEntry,
): T {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const history = (record as { history?: HistoryEntry[] }).history;
  return {
    ...record,
    ...defined,
    version: record.version + 1,
    updatedAt: audit.now.toISOString(),
    updatedBy: audit.actor,
    ...(entry ? { history: [...(history ?? []), entry] } : {}),
  };
}

/**
 * A transaction item that replaces a whole record only while it is still at `expectedVersion` (and, when
 * given, in `status`): the optimistic-concurrency write of records stored whole.
 */
export function versionedPut(
  tableName: string,
  item: { version: number },
  expectedVersion: number,
  status?: string,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ConditionExpression: status === undefined ? '#version = :expected' : '#version = :expected AND #status = :status',
      ExpressionAttributeNames: { '#version': 'version', ...(status === undefined ? {} : { '#status': 'status' }) },
      ExpressionAttributeValues: { ':expected': expectedVersion, ...(status === undefined ? {} : { ':status': status }) },
    },
  };
}
