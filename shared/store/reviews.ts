import { GetCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import { callPartition, callPhaseCheck } from './calls.ts';
import type { Audit } from './history.ts';
import { transactNamed, type WriteOutcome } from './transaction.ts';
import { queryAllByPrefix } from './query-all.ts';

export interface DeclarationRecord {
  PK: string;
  SK: string;
  entity: 'Declaration';
  applicationId: string;
  reviewer: string;
  declaredAt: string;
}

export interface ReviewRecord {
  PK: string;
  SK: string;
  entity: 'Review';
  applicationId: string;
  reviewer: string;
  scores: Record<string, number>;
  comment: string;
  declaredAt: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const declarationKey = (callId: string, applicationId: string, reviewer: string) => ({
  PK: callPartition(callId),
  SK: `DECL#${applicationId}#${reviewer}`,
});
const reviewKey = (callId: string, applicationId: string, reviewer: string) => ({
  PK: callPartition(callId),
  SK: `REVIEW#${applicationId}#${reviewer}`,
});

export async function getDeclaration(deps: Deps, callId: string, applicationId: string, reviewer: string) {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: declarationKey(callId, applicationId, reviewer), ConsistentRead: true }),
  );
  return result.Item as DeclarationRecord | undefined;
}

/** Records the declaration once; declaring again keeps the first. */
export async function insertDeclaration(
  deps: Deps,
  callId: string,
  applicationId: string,
  audit: Audit,
): Promise<WriteOutcome<'review-closed' | 'exists'>> {
  const record: DeclarationRecord = {
    ...declarationKey(callId, applicationId, audit.actor),
    entity: 'Declaration',
    applicationId,
    reviewer: audit.actor,
    declaredAt: audit.now.toISOString(),
  };
  return transactNamed(deps, [
    [callPhaseCheck(deps, callId, 'review', audit.now), 'review-closed'],
    [{ Put: { TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } }, 'exists'],
  ]);
}

export async function getReview(deps: Deps, callId: string, applicationId: string, reviewer: string) {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: reviewKey(callId, applicationId, reviewer), ConsistentRead: true }),
  );
  return result.Item as ReviewRecord | undefined;
}

/**
 * Creates or replaces the reviewer's own review, only with a declaration on record and while the call is in
 * review. `no-declaration`: none on record; `stale`: the review changed since it was read.
 */
export async function putReview(
  deps: Deps,
  callId: string,
  applicationId: string,
  input: { scores: Record<string, number>; comment: string },
  declaration: DeclarationRecord,
  existing: ReviewRecord | undefined,
  audit: Audit,
): Promise<{ outcome: WriteOutcome<'review-closed' | 'no-declaration' | 'stale'>; record: ReviewRecord }> {
  const at = audit.now.toISOString();
  const record: ReviewRecord = {
    ...reviewKey(callId, applicationId, audit.actor),
    entity: 'Review',
    applicationId,
    reviewer: audit.actor,
    scores: input.scores,
    comment: input.comment,
    declaredAt: declaration.declaredAt,
    version: (existing?.version ?? 0) + 1,
    createdAt: existing?.createdAt ?? at,
    createdBy: existing?.createdBy ?? audit.actor,
    updatedAt: at,
    updatedBy: audit.actor,
  };
  const outcome = await transactNamed(deps, [
    [callPhaseCheck(deps, callId, 'review', audit.now), 'review-closed'],
    [
      {
        ConditionCheck: {
          TableName: deps.tableName,
          Key: declarationKey(callId, applicationId, audit.actor),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
      'no-declaration',
    ],
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: record,
          ...(existing
            ? {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': existing.version },
              }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
      'stale',
    ],
  ]);
  return { outcome, record };
}

export async function listReviews(deps: Deps, callId: string, applicationId?: string): Promise<ReviewRecord[]> {
  return queryAllByPrefix<ReviewRecord>(deps, callPartition(callId), applicationId ? `REVIEW#${applicationId}#` : 'REVIEW#');
}

export function reviewView(record: ReviewRecord) {
  return {
    applicationId: record.applicationId,
    reviewer: record.reviewer,
    scores: record.scores,
    comment: record.comment,
    declaredAt: record.declaredAt,
    version: record.version,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}
