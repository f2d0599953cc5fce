import { randomUUID } from 'node:crypto';
import '../runtime/ddb-client.ts';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { transact, updateTogether, type ConditionalUpdate, type TransactItem, type WriteOutcome } from './transaction.ts';
import type { Deps } from '../runtime/deps.ts';
import type { CallStatus } from '../domain/call-rules.ts';
import { inBrusselsTime } from '../domain/deadline.ts';
import type { CallInput } from '../schemas/calls.ts';
import { historyEntry, type Audit, type HistoryEntry } from './history.ts';
import { queryAll } from './query-all.ts';
import { queryPage, type Page } from './query-page.ts';
import { afterVersionedUpdate, versionedUpdate } from './versioned-update.ts';

export interface CallRecord extends CallInput {
  PK: string;
  SK: string;
  entity: 'Call';
  GSI1PK: string;
  GSI1SK: string;
  callId: string;
  status: CallStatus;
  history: HistoryEntry[];
  /** Selection: how many non-dry runs were started, the latest one, and the one whose decision stands. */
  selectionAttempts?: number;
  currentRunId?: string;
  decisionRunId?: string;
  decidedAt?: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const ALL_CALLS = 'CALLS';
/** The partition of a call: the call, its applications, lead markers, versions, reviews and selection runs. */
export const callPartition = (callId: string) => `CALL#${callId}`;
export const callKey = (callId: string) => ({ PK: callPartition(callId), SK: 'CALL' });

/** Instants are stored in UTC with milliseconds, so that string order is time order in conditions. */
/**
 * A transaction item that holds only while the call is published and in the given phase at `now`: `open`
 * before its submission deadline (applications are written), `review` from the deadline on until a
 * selection starts (reviews are written). The same rule as isCallOpen, checked inside the write.
 */
export function callPhaseCheck(deps: Deps, callId: string, phase: 'open' | 'review', now: Date): TransactItem {
  return {
    ConditionCheck: {
      TableName: deps.tableName,
      Key: callKey(callId),
      ConditionExpression: `#status = :published AND submissionDeadline ${phase === 'open' ? '>' : '<='} :now`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':published': 'PUBLISHED', ':now': now.toISOString() },
    },
  };
}

export function toStoredInstant(value: string): string {
  return new Date(value).toISOString();
}

export function newCallRecord(input: CallInput, audit: Audit): CallRecord {
  const callId = randomUUID();
  const at = audit.now.toISOString();
  return {
    ...callKey(callId),
    entity: 'Call',
    GSI1PK: ALL_CALLS,
    GSI1SK: `${at}#${callId}`,
    callId,
    ...input,
    submissionDeadline: toStoredInstant(input.submissionDeadline),
    status: 'DRAFT',
    history: [historyEntry(audit, 'created', { to: 'DRAFT' })],
    version: 1,
    createdAt: at,
    createdBy: audit.actor,
    updatedAt: at,
    updatedBy: audit.actor,
  };
}

