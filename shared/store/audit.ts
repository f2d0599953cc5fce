import { randomUUID } from 'node:crypto';
import '../runtime/ddb-client.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.ts';
import { queryAllByPrefix } from './query-all.ts';
import type { TransactItem } from './transaction.ts';

/**
 * The audit trail of a record holding special-category data (a trajectory, an AMA agreement): immutable
 * entries (who, as which role, when, what) in the record's own partition, SK AUDIT#<time>#<sequence>#<random>.
 * The time orders entries; the per-instance sequence orders those of one instance within the same
 * millisecond; the random part keeps entries of different instances apart.
 */
export interface AuditActor {
  userId: string;
  roles: readonly string[];
}

let sequence = 0;

/**
 * The attributes of an audit entry, all of them: a function with `audit` access may PutItem items with
 * these attributes only (IAM condition dynamodb:Attributes), in partitions starting with one of
 * `AUDITED_PARTITION_PREFIXES` (dynamodb:LeadingKeys).
 */
export const AUDIT_ENTRY_ATTRIBUTES = ['PK', 'SK', 'entity', 'at', 'by', 'role', 'action'] as const;

/** The records whose reads are audited: trajectories and AMA agreements (their audit trail is in their partition). */
export const AUDITED_PARTITION_PREFIXES = ['TRAJECTORY#', 'AMA#'] as const;

export function auditEntryItem(pk: string, actor: AuditActor, action: string, at: Date): Record<string, unknown> {
  return {
    PK: pk,
    SK: `AUDIT#${at.toISOString()}#${String(++sequence).padStart(10, '0')}#${randomUUID().slice(0, 8)}`,
    entity: 'AuditEntry',
    at: at.toISOString(),
    by: actor.userId,
    role: actor.roles.join(','),
    action,
  };
}

/** The entry as part of a transaction with the change it records. */
export function auditPut(deps: Deps, pk: string, actor: AuditActor, action: string): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: auditEntryItem(pk, actor, action, deps.clock()),
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** An entry on its own (reads). */
export async function recordAuditEntry(deps: Deps, pk: string, actor: AuditActor, action: string): Promise<void> {
  await deps.ddb.send(new PutCommand(auditPut(deps, pk, actor, action).Put!));
}

/** The trail, oldest first. */
export async function listAuditEntries(deps: Deps, pk: string) {
  const items = await queryAllByPrefix<{ at: string; by: string; role: string; action: string }>(deps, pk, 'AUDIT#');
  return items.map(({ at, by, role, action }) => ({ at, by, role, action }));
}
