import { createHash } from 'node:crypto';
import '../runtime/ddb-client.ts';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../runtime/deps.ts';
import type { DecisionLine, Evaluation } from '../domain/selection.ts';
import type { Region } from '../domain/reference-data.ts';
import { queryAllByPrefix } from './query-all.ts';
import { putAll } from './batch-write.ts';
import { callPartition } from './calls.ts';
import { transactNamed, type ConditionalUpdate, type TransactItem, type WriteOutcome } from './transaction.ts';

/**
 * The selection's records, in the call's partition, keyed by run (one execution):
 *   RUN#<runId>                         the run: status, who started it, dry or not
 *   RUN#<runId>#BATCH#<nnnn>            the application ids of one batch (state passed by reference)
 *   RUN#<runId>#EVAL#<applicationId>    one application's evaluation
 *   RUN#<runId>#LINE#<applicationId>    one line of the decision
 *   NOTIFIED#<applicationId>            the outcome email was sent (once per call, across runs)
 * and networks in their own partition NETWORK#<networkId>, their id derived from call and application so
 * that a rerun writes the same network again instead of a second one.
 */
export type RunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface RunRecord {
  PK: string;
  SK: string;
  entity: 'SelectionRun';
  callId: string;
  runId: string;
  executionName: string;
  executionArn?: string;
  dryRun: boolean;
  status: RunStatus;
  startedAt: string;
  startedBy: string;
  startedByEmail?: string;
  finishedAt?: string;
  error?: string;
  /** Set once the decision is committed (non-dry runs). */
  committedAt?: string;
}

export interface EvaluationRecord extends Evaluation {
  PK: string;
  SK: string;
  entity: 'SelectionEvaluation';
  leadEnterpriseNumber: string;
  members: string[];
  partners: Array<{ enterpriseNumber: string; role: string }>;
  evaluatedVersion: number;
}

export interface LineRecord extends DecisionLine {
  PK: string;
  SK: string;
  entity: 'DecisionLine';
  region: string;
  leadEnterpriseNumber: string;
  members: string[];
  partners: Array<{ enterpriseNumber: string; role: string }>;
  evaluatedVersion: number;
}

export interface NetworkRecord {
  PK: string;
  SK: string;
  entity: 'Network';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  networkId: string;
  callId: string;
  runId: string;
  applicationId: string;
  region: Region;
  leadEnterpriseNumber: string;
  partners: Array<{ enterpriseNumber: string; role: string }>;
  appointedAt: string;
  /** Appointed outside the system (POST /networks) rather than by a selection. */
  registeredManually?: boolean;
  /** Ended by the department from this day on (rule `network-withdrawal`), with the reason. */
  withdrawnOn?: string;
  withdrawalReason?: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
}

export const runKey = (callId: string, runId: string) => ({ PK: callPartition(callId), SK: `RUN#${runId}` });
const batchKey = (callId: string, runId: string, batch: number) => ({
  PK: callPartition(callId),
  SK: `RUN#${runId}#BATCH#${String(batch).padStart(4, '0')}`,
});

export async function getRun(deps: Deps, callId: string, runId: string): Promise<RunRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: runKey(callId, runId), ConsistentRead: true }),
  );
  return result.Item as RunRecord | undefined;
}

/**
 * A selection run begins. A real run moves the call to SELECTING (`callChange`, conditional on the call as
 * read) and writes its run record in one transaction: the call is never SELECTING without its run. A dry
 * run changes no call.
 */
export async function beginSelectionRun(
  deps: Deps,
  run: Omit<RunRecord, 'PK' | 'SK' | 'entity'>,
  callChange: ConditionalUpdate | undefined,
): Promise<WriteOutcome<'call-changed'>> {
  const record: RunRecord = { ...runKey(run.callId, run.runId), entity: 'SelectionRun', ...run };
  const put: TransactItem = { Put: { TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } };
  return transactNamed(deps, [...(callChange ? [[{ Update: callChange }, 'call-changed'] as const] : []), [put, 'call-changed']]);
}

/**
 * A run whose execution could not be started: the run is FAILED with the error's name and the call, when
 * this run moved it to SELECTING and it still is, goes back (`callChange`, conditional). Both or neither.
 */
