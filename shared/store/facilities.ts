import { randomUUID } from 'node:crypto';
import '../runtime/ddb-client.ts';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Deps } from '../runtime/deps.ts';
import type { Province, RecognitionAuthority } from '../domain/reference-data.ts';
import type { Recognition } from '../domain/recognition.ts';
import { formatEnterpriseNumber } from '../domain/enterprise-number.ts';
import type { FacilityView } from '../schemas/facilities.ts';
import { queryPage, type Page } from './query-page.ts';
import type { Audit } from './history.ts';
import { versionedUpdate } from './versioned-update.ts';
import type { WriteOutcome } from './transaction.ts';

/** A recognition as stored (inside the facility item). */
export interface RecognitionRecord extends Recognition {
  createdAt: string;
  createdBy: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
}

export interface FacilityRecord {
  PK: string;
  SK: string;
  entity: 'Facility';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  enterpriseNumber: string;
  name: string;
  province: Province;
  email: string;
  recognitions: Record<string, RecognitionRecord>;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const ALL_FACILITIES = 'FACILITIES';
/** The facility's partition: its profile (with recognitions) and its mandate requests. */
export const facilityPartition = (enterpriseNumber: string) => `FACILITY#${enterpriseNumber}`;
export const facilityKey = (enterpriseNumber: string) => ({ PK: facilityPartition(enterpriseNumber), SK: 'PROFILE' });
const provincePartition = (province: Province) => `FACILITIES#PROVINCE#${province}`;

export type { Audit } from './history.ts';

export function newFacilityRecord(
  input: { enterpriseNumber: string; name: string; province: Province; email: string },
  audit: Audit,
): FacilityRecord {
  const at = audit.now.toISOString();
  return {
    ...facilityKey(input.enterpriseNumber),
    entity: 'Facility',
    GSI1PK: ALL_FACILITIES,
    GSI1SK: input.enterpriseNumber,
    GSI2PK: provincePartition(input.province),
    GSI2SK: input.enterpriseNumber,
    enterpriseNumber: input.enterpriseNumber,
    name: input.name,
    province: input.province,
    email: input.email,
    recognitions: {},
    version: 1,
    createdAt: at,
    createdBy: audit.actor,
    updatedAt: at,
    updatedBy: audit.actor,
  };
}

/** Writes a new facility; `exists` when one with that enterprise number does. */
export async function insertFacility(deps: Deps, record: FacilityRecord): Promise<WriteOutcome<'exists'>> {
  try {
    await deps.ddb.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: record,
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return { ok: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { ok: false, reasons: ['exists'] };
    throw error;
  }
}

export async function getFacility(deps: Deps, enterpriseNumber: string): Promise<FacilityRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: facilityKey(enterpriseNumber), ConsistentRead: true }),
  );
  return result.Item as FacilityRecord | undefined;
}

export async function listFacilities(
  deps: Deps,
  request: { province?: Province; limit: number; cursor?: string; where?: (f: FacilityRecord) => boolean },
): Promise<Page<FacilityRecord>> {
  return queryPage<FacilityRecord & Record<string, unknown>>(deps, {
    ...(request.province
      ? { index: 'GSI2' as const, partition: provincePartition(request.province) }
      : { index: 'GSI1' as const, partition: ALL_FACILITIES }),
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.where ? { where: request.where } : {}),
  });
}

export type FacilityWriteReason = 'not-found' | 'stale' | 'conflict';
export type UpdateOutcome = WriteOutcome<FacilityWriteReason, FacilityRecord>;

/** Runs a conditional update; tells a missing item from a failed condition by the old item. */
async function conditionalUpdate(
  deps: Deps,
  command: ConstructorParameters<typeof UpdateCommand>[0],
  explainFailure: (old: FacilityRecord) => 'stale' | 'conflict' | 'not-found',
): Promise<UpdateOutcome> {
  try {
    const result = await deps.ddb.send(
      new UpdateCommand({ ...command, ReturnValues: 'ALL_NEW', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
    );
    return { ok: true, record: result.Attributes as FacilityRecord };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      if (!error.Item) return { ok: false, reasons: ['not-found'] };
      return { ok: false, reasons: [explainFailure(unmarshall(error.Item) as FacilityRecord)] };
    }
    throw error;
  }
}

/** Changes name, province or email if the stored version is still `expectedVersion`. */
export async function updateFacility(
  deps: Deps,
  enterpriseNumber: string,
  changes: { name?: string; province?: Province; email?: string },
  expectedVersion: number | undefined,
  audit: Audit,
): Promise<UpdateOutcome> {
  const update = versionedUpdate(
    { ...changes, ...(changes.province ? { GSI2PK: provincePartition(changes.province) } : {}) },
    audit,
  );
  return conditionalUpdate(
    deps,
    {
      TableName: deps.tableName,
      Key: facilityKey(enterpriseNumber),
      UpdateExpression: update.UpdateExpression,
      ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
      ExpressionAttributeNames: update.ExpressionAttributeNames,
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':expected': expectedVersion ?? -1 },
    },
    () => 'stale',
  );
}

