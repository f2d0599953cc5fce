import { randomUUID } from 'node:crypto';
import '../runtime/ddb-client.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.ts';
import type { MandateKind, MandateStatus } from '../domain/mandate.ts';
import type { MandateRequestInput } from '../schemas/mandates.ts';
import type { Audit } from './history.ts';
import { facilityPartition } from './facilities.ts';
import { queryPage, type Page } from './query-page.ts';
import { afterVersionedUpdate, versionedUpdate } from './versioned-update.ts';
import { transact, updateTogether, type TransactItem, type WriteOutcome } from './transaction.ts';

/** A mandate request lives with its facility (PK FACILITY#<en>, SK MANDATE#<id>); GSI1 finds it by id. */
export interface MandateRecord {
  PK: string;
  SK: string;
  entity: 'MandateRequest';
  GSI1PK: string;
  GSI1SK: string;
  /** Every request, oldest first: the department's queue (absent on requests made before it existed). */
  GSI2PK?: string;
  GSI2SK?: string;
  requestId: string;
  enterpriseNumber: string;
  kind: MandateKind;
  status: MandateStatus;
  /** A casemanager Zorg mandate (2014 rules). */
  icfTrainedStaff?: number;
  icfTrainingDate?: string;
  /** A recognition as begeleider AMA: its conditions as asked. */
  qualifiedStaff?: number;
  liabilityInsurance?: { insurer: string; policyReference: string };
  requestedBy?: { name: string; role: string; mayBindOrganisation: true };
  motivation: string;
  validFrom?: string;
  validUntil?: string;
  reason?: string;
  decidedAt?: string;
  decidedBy?: string;
  withdrawnOn?: string;
  withdrawalReason?: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export async function insertMandateRequest(
  deps: Deps,
  enterpriseNumber: string,
  input: MandateRequestInput,
  audit: Audit,
  /** Items written in the same transaction (the department's email in the outbox), built from the record. */
  also: (record: MandateRecord) => ReadonlyArray<TransactItem | undefined> = () => [],
): Promise<MandateRecord> {
  const requestId = randomUUID();
  const at = audit.now.toISOString();
  const record: MandateRecord = {
    PK: facilityPartition(enterpriseNumber),
    SK: `MANDATE#${requestId}`,
    entity: 'MandateRequest',
    GSI1PK: `MANDATE_REQUEST#${requestId}`,
    GSI1SK: 'MANDATE_REQUEST',
    GSI2PK: ALL_MANDATE_REQUESTS,
    GSI2SK: `${at}#${requestId}`,
    requestId,
    enterpriseNumber,
    ...input,
    status: 'REQUESTED',
    version: 1,
    createdAt: at,
    createdBy: audit.actor,
    updatedAt: at,
    updatedBy: audit.actor,
  };
  const outcome = await transact(deps, [
    { Put: { TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } },
    ...also(record).filter((item) => item !== undefined),
  ]);
  // The request id is a fresh UUID: a failed condition means a broken invariant, not a caller's mistake.
  if (!outcome.ok) throw new Error('mandate request id already in use');
  return record;
}

export async function listMandateRequests(deps: Deps, enterpriseNumber: string): Promise<MandateRecord[]> {
  const result = await deps.ddb.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': facilityPartition(enterpriseNumber), ':prefix': 'MANDATE#' },
      ConsistentRead: true,
    }),
  );
  return ((result.Items ?? []) as MandateRecord[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function getMandateRequest(deps: Deps, requestId: string): Promise<MandateRecord | undefined> {
  const result = await deps.ddb.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `MANDATE_REQUEST#${requestId}` },
    }),
  );
  return result.Items?.[0] as MandateRecord | undefined;
}

/** A conditional change of a mandate request's fields (and `also`, an outbox entry), the version moved on. */
async function updateMandate<R extends string>(
  deps: Deps,
  record: MandateRecord,
  fields: Record<string, unknown>,
  condition: { expression: string; names?: Record<string, string>; values: Record<string, unknown>; reason: R },
  audit: Audit,
  also: ReadonlyArray<TransactItem | undefined>,
): Promise<WriteOutcome<R, MandateRecord>> {
  const update = versionedUpdate(fields, audit);
  const outcome = await updateTogether(
    deps,
    {
      TableName: deps.tableName,
      Key: { PK: record.PK, SK: record.SK },
      UpdateExpression: update.UpdateExpression,
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, ...condition.names },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ...condition.values },
    },
    also,
  );
  return outcome.ok
    ? { ok: true, record: afterVersionedUpdate(record, fields, audit) }
    : { ok: false, reasons: [condition.reason] };
}

/** Decides a request once: REQUESTED → GRANTED or REFUSED (`already-decided` otherwise). */
export async function decideMandateRequest(
  deps: Deps,
  record: MandateRecord,
  decision: { status: 'GRANTED'; validFrom: string; validUntil?: string } | { status: 'REFUSED'; reason: string },
  audit: Audit,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'already-decided', MandateRecord>> {
  return updateMandate(
    deps,
    record,
    { ...decision, decidedAt: audit.now.toISOString(), decidedBy: audit.actor },
    {
      expression: '#status = :requested',
      names: { '#status': 'status' },
      values: { ':requested': 'REQUESTED' },
      reason: 'already-decided',
    },
    audit,
    also,
  );
}

/**
 * Withdraws a granted mandate from `withdrawnOn`, with the reason, if it is still as read (`stale` when it
 * changed or was withdrawn meanwhile); `also` carries the facility's email (outbox).
 */
export async function withdrawMandate(
  deps: Deps,
  record: MandateRecord,
  withdrawal: { withdrawnOn: string; reason: string },
  audit: Audit,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'stale', MandateRecord>> {
  return updateMandate(
    deps,
    record,
    {
      withdrawnOn: withdrawal.withdrawnOn,
      withdrawalReason: withdrawal.reason,
      withdrawnAt: audit.now.toISOString(),
      withdrawnBy: audit.actor,
    },
    {
      expression: '#version = :expected AND attribute_not_exists(withdrawnOn)',
      values: { ':expected': record.version },
      reason: 'stale',
    },
    audit,
    also,
  );
}

const ALL_MANDATE_REQUESTS = 'MANDATE_REQUESTS';

/** Mandate and recognition requests of every facility, oldest first; `where` filters (status, kind). */
export async function listAllMandateRequests(
  deps: Deps,
  request: { limit: number; cursor?: string; where?: (r: MandateRecord) => boolean },
): Promise<Page<MandateRecord>> {
  return queryPage<MandateRecord & Record<string, unknown>>(deps, {
    index: 'GSI2',
    partition: ALL_MANDATE_REQUESTS,
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.where ? { where: request.where } : {}),
  });
}

export function mandateView(record: MandateRecord) {
  const { PK: _pk, SK: _sk, entity: _e, GSI1PK: _g1, GSI1SK: _g2, GSI2PK: _g3, GSI2SK: _g4, ...view } = record;
  return view;
}