export async function abandonSelectionRun(
  deps: Deps,
  run: { callId: string; runId: string },
  errorName: string,
  now: Date,
  callChange: ConditionalUpdate | undefined,
): Promise<WriteOutcome<'call-changed'>> {
  const failed: TransactItem = {
    Update: {
      TableName: deps.tableName,
      Key: runKey(run.callId, run.runId),
      UpdateExpression: 'SET #status = :failed, #error = :error, finishedAt = :now',
      ConditionExpression: '#status = :running',
      ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
      ExpressionAttributeValues: { ':failed': 'FAILED', ':running': 'RUNNING', ':error': errorName, ':now': now.toISOString() },
    },
  };
  return transactNamed(deps, [
    [failed, 'call-changed'],
    ...(callChange ? [[{ Update: callChange }, 'call-changed'] as const] : []),
  ]);
}

/** The name of a run's execution: the call and the whole run id (at most 36 + 1 + 40 = 77 of the 80 allowed). */
export const executionNameOf = (callId: string, runId: string) => `${callId}-${runId}`;

/**
 * The run of an execution, by the ARN the start route answered with. The execution is named after its run,
 * so this is one GetItem, and the run's own ARN must match (a made-up or foreign id finds nothing).
 * Dry runs started before their name carried the whole run id (`<callId>-dry-xxxxxxxx`) are found among
 * the items under that prefix, all pages read: a call's partition also holds every evaluation and decision
 * line, so one unpaginated Query could stop before the run (past 1 MB) and answer "not found".
 */
export async function findRunByExecution(deps: Deps, callId: string, executionId: string): Promise<RunRecord | undefined> {
  const name = executionId.slice(executionId.lastIndexOf(':') + 1);
  const prefix = executionNameOf(callId, '');
  if (!name.startsWith(prefix) || name.length === prefix.length) return undefined;
  const runId = name.slice(prefix.length);
  const matches = (item: { entity?: string; executionArn?: string }) =>
    item.entity === 'SelectionRun' && item.executionArn === executionId;
  const run = await getRun(deps, callId, runId);
  if (run) return matches(run) ? run : undefined;
  const items = await queryAllByPrefix<RunRecord>(deps, callPartition(callId), `RUN#${runId}`);
  return items.find(matches);
}

export async function updateRun(deps: Deps, callId: string, runId: string, fields: Partial<RunRecord>): Promise<void> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: runKey(callId, runId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

export async function putBatches(deps: Deps, callId: string, runId: string, batches: string[][]): Promise<void> {
  await putAll(
    deps,
    batches.map((applicationIds, n) => ({ ...batchKey(callId, runId, n), entity: 'SelectionBatch', applicationIds })),
  );
}

export async function getBatch(deps: Deps, callId: string, runId: string, batch: number): Promise<string[]> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: batchKey(callId, runId, batch), ConsistentRead: true }),
  );
  const item = result.Item as { applicationIds?: string[] } | undefined;
  if (!item?.applicationIds) throw new Error(`batch ${batch} of run ${runId} is missing`);
  return item.applicationIds;
}

export function evaluationItem(
  callId: string,
  runId: string,
  evaluation: Omit<EvaluationRecord, 'PK' | 'SK' | 'entity'>,
): EvaluationRecord {
  return {
    PK: callPartition(callId),
    SK: `RUN#${runId}#EVAL#${evaluation.applicationId}`,
    entity: 'SelectionEvaluation',
    ...evaluation,
  };
}

export const listEvaluations = (deps: Deps, callId: string, runId: string) =>
  queryAllByPrefix<EvaluationRecord>(deps, callPartition(callId), `RUN#${runId}#EVAL#`);

export function lineItem(callId: string, runId: string, line: Omit<LineRecord, 'PK' | 'SK' | 'entity'>): LineRecord {
  return { PK: callPartition(callId), SK: `RUN#${runId}#LINE#${line.applicationId}`, entity: 'DecisionLine', ...line };
}

export const listLines = (deps: Deps, callId: string, runId: string) =>
  queryAllByPrefix<LineRecord>(deps, callPartition(callId), `RUN#${runId}#LINE#`);

export async function getLine(deps: Deps, callId: string, runId: string, applicationId: string): Promise<LineRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: { PK: callPartition(callId), SK: `RUN#${runId}#LINE#${applicationId}` },
      ConsistentRead: true,
    }),
  );
  return result.Item as LineRecord | undefined;
}