export async function insertCall(deps: Deps, record: CallRecord): Promise<void> {
  await deps.ddb.send(
    new PutCommand({ TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' }),
  );
}

export async function getCall(deps: Deps, callId: string): Promise<CallRecord | undefined> {
  const result = await deps.ddb.send(new GetCommand({ TableName: deps.tableName, Key: callKey(callId), ConsistentRead: true }));
  return result.Item as CallRecord | undefined;
}

export async function listCalls(
  deps: Deps,
  request: { limit: number; cursor?: string; where?: (c: CallRecord) => boolean },
): Promise<Page<CallRecord>> {
  return queryPage<CallRecord & Record<string, unknown>>(deps, {
    index: 'GSI1',
    partition: ALL_CALLS,
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.where ? { where: request.where } : {}),
  });
}

/** Why a call write was refused: gone, changed since it was read, or no longer in the status the change needs. */
export type CallWriteReason = 'not-found' | 'stale' | 'wrong-status';
export type CallWriteOutcome = WriteOutcome<CallWriteReason, CallRecord>;

function callWriteRefusal(current: CallRecord | undefined, expectedVersion: number): { ok: false; reasons: CallWriteReason[] } {
  if (!current) return { ok: false, reasons: ['not-found'] };
  return { ok: false, reasons: [current.version !== expectedVersion ? 'stale' : 'wrong-status'] };
}

/** The conditional update of a call: the fields, its version moved on, a history entry, if it is as expected. */
export function callUpdate(
  deps: Deps,
  callId: string,
  fields: Record<string, unknown>,
  entry: HistoryEntry,
  expected: { version: number; status?: CallStatus },
  audit: Audit,
): ConditionalUpdate {
  const update = versionedUpdate(fields, audit, entry);
  const names: Record<string, string> = { ...update.ExpressionAttributeNames };
  const values: Record<string, unknown> = { ...update.ExpressionAttributeValues, ':expected': expected.version };
  let condition = 'attribute_exists(PK) AND #version = :expected';
  if (expected.status) {
    names['#status'] = 'status';
    values[':expectedStatus'] = expected.status;
    condition += ' AND #status = :expectedStatus';
  }
  return {
    TableName: deps.tableName,
    Key: callKey(callId),
    UpdateExpression: update.UpdateExpression,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * Replaces fields of the call if it is still at `expectedVersion` (and, when given, in `expectedStatus`),
 * bumping the version and appending `entry` to the history. With `together` (an outbox entry, and the
 * call as the caller read it at the expected version) it is one transaction. On a failed condition returns the current record so the caller can explain (gone, stale,
 * wrong status).
 */
/**
 * Claims a message of the daily job about a call's current deadline (a marker, PK CALL#<id>, SK
 * <what>#<deadline>: `REMINDER`, seven days before; `DEADLINE_PASSED`, to the department), together with the
 * outbox entries that carry it: once per deadline, however often the job runs; an extended deadline gets
 * messages of its own. False when it was claimed before.
 */
export async function claimCallMessage(
  deps: Deps,
  call: Pick<CallRecord, 'callId' | 'submissionDeadline'>,
  what: 'REMINDER' | 'DEADLINE_PASSED',
  items: readonly TransactItem[],
  now: Date,
): Promise<boolean> {
  const outcome = await transact(deps, [
    {
      Put: {
        TableName: deps.tableName,
        Item: {
          PK: callPartition(call.callId),
          SK: `${what}#${call.submissionDeadline}`,
          entity: 'CallMessage',
          sentAt: now.toISOString(),
          emails: items.length,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...items,
  ]);
  return outcome.ok;
}

/** Every call that `where` accepts (the department publishes a few a year: read whole, for its queue). */
export async function allCallsWhere(deps: Deps, where: (c: CallRecord) => boolean): Promise<CallRecord[]> {
  const { items } = await queryAll<CallRecord>(deps, {
    index: 'GSI1',
    keyCondition: 'GSI1PK = :pk',
    values: { ':pk': ALL_CALLS },
  });
  return items.filter(where);
}

export async function updateCall(
  deps: Deps,
  callId: string,
  fields: Record<string, unknown>,
  entry: HistoryEntry,
  expected: { version: number; status?: CallStatus },
  audit: Audit,
  together?: { read: CallRecord; items: ReadonlyArray<TransactItem | undefined> },
): Promise<CallWriteOutcome> {
  const input = callUpdate(deps, callId, fields, entry, expected, audit);
  if (!together || together.items.every((item) => item === undefined)) {
    try {
      const result = await deps.ddb.send(
        new UpdateCommand({ ...input, ReturnValues: 'ALL_NEW', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
      );
      return { ok: true, record: result.Attributes as CallRecord };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        return callWriteRefusal(error.Item ? (unmarshall(error.Item) as CallRecord) : undefined, expected.version);
      }
      throw error;
    }
  }
  // With other items (an outbox entry): one transaction, which returns nothing. Its condition holds only
  // while the call is still at the expected version, so the record is the one the caller read, updated.
  const outcome = await updateTogether(deps, input, together.items);
  if (!outcome.ok) return callWriteRefusal(outcome.current as CallRecord | undefined, expected.version);
  return { ok: true, record: afterVersionedUpdate(together.read, fields, audit, entry) };
}

export function callView(record: CallRecord) {
  return {
    callId: record.callId,
    title: record.title,
    description: record.description,
    regions: record.regions,
    submissionDeadline: inBrusselsTime(record.submissionDeadline),
    submissionDeadlineUtc: record.submissionDeadline,
    maxNetworksPerRegion: record.maxNetworksPerRegion,
    criteria: record.criteria,
    requiredPartnerRecognitions: record.requiredPartnerRecognitions,
    minReviewsPerApplication: record.minReviewsPerApplication,
    status: record.status,
    ...(record.decidedAt ? { decidedAt: record.decidedAt } : {}),
    history: record.history,
    version: record.version,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}
