import { randomUUID } from 'node:crypto';
import '../runtime/ddb-client.ts';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { outboxExpiresAt } from '../domain/retention.ts';
import type { Deps } from '../runtime/deps.ts';
import type { Email } from '../email/send.ts';
import type { TransactItem } from './transaction.ts';
import { queryAll } from './query-all.ts';

/**
 * The transactional outbox: the emails a state change causes are written in the same transaction as the
 * change, as one outbox entry (PK OUTBOX#<id>, SK ENTRY), so they exist exactly when the change does. The
 * sender (shared/email/outbox.ts) delivers an entry, records the SES message id of each email as it goes,
 * and marks it SENT. Until then the entry sits in the sparse index GSI4 under OUTBOX, oldest first: the
 * sweep reads only what is pending, and the oldest one's age is the outbox-age figure.
 *
 * Entries hold addresses and the texts of emails (which carry ids and tracking numbers, never client
 * data); a SENT entry expires (TTL) after the days of rule `retention-outbox`.
 */
export type OutboxOrigin =
  | 'mandate-decided'
  | 'mandate-requested'
  | 'mandate-withdrawn'
  | 'extension-decided'
  | 'extension-requested'
  | 'application-submitted'
  | 'objection-decided'
  | 'objection-lodged'
  | 'call-published'
  | 'call-deadline-reminder'
  | 'call-deadline-passed'
  | 'network-withdrawn'
  | 'region-redecided'
  | 'partner-named'
  | 'partner-answered'
  | 'partner-outcome'
  | 'cooperation-withdrawn'
  | 'deadline-extended'
  | 'trajectory-assigned'
  | 'ama-submitted'
  | 'ama-submission-decided'
  | 'trajectory-reassigned';

export interface OutboxEntry {
  PK: string;
  SK: 'ENTRY';
  entity: 'OutboxEntry';
  outboxId: string;
  origin: OutboxOrigin;
  emails: Email[];
  /** SES message id per email index, recorded as each is accepted: a retry skips those. */
  sent: Record<string, string>;
  status: 'PENDING' | 'SENT';
  attempts: number;
  createdAt: string;
  /** A sender holds the entry until then; after it (a crash), another may take it. */
  claimedUntil?: string;
  lastError?: string;
  sentAt?: string;
  expiresAt?: number;
  GSI4PK?: 'OUTBOX';
  GSI4SK?: string;
}

/** How long a sender holds an entry it claimed: longer than a send of its emails may take. */
export const CLAIM_MS = 2 * 60 * 1000;
/** A delivered entry is kept this long (the SES message ids, for questions), then expires. */
export const OUTBOX_KEY_PREFIX = 'OUTBOX#';

export const outboxKey = (outboxId: string) => ({ PK: `${OUTBOX_KEY_PREFIX}${outboxId}`, SK: 'ENTRY' as const });

/**
 * The outbox entry for `emails`, as an item of the transaction that makes the change they announce.
 * Undefined when there is nothing to send (no recipient known).
 */
export function outboxPut(deps: Deps, origin: OutboxOrigin, emails: readonly Email[], now: Date): TransactItem | undefined {
  if (emails.length === 0) return undefined;
  const outboxId = randomUUID();
  const createdAt = now.toISOString();
  const entry: OutboxEntry = {
    ...outboxKey(outboxId),
    entity: 'OutboxEntry',
    outboxId,
    origin,
    emails: [...emails],
    sent: {},
    status: 'PENDING',
    attempts: 0,
    createdAt,
    GSI4PK: 'OUTBOX',
    GSI4SK: `${createdAt}#${outboxId}`,
  };
  return { Put: { TableName: deps.tableName, Item: entry, ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** Emails per outbox entry when many go out at once (an item stays far below DynamoDB's 400 KB). */
export const EMAILS_PER_ENTRY = 50;

/** The outbox entries for many emails (a call's audience), 50 to an entry, as items of one transaction. */
export function outboxPuts(deps: Deps, origin: OutboxOrigin, emails: readonly Email[], now: Date): TransactItem[] {
  const items: TransactItem[] = [];
  for (let i = 0; i < emails.length; i += EMAILS_PER_ENTRY) {
    const item = outboxPut(deps, origin, emails.slice(i, i + EMAILS_PER_ENTRY), now);
    if (item) items.push(item);
  }
  return items;
}

export async function getOutboxEntry(deps: Deps, outboxId: string): Promise<OutboxEntry | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: outboxKey(outboxId), ConsistentRead: true }),
  );
  return result.Item as OutboxEntry | undefined;
}

/**
 * Takes a pending entry for one delivery attempt: undefined when it is delivered already or another sender
 * holds it. Two senders (the stream and the sweep, or a retry) never send the same entry at once.
 */
export async function claimOutboxEntry(deps: Deps, outboxId: string, now: Date): Promise<OutboxEntry | undefined> {
  try {
    const result = await deps.ddb.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: outboxKey(outboxId),
        UpdateExpression: 'SET claimedUntil = :until, attempts = attempts + :one',
        ConditionExpression: '#status = :pending AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pending': 'PENDING',
          ':now': now.toISOString(),
          ':until': new Date(now.getTime() + CLAIM_MS).toISOString(),
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes as OutboxEntry;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

/** Records that SES accepted email `index` of the entry, with its message id. */
export async function recordOutboxEmailSent(deps: Deps, outboxId: string, index: number, messageId: string): Promise<void> {
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: outboxKey(outboxId),
      UpdateExpression: 'SET sent.#index = :messageId',
      ExpressionAttributeNames: { '#index': String(index) },
      ExpressionAttributeValues: { ':messageId': messageId },
    }),
  );
}

/** Every email of the entry is accepted: SENT, out of the pending index, expiring by rule `retention-outbox`. */
export async function markOutboxEntrySent(deps: Deps, outboxId: string, now: Date): Promise<void> {
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: outboxKey(outboxId),
      UpdateExpression: 'SET #status = :sent, sentAt = :now, expiresAt = :expires REMOVE claimedUntil, GSI4PK, GSI4SK',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':sent': 'SENT',
        ':now': now.toISOString(),
        ':expires': outboxExpiresAt(now),
      },
    }),
  );
}

/** A delivery attempt failed: the entry is free for the next attempt, with the error's name (never its message). */
export async function releaseOutboxEntry(deps: Deps, outboxId: string, errorName: string): Promise<void> {
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: outboxKey(outboxId),
      UpdateExpression: 'SET lastError = :error REMOVE claimedUntil',
      ExpressionAttributeValues: { ':error': errorName },
    }),
  );
}

/** Pending entries created before `before`, oldest first, from the sparse index: nothing delivered is read. */
export async function pendingOutboxEntries(deps: Deps, before: Date): Promise<OutboxEntry[]> {
  const { items } = await queryAll<OutboxEntry>(deps, {
    index: 'GSI4',
    keyCondition: 'GSI4PK = :outbox AND GSI4SK < :before',
    values: { ':outbox': 'OUTBOX', ':before': before.toISOString() },
  });
  return items;
}