/** The network of an application in a call: the same id on every run. */
export function networkIdOf(callId: string, applicationId: string): string {
  const hex = createHash('sha256').update(`${callId}/${applicationId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function networkItem(
  network: Omit<NetworkRecord, 'PK' | 'SK' | 'entity' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK'>,
): NetworkRecord {
  return {
    PK: `NETWORK#${network.networkId}`,
    SK: 'NETWORK',
    entity: 'Network',
    GSI1PK: 'NETWORKS',
    GSI1SK: `${network.region}#${network.callId}#${network.networkId}`,
    GSI2PK: `NETWORKS#CALL#${network.callId}`,
    GSI2SK: `${network.region}#${network.networkId}`,
    ...network,
  };
}

/**
 * The partners' outcome emails of an application (`emails`, outbox), written once per application and call
 * with their marker (NOTIFIED#<applicationId>#PARTNERS) in one transaction: a rerun or a retried task
 * writes nothing more. False when they were written before.
 */
export async function notifyPartnersOnce(
  deps: Deps,
  callId: string,
  applicationId: string,
  at: string,
  emails: TransactItem | undefined,
): Promise<boolean> {
  if (!emails) return false;
  const outcome = await transactNamed(
    deps,
    [
      [
        {
          Put: {
            TableName: deps.tableName,
            Item: {
              PK: callPartition(callId),
              SK: `NOTIFIED#${applicationId}#PARTNERS`,
              entity: 'PartnerOutcomeNotification',
              applicationId,
              at,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        'sent-before',
      ],
    ],
    [emails],
  );
  return outcome.ok;
}

/** Claims the one outcome email of an application in a call; false when it was sent already. */
export async function claimNotification(deps: Deps, callId: string, applicationId: string, at: string): Promise<boolean> {
  try {
    await deps.ddb.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { PK: callPartition(callId), SK: `NOTIFIED#${applicationId}`, entity: 'OutcomeNotification', applicationId, at },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives a claim back when the email could not be sent, so a retry sends it. */
export async function releaseNotification(deps: Deps, callId: string, applicationId: string): Promise<void> {
  await deps.ddb.send(
    new DeleteCommand({ TableName: deps.tableName, Key: { PK: callPartition(callId), SK: `NOTIFIED#${applicationId}` } }),
  );
}

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * A region decided again after an upheld objection (functions/selection/redecide.ts), all or nothing: the
 * call (its version moved on, conditional on the version read, with the history entry), every changed
 * application (its outcome, the objection acted on, a history entry), the region's new decision lines under
 * the call's decision run, the networks appointed (the same id a selection would give them) and those
 * ended (from `endsOn`, unless the department ended them before), and the emails (outbox).
 * `too-large` when it would not fit in one transaction.
 */
export async function redecideRegion(
  deps: Deps,
  change: {
    call: ConditionalUpdate;
    applications: readonly TransactItem[];
    lines: readonly LineRecord[];
    appointed: readonly NetworkRecord[];
    ended: ReadonlyArray<{ networkId: string; endsOn: string; reason: string; at: string; by: string }>;
  },
  also: readonly TransactItem[],
): Promise<WriteOutcome<'call-changed' | 'objection-acted-on' | 'network-changed' | 'too-large'>> {
  const named: Array<readonly [TransactItem, 'call-changed' | 'objection-acted-on' | 'network-changed']> = [
    [{ Update: change.call }, 'call-changed'],
    ...change.applications.map((item) => [item, 'objection-acted-on'] as const),
    ...change.ended.map(
      (network) =>
        [
          {
            Update: {
              TableName: deps.tableName,
              Key: { PK: `NETWORK#${network.networkId}`, SK: 'NETWORK' },
              UpdateExpression: 'SET withdrawnOn = :on, withdrawalReason = :reason, withdrawnAt = :at, withdrawnBy = :by',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(withdrawnOn)',
              ExpressionAttributeValues: {
                ':on': network.endsOn,
                ':reason': network.reason,
                ':at': network.at,
                ':by': network.by,
              },
            },
          },
          'network-changed',
        ] as const,
    ),
  ];
  const puts: TransactItem[] = [...change.lines, ...change.appointed].map((item) => ({
    Put: { TableName: deps.tableName, Item: item },
  }));
  if (named.length + puts.length + also.length > MAX_TRANSACTION_ITEMS) return { ok: false, reasons: ['too-large'] };
  return transactNamed(deps, named, [...puts, ...also]);
}
