import type { TrajectoryStatus } from '../domain/trajectory-status.ts';
import '../runtime/ddb-client.ts';
import type { Region } from '../domain/reference-data.ts';
import type { TrajectoryRegime } from '../domain/rules/parameters.ts';
import { createHmac, randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.ts';
import type { Milestone } from '../domain/notices.ts';
import { nextNoticeDate } from '../domain/notices.ts';
import { clientDataErasableOn } from '../domain/retention.ts';
import { RETENTION_PARTITION } from './table-design.ts';
import { queryPage, type Page } from './query-page.ts';
import { transact, transactNamed, type TransactItem, type WriteOutcome } from './transaction.ts';
import type { Audit } from './history.ts';
import { auditPut, listAuditEntries, recordAuditEntry, type AuditActor } from './audit.ts';
import { versionedPut } from './versioned-update.ts';

/**
 * A trajectory (PK TRAJECTORY#<id>, SK TRAJECTORY) with, in its partition, its audit trail (AUDIT#…), its
 * extension requests (EXTENSION#…) and its notice claims (NOTICE#…). The client's data are the minimum
 * (a pseudonymous reference and a birth date), encrypted at rest with the table's customer-managed key; the
 * one-active-trajectory marker is keyed by an HMAC of the reference, never the reference itself.
 */
export interface TrajectoryAction {
  type: string;
  description: string;
  providerEnterpriseNumber: string;
  plannedStart: string;
  plannedEnd: string;
}

export interface TrajectoryRecord {
  PK: string;
  SK: string;
  entity: 'Trajectory';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  GSI3PK: string;
  GSI3SK: string;
  GSI4PK?: string;
  GSI4SK?: string;
  trajectoryId: string;
  networkId: string;
  casemanagerZorg: { id: string; email: string; enterpriseNumber: string };
  casemanagerWerk: { id: string; email: string };
  /** The client's data: removed when its retention ends (rule `retention-trajectory-client-data`). */
  client?: { reference: string; birthDate: string };
  /** The HMAC of the client reference (the one-active-trajectory marker's key): removed with the client's data. */
  clientKey?: string;
  /** The day the client's data were removed. */
  clientDataErasedOn?: string;
  startDate: string;
  plannedEndDate: string;
  minEndDate: string;
  maxEndDate: string;
  workActions: TrajectoryAction[];
  careActions: TrajectoryAction[];
  status: TrajectoryStatus;
  endDate?: string;
  outcome?: string;
  /** The rules it follows (by the date its start was requested); absent on records made before it was kept: DECREE_2014. */
  regime?: TrajectoryRegime;
  requestedOn?: string;
  werkingsgebied?: Region;
  cooperationId?: string;
  /** Who confirmed the plan as it is now (a change to the plan clears both). */
  planConfirmations?: { zorg?: PlanConfirmation; werk?: PlanConfirmation };
  /** Closings the department undid. */
  corrections?: TrajectoryCorrection[];
  /** Notices: milestones before this date are not sent; those sent for the current planned end. */
  noticesArmedFrom: string;
  sentMilestones: Milestone[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PlanConfirmation {
  by: string;
  at: string;
}

export interface TrajectoryCorrection {
  action: 'reopened';
  at: string;
  by: string;
  reason: string;
  endDate: string;
  outcome: string;
}

/** The trajectory's partition: the trajectory, its audit trail, extension requests and notice claims. */
export const trajectoryPk = (trajectoryId: string) => `TRAJECTORY#${trajectoryId}`;
export const trajectoryKey = (trajectoryId: string) => ({ PK: trajectoryPk(trajectoryId), SK: 'TRAJECTORY' });

export async function clientKeyOf(deps: Deps, reference: string): Promise<string> {
  return createHmac('sha256', await deps.pseudonymKey())
    .update(reference.toUpperCase(), 'utf8')
    .digest('base64url');
}

const clientMarkerKey = (clientKey: string) => ({ PK: `CLIENT#${clientKey}`, SK: 'ACTIVE' });

/** The index keys that follow from the record's state: managers, the department list, the sparse notice index. */
export function withIndexKeys(
  record: Omit<TrajectoryRecord, 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK' | 'GSI4PK' | 'GSI4SK'>,
): TrajectoryRecord {
  const sort = `${record.startDate}#${record.trajectoryId}`;
  const next =
    record.status === 'ACTIVE'
      ? nextNoticeDate({ plannedEndDate: record.plannedEndDate, armedFrom: record.noticesArmedFrom, sent: record.sentMilestones })
      : undefined;
  return {
    ...record,
    GSI1PK: listScopes.casemanagerZorg(record.casemanagerZorg.id).partition,
    GSI1SK: sort,
    GSI2PK: listScopes.casemanagerWerk(record.casemanagerWerk.id).partition,
    GSI2SK: sort,
    GSI3PK: listScopes.all().partition,
    GSI3SK: sort,
    ...(next ? { GSI4PK: 'NOTICES', GSI4SK: `${next}#${record.trajectoryId}` } : {}),
    // Closed with its client's data: in the sparse retention index until the day they go (functions/jobs/retention.ts).
    ...(record.status === 'CLOSED' && record.endDate && record.client
      ? { GSI4PK: RETENTION_PARTITION, GSI4SK: `${clientDataErasableOn(record.endDate)}#TRAJECTORY#${record.trajectoryId}` }
      : {}),
  };
}

/** Records a read (or another action without a write) in the trajectory's audit trail. */
export async function recordAudit(deps: Deps, trajectoryId: string, actor: AuditActor, action: string): Promise<void> {
  await recordAuditEntry(deps, trajectoryPk(trajectoryId), actor, action);
}

/**
 * One audit entry per trajectory of a list page, each its own conditional PutItem (in parallel): the
 * function that lists may add audit entries and nothing else, which IAM can check for PutItem but not
 * for a BatchWriteItem (that may delete).
 */
export async function recordAuditOfMany(
  deps: Deps,
  trajectoryIds: readonly string[],
  actor: AuditActor,
  action: string,
): Promise<void> {
  await Promise.all(trajectoryIds.map((id) => recordAuditEntry(deps, trajectoryPk(id), actor, action)));
}

const casemanagerWerkKey = (userId: string) => ({ PK: `CASEMANAGER_WERK#${userId}`, SK: 'PROFILE' });

/**
 * A new trajectory with its audit entry and the client's one-active-trajectory marker, in one transaction;
 * `client-has-active-trajectory` when the marker exists. The casemanager Werk who recorded it is kept
 * (or refreshed) as known to the system; `also` carries its outbox entry.
 */
export async function insertTrajectory(
  deps: Deps,
  record: TrajectoryRecord & { clientKey: string },
  actor: AuditActor,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'client-has-active-trajectory' | 'exists'>> {
  return transactNamed(
    deps,
    [
      [
        {
          Put: {
            TableName: deps.tableName,
            Item: { ...clientMarkerKey(record.clientKey), entity: 'ActiveTrajectoryMarker', trajectoryId: record.trajectoryId },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        'client-has-active-trajectory',
      ],
      [{ Put: { TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } }, 'exists'],
    ],
    [
      auditPut(deps, trajectoryPk(record.trajectoryId), actor, 'created'),
      {
        Put: {
          TableName: deps.tableName,
          Item: {
            ...casemanagerWerkKey(record.casemanagerWerk.id),
            entity: 'CasemanagerWerk',
            userId: record.casemanagerWerk.id,
            email: record.casemanagerWerk.email,
            lastStartAt: record.createdAt,
          },
        },
      },
      ...also,
    ],
  );
}

/** A casemanager Werk known to the system: one who recorded a trajectory's start (their email as then). */
export async function getKnownCasemanagerWerk(
  deps: Deps,
  userId: string,
): Promise<{ userId: string; email: string } | undefined> {
  const result = await deps.ddb.send(new GetCommand({ TableName: deps.tableName, Key: casemanagerWerkKey(userId) }));
  return result.Item as { userId: string; email: string } | undefined;
}

/**
 * Reopens a closed trajectory (`next`, ACTIVE again) if it is still the closed version `expectedVersion`:
 * the client's marker is taken again (`client-has-active-trajectory` when the client has since started
 * another), with an audit entry.
 */
export async function reopenTrajectory(
  deps: Deps,
  next: TrajectoryRecord & { clientKey: string },
  expectedVersion: number,
  actor: AuditActor,
): Promise<WriteOutcome<'stale' | 'client-has-active-trajectory'>> {
  return transactNamed(
    deps,
    [
      [versionedPut(deps.tableName, next, expectedVersion, 'CLOSED'), 'stale'],
      [
        {
          Put: {
            TableName: deps.tableName,
            Item: { ...clientMarkerKey(next.clientKey), entity: 'ActiveTrajectoryMarker', trajectoryId: next.trajectoryId },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        'client-has-active-trajectory',
      ],
    ],
    [auditPut(deps, trajectoryPk(next.trajectoryId), actor, 'reopened')],
  );
}

export async function getTrajectory(deps: Deps, trajectoryId: string): Promise<TrajectoryRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: trajectoryKey(trajectoryId), ConsistentRead: true }),
  );
  return result.Item as TrajectoryRecord | undefined;
}

/**
 * Replaces the trajectory with `next` if it is still at `expectedVersion` and active (`stale` otherwise), with
 * an audit entry and `extra` items (an outbox entry), in one transaction; closing also frees the client's marker.
 */
export async function saveTrajectory(
  deps: Deps,
  next: TrajectoryRecord,
  expectedVersion: number,
  actor: AuditActor,
  action: string,
  extra: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'stale'>> {
  return transactNamed(
    deps,
    [[versionedPut(deps.tableName, next, expectedVersion, 'ACTIVE'), 'stale']],
    [
      auditPut(deps, trajectoryPk(next.trajectoryId), actor, action),
      ...(next.status === 'CLOSED' && next.clientKey
        ? [{ Delete: { TableName: deps.tableName, Key: clientMarkerKey(next.clientKey) } }]
        : []),
      ...extra,
    ],
  );
}

export function nextVersion(current: TrajectoryRecord, changes: Partial<TrajectoryRecord>, audit: Audit): TrajectoryRecord {
  const { GSI4PK: _a, GSI4SK: _b, ...rest } = { ...current, ...changes };
  return withIndexKeys({ ...rest, version: current.version + 1, updatedAt: audit.now.toISOString(), updatedBy: audit.actor });
}

/** The lists of trajectories, each an index partition (table-design.ts, pattern 18–19). */
const listScopes = {
  all: () => ({ index: 'GSI3' as const, partition: 'TRAJECTORIES' }),
  casemanagerZorg: (userId: string) => ({ index: 'GSI1' as const, partition: `CMZ#${userId}` }),
  casemanagerWerk: (userId: string) => ({ index: 'GSI2' as const, partition: `CMW#${userId}` }),
};

/** Whose trajectories a list holds: all of them (the department), or those of one case manager. */
export type TrajectoryListScope =
  { of: 'all' } | { of: 'casemanager-zorg'; userId: string } | { of: 'casemanager-werk'; userId: string };

function listScopeKeys(scope: TrajectoryListScope) {
  if (scope.of === 'all') return listScopes.all();
  return scope.of === 'casemanager-zorg' ? listScopes.casemanagerZorg(scope.userId) : listScopes.casemanagerWerk(scope.userId);
}

/** Every trajectory `where` accepts, all pages read (the department's report and network withdrawal). */
export async function allTrajectoriesWhere(deps: Deps, where?: (t: TrajectoryRecord) => boolean): Promise<TrajectoryRecord[]> {
  const all: TrajectoryRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTrajectoriesFor(deps, {
      scope: { of: 'all' },
      limit: 100,
      ...(cursor ? { cursor } : {}),
      ...(where ? { where } : {}),
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export async function listTrajectoriesFor(
  deps: Deps,
  request: {
    scope: TrajectoryListScope;
    limit: number;
    cursor?: string;
    where?: (t: TrajectoryRecord) => boolean;
  },
): Promise<Page<TrajectoryRecord>> {
  return queryPage<TrajectoryRecord & Record<string, unknown>>(deps, {
    ...listScopeKeys(request.scope),
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    where: (item) => item.entity === 'Trajectory' && (!request.where || request.where(item)),
  });
}

export async function listAudit(deps: Deps, trajectoryId: string) {
  return listAuditEntries(deps, trajectoryPk(trajectoryId));
}

export function trajectoryView(record: TrajectoryRecord) {
  return {
    trajectoryId: record.trajectoryId,
    networkId: record.networkId,
    casemanagerZorg: record.casemanagerZorg,
    casemanagerWerk: record.casemanagerWerk,
    ...(record.client ? { client: record.client } : {}),
    ...(record.clientDataErasedOn ? { clientDataErasedOn: record.clientDataErasedOn } : {}),
    startDate: record.startDate,
    plannedEndDate: record.plannedEndDate,
    minEndDate: record.minEndDate,
    maxEndDate: record.maxEndDate,
    workActions: record.workActions,
    careActions: record.careActions,
    status: record.status,
    ...(record.endDate ? { endDate: record.endDate } : {}),
    ...(record.outcome ? { outcome: record.outcome } : {}),
    regime: record.regime ?? 'DECREE_2014',
    ...(record.requestedOn ? { requestedOn: record.requestedOn } : {}),
    ...(record.werkingsgebied ? { werkingsgebied: record.werkingsgebied } : {}),
    ...(record.cooperationId ? { cooperationId: record.cooperationId } : {}),
    plan: {
      confirmed: Boolean(record.planConfirmations?.zorg && record.planConfirmations.werk),
      ...(record.planConfirmations?.zorg ? { confirmedByCasemanagerZorg: record.planConfirmations.zorg.at } : {}),
      ...(record.planConfirmations?.werk ? { confirmedByCasemanagerWerk: record.planConfirmations.werk.at } : {}),
    },
    ...(record.corrections?.length ? { corrections: record.corrections } : {}),
    version: record.version,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}

export interface ExtensionRecord {
  PK: string;
  SK: string;
  entity: 'ExtensionRequest';
  GSI1PK: string;
  GSI1SK: string;
  /** Every extension request, oldest first: the department's queue (absent on older requests). */
  GSI2PK?: string;
  GSI2SK?: string;
  requestId: string;
  trajectoryId: string;
  plannedEndDate: string;
  reason: string;
  status: 'REQUESTED' | 'GRANTED' | 'REFUSED';
  requestedBy: string;
  requestedAt: string;
  motivation?: string;
  decidedBy?: string;
  decidedAt?: string;
}

export function newExtensionRecord(
  trajectoryId: string,
  input: { plannedEndDate: string; reason: string },
  audit: Audit,
): ExtensionRecord {
  const requestId = randomUUID();
  return {
    PK: trajectoryPk(trajectoryId),
    SK: `EXTENSION#${requestId}`,
    entity: 'ExtensionRequest',
    GSI1PK: `EXTENSION_REQUEST#${requestId}`,
    GSI1SK: 'EXTENSION_REQUEST',
    GSI2PK: ALL_EXTENSION_REQUESTS,
    GSI2SK: `${audit.now.toISOString()}#${requestId}`,
    requestId,
    trajectoryId,
    ...input,
    status: 'REQUESTED',
    requestedBy: audit.actor,
    requestedAt: audit.now.toISOString(),
  };
}

/** A new extension request with its audit entry (and `also`: its outbox entry), in one transaction. */
export async function insertExtensionRequest(
  deps: Deps,
  record: ExtensionRecord,
  actor: AuditActor,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<void> {
  const outcome = await transact(deps, [
    { Put: { TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } },
    auditPut(deps, trajectoryPk(record.trajectoryId), actor, 'extension-requested'),
    ...also.filter((item) => item !== undefined),
  ]);
  // The request id is a fresh UUID: a failed condition means a broken invariant, not a caller's mistake.
  if (!outcome.ok) throw new Error('extension request id already in use');
}

/**
 * The decision on an extension request, as an item of the transaction that changes the trajectory
 * (saveTrajectory's `extra`): written only while the request is still REQUESTED.
 */
export function extensionDecisionPut(deps: Deps, decided: ExtensionRecord): TransactItem {
  return {
    Put: {
      TableName: deps.tableName,
      Item: decided,
      ConditionExpression: '#status = :requested',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':requested': 'REQUESTED' },
    },
  };
}

export async function getExtension(deps: Deps, requestId: string): Promise<ExtensionRecord | undefined> {
  const result = await deps.ddb.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `EXTENSION_REQUEST#${requestId}` },
    }),
  );
  return result.Items?.[0] as ExtensionRecord | undefined;
}

const ALL_EXTENSION_REQUESTS = 'EXTENSION_REQUESTS';

/** Extension requests of every trajectory, oldest first; `where` filters (status). */
export async function listAllExtensionRequests(
  deps: Deps,
  request: { limit: number; cursor?: string; where?: (r: ExtensionRecord) => boolean },
): Promise<Page<ExtensionRecord>> {
  return queryPage<ExtensionRecord & Record<string, unknown>>(deps, {
    index: 'GSI2',
    partition: ALL_EXTENSION_REQUESTS,
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.where ? { where: request.where } : {}),
  });
}

export function extensionView(record: ExtensionRecord) {
  const { PK: _pk, SK: _sk, entity: _e, GSI1PK: _g1, GSI1SK: _g2, GSI2PK: _g3, GSI2SK: _g4, ...view } = record;
  return view;
}