export async function addRecognition(
  deps: Deps,
  enterpriseNumber: string,
  input: { authority: RecognitionAuthority; reference: string; validFrom: string; validUntil?: string },
  audit: Audit,
): Promise<UpdateOutcome> {
  const at = audit.now.toISOString();
  const recognition: RecognitionRecord = {
    recognitionId: randomUUID(),
    authority: input.authority,
    reference: input.reference,
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    createdAt: at,
    createdBy: audit.actor,
  };
  return conditionalUpdate(
    deps,
    {
      TableName: deps.tableName,
      Key: facilityKey(enterpriseNumber),
      UpdateExpression: 'SET recognitions.#id = :recognition, #version = #version + :one, updatedAt = :now, updatedBy = :actor',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#id': recognition.recognitionId, '#version': 'version' },
      ExpressionAttributeValues: { ':recognition': recognition, ':one': 1, ':now': at, ':actor': audit.actor },
    },
    () => 'not-found',
  );
}

/** Marks a recognition withdrawn from the Brussels date `withdrawnOn`; it stays on record. */
export async function withdrawRecognition(
  deps: Deps,
  enterpriseNumber: string,
  recognitionId: string,
  withdrawnOn: string,
  audit: Audit,
): Promise<UpdateOutcome> {
  const at = audit.now.toISOString();
  return conditionalUpdate(
    deps,
    {
      TableName: deps.tableName,
      Key: facilityKey(enterpriseNumber),
      UpdateExpression:
        'SET recognitions.#id.withdrawnAt = :now, recognitions.#id.withdrawnBy = :actor, recognitions.#id.withdrawnOn = :on, ' +
        '#version = #version + :one, updatedAt = :now, updatedBy = :actor',
      ConditionExpression: 'attribute_exists(recognitions.#id) AND attribute_not_exists(recognitions.#id.withdrawnAt)',
      ExpressionAttributeNames: { '#id': recognitionId, '#version': 'version' },
      ExpressionAttributeValues: { ':now': at, ':actor': audit.actor, ':on': withdrawnOn, ':one': 1 },
    },
    (old) => (old.recognitions?.[recognitionId] ? 'conflict' : 'not-found'),
  );
}

/** The API representation: no storage keys; recognitions sorted by start date. */
export function facilityView(record: FacilityRecord): FacilityView {
  const recognitions = Object.values(record.recognitions ?? {})
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.createdAt.localeCompare(b.createdAt))
    .map((r) => ({
      recognitionId: r.recognitionId,
      authority: r.authority,
      reference: r.reference,
      validFrom: r.validFrom,
      ...(r.validUntil ? { validUntil: r.validUntil } : {}),
      status: r.withdrawnAt ? ('WITHDRAWN' as const) : ('ACTIVE' as const),
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      ...(r.withdrawnAt ? { withdrawnAt: r.withdrawnAt, withdrawnBy: r.withdrawnBy, withdrawnOn: r.withdrawnOn } : {}),
    }));
  return {
    enterpriseNumber: record.enterpriseNumber,
    enterpriseNumberFormatted: formatEnterpriseNumber(record.enterpriseNumber),
    name: record.name,
    province: record.province,
    email: record.email,
    recognitions,
    version: record.version,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}

/** The facilities with these enterprise numbers that are registered (BatchGet, 100 at a time). */
export async function getFacilities(deps: Deps, enterpriseNumbers: readonly string[]): Promise<Map<string, FacilityRecord>> {
  const found = new Map<string, FacilityRecord>();
  const unique = [...new Set(enterpriseNumbers)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(facilityKey);
    while (keys && keys.length > 0) {
      const result = await deps.ddb.send(
        new BatchGetCommand({ RequestItems: { [deps.tableName]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of result.Responses?.[deps.tableName] ?? []) {
        const record = item as FacilityRecord;
        found.set(record.enterpriseNumber, record);
      }
      keys = result.UnprocessedKeys?.[deps.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}
