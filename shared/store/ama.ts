import { randomUUID } from 'node:crypto';
import '../runtime/ddb-client.ts';
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.ts';
import {
  agreementChecks,
  hoursPerWeek,
  isAgreementEnded,
  type AgreementStatus,
  type Signature,
  type SubmissionStatus,
} from '../domain/ama.ts';
import { nextEvaluationNoticeDate } from '../domain/notices.ts';
import { participantDataErasableOn } from '../domain/retention.ts';
import { RETENTION_PARTITION } from './table-design.ts';
import type { AgreementInput } from '../schemas/ama.ts';
import type { Audit } from './history.ts';
import { facilityPartition } from './facilities.ts';
import { transactNamed, type TransactItem, type WriteOutcome } from './transaction.ts';
import { versionedPut, versionedUpdate } from './versioned-update.ts';
import { auditPut, listAuditEntries, recordAuditEntry, type AuditActor } from './audit.ts';
import { queryAll } from './query-all.ts';
import { queryPage, type Page } from './query-page.ts';

/**
 * Werkposten (PK WERKPOST#<id>; GSI1 by begeleider facility) count the agreements that hold a place
 * (DRAFT and ACTIVE) in `takenPlaces`: taking one is a conditional increment in the same transaction as the
 * agreement, so two agreements racing for the last place cannot both win.
 * Agreements (PK AMA#<id>, with their audit trail and notice claims; GSI1 by begeleider facility; GSI4
 * sparse: the date of the next evaluation notice, 14 days before each evaluation).
 */
export interface WerkpostRecord {
  PK: string;
  SK: string;
  entity: 'Werkpost';
  GSI1PK: string;
  GSI1SK: string;
  werkpostId: string;
  begeleiderEnterpriseNumber: string;
  name: string;
  organisationEnterpriseNumber?: string;
  address: { street: string; postcode: string; municipality: string };
  activities: string;
  places: number;
  takenPlaces: number;
  /** How many agreements ever took a place here (never decreases): such a werkpost cannot be deleted. */
  agreementsEver?: number;
  closed: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** An agreement's content as stored: the participant's identity only sealed, never in plain attributes. */
export type AgreementContent = Omit<AgreementInput, 'participant'> & { participant: { reference: string; birthDate: string } };

export interface AgreementRecord
  extends
    Omit<AgreementContent, 'trajectoryId' | 'werkpostbegeleider' | 'participantStatus' | 'participant'>,
    Partial<Pick<AgreementContent, 'werkpostbegeleider' | 'participantStatus' | 'participant'>> {
  PK: string;
  SK: string;
  entity: 'AmaAgreement';
  GSI1PK: string;
  GSI1SK: string;
  /** All agreements, for the department's list (absent on agreements made before the list existed). */
  GSI3PK?: string;
  GSI3SK?: string;
  GSI4PK?: string;
  GSI4SK?: string;
  agreementId: string;
  begeleiderEnterpriseNumber: string;
  trajectoryId?: string;
  /**
   * The participant's name and national register number, sealed with the AWS Encryption SDK
   * (shared/runtime/participant-identity.ts; base64). Absent on agreements drawn up before it was recorded.
   */
  participantIdentityEncrypted?: string;
  /**
   * The day the participant's data (reference, birth date, sealed identity, status, werkpostbegeleider) were
   * removed, its retention over (rule `retention-ama-participant-data`); `participant` is absent from then.
   */
  participantDataErasedOn?: string;
  status: AgreementStatus;
  signatures: Signature[];
  endDate?: string;
  endReason?: string;
  /** Its submission to the department (the annex's elements, the signed copy's hash) and the answer. */
  submission?: AgreementSubmission;
  sentEvaluationNotices: string[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export const werkpostKey = (id: string) => ({ PK: `WERKPOST#${id}`, SK: 'WERKPOST' });
/** The agreement's partition: the agreement, its audit trail and its evaluation notice claims. */
export const agreementPk = (agreementId: string) => `AMA#${agreementId}`;
export const agreementKey = (id: string) => ({ PK: agreementPk(id), SK: 'AGREEMENT' });

export function newWerkpost(
  begeleider: string,
  input: Pick<WerkpostRecord, 'name' | 'address' | 'activities' | 'places'> & { organisationEnterpriseNumber?: string },
  audit: Audit,
): WerkpostRecord {
  const werkpostId = randomUUID();
  const at = audit.now.toISOString();
  return {
    ...werkpostKey(werkpostId),
    entity: 'Werkpost',
    GSI1PK: `${facilityPartition(begeleider)}#WERKPOSTEN`,
    GSI1SK: werkpostId,
    werkpostId,
    begeleiderEnterpriseNumber: begeleider,
    ...input,
    takenPlaces: 0,
    closed: false,
    version: 1,
    createdAt: at,
    createdBy: audit.actor,
    updatedAt: at,
    updatedBy: audit.actor,
  };
}

export async function getWerkpost(deps: Deps, id: string): Promise<WerkpostRecord | undefined> {
  const result = await deps.ddb.send(new GetCommand({ TableName: deps.tableName, Key: werkpostKey(id), ConsistentRead: true }));
  return result.Item as WerkpostRecord | undefined;
}

export async function listWerkposten(deps: Deps, begeleider: string): Promise<WerkpostRecord[]> {
  const { items } = await queryAll<WerkpostRecord>(deps, {
    index: 'GSI1',
    keyCondition: 'GSI1PK = :pk',
    values: { ':pk': `${facilityPartition(begeleider)}#WERKPOSTEN` },
  });
  return items.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Changes a werkpost's fields at the version the caller read. Places never drop under what agreements hold,
 * also when one was taken in between. `stale`: it changed since (or places would drop under the taken ones).
 */
export async function updateWerkpost(
  deps: Deps,
  id: string,
  fields: Partial<Pick<WerkpostRecord, 'name' | 'activities' | 'places' | 'closed'>>,
  expectedVersion: number,
  audit: Audit,
): Promise<WriteOutcome<'stale', WerkpostRecord>> {
  const update = versionedUpdate(fields, audit);
  try {
    const result = await deps.ddb.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: werkpostKey(id),
        UpdateExpression: update.UpdateExpression,
        ConditionExpression:
          fields.places !== undefined ? '#version = :expected AND takenPlaces <= :f_places' : '#version = :expected',
        ExpressionAttributeNames: update.ExpressionAttributeNames,
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':expected': expectedVersion },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { ok: true, record: result.Attributes as WerkpostRecord };
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return { ok: false, reasons: ['stale'] };
    throw error;
  }
}

/** Deletes a werkpost no agreement ever named; `in-use` when one did (close it instead). */
export async function deleteWerkpost(deps: Deps, id: string): Promise<WriteOutcome<'in-use'>> {
  try {
    await deps.ddb.send(
      new DeleteCommand({
        TableName: deps.tableName,
        Key: werkpostKey(id),
        // Never once an agreement named it (even ended ones: their documents name the werkpost).
        ConditionExpression: 'takenPlaces = :zero AND (attribute_not_exists(agreementsEver) OR agreementsEver = :zero)',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
    return { ok: true };
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return { ok: false, reasons: ['in-use'] };
    throw error;
  }
}

/** The next evaluation notice date (14 days before the first evaluation not yet notified), for the sparse index. */
export function withAgreementIndexKeys(
  record: Omit<AgreementRecord, 'GSI4PK' | 'GSI4SK'> & Partial<Pick<AgreementRecord, 'GSI4PK' | 'GSI4SK'>>,
): AgreementRecord {
  // The keys it had are never carried over: an agreement with no notice left leaves the index.
  const { GSI4PK: _pk, GSI4SK: _sk, ...rest } = record;
  const next = nextEvaluationNoticeDate({
    status: rest.status,
    evaluationDates: rest.evaluationDates,
    sent: rest.sentEvaluationNotices,
  });
  return {
    ...rest,
    ...(next ? { GSI4PK: 'NOTICES', GSI4SK: `${next}#${rest.agreementId}` } : {}),
    // Ended with its participant's data: in the sparse retention index until the day they go.
    ...(isAgreementEnded(rest) && rest.endDate && rest.participant
      ? { GSI4PK: RETENTION_PARTITION, GSI4SK: `${participantDataErasableOn(rest.endDate)}#AMA#${rest.agreementId}` }
      : {}),
  };
}

/** A new agreement's id: known before its record, since the participant's sealed identity is bound to it. */
export const newAgreementId = (): string => randomUUID();

export function newAgreement(
  begeleider: string,
  agreementId: string,
  input: AgreementContent,
  participantIdentityEncrypted: string,
  audit: Audit,
): AgreementRecord {
  const at = audit.now.toISOString();
  return withAgreementIndexKeys({
    ...agreementKey(agreementId),
    entity: 'AmaAgreement',
    GSI1PK: `${facilityPartition(begeleider)}#AMA`,
    GSI1SK: `${input.startDate}#${agreementId}`,
    GSI3PK: ALL_AGREEMENTS,
    GSI3SK: `${input.startDate}#${agreementId}`,
    agreementId,
    begeleiderEnterpriseNumber: begeleider,
    ...input,
    participantIdentityEncrypted,
    status: 'DRAFT',
    signatures: [],
    sentEvaluationNotices: [],
    version: 1,
    createdAt: at,
    createdBy: audit.actor,
    updatedAt: at,
    updatedBy: audit.actor,
  });
}

export async function recordAgreementAudit(deps: Deps, agreementId: string, actor: AuditActor, action: string): Promise<void> {
  await recordAuditEntry(deps, agreementPk(agreementId), actor, action);
}

/** A new agreement taking a place of its werkpost (`werkpost-full` when none is free or it is closed), with its audit entry. */
export async function insertAgreement(
  deps: Deps,
  record: AgreementRecord,
  roles: readonly string[],
): Promise<WriteOutcome<'werkpost-full' | 'exists'>> {
  return transactNamed(
    deps,
    [
      [
        {
          Update: {
            TableName: deps.tableName,
            Key: werkpostKey(record.werkpostId),
            // `agreementsEver` only grows: a werkpost an agreement ever named is closed, never deleted.
            UpdateExpression: 'SET takenPlaces = takenPlaces + :one ADD agreementsEver :one',
            ConditionExpression: 'takenPlaces < places AND closed = :false',
            ExpressionAttributeValues: { ':one': 1, ':false': false },
          },
        },
        'werkpost-full',
      ],
      [{ Put: { TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } }, 'exists'],
    ],
    [auditPut(deps, agreementPk(record.agreementId), { userId: record.createdBy, roles }, 'created')],
  );
}

/** Replaces the agreement if still at `expectedVersion`; ending it also frees its werkpost place. */
/** The next version of an agreement: the changes, version + 1, who and when, and its notice index recomputed. */
export function nextAgreementVersion(current: AgreementRecord, changes: Partial<AgreementRecord>, audit: Audit): AgreementRecord {
  return withAgreementIndexKeys({
    ...current,
    ...changes,
    version: current.version + 1,
    updatedAt: audit.now.toISOString(),
    updatedBy: audit.actor,
  });
}

export interface AgreementSubmission {
  status: SubmissionStatus;
  submittedAt: string;
  submittedBy: string;
  /** The SHA-256 of the complete signed copy the begeleider keeps. */
  signedCopySha256: string;
  /** The recognition as begeleider AMA it was made under (the mandate request's id). */
  recognitionRequestId: string;
  decidedAt?: string;
  decidedBy?: string;
  returnReason?: string;
}

export async function saveAgreement(
  deps: Deps,
  next: AgreementRecord,
  expectedVersion: number,
  actor: AuditActor,
  action: string,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'stale'>> {
  const freePlace: TransactItem = {
    Update: {
      TableName: deps.tableName,
      Key: werkpostKey(next.werkpostId),
      UpdateExpression: 'SET takenPlaces = takenPlaces - :one',
      ConditionExpression: 'takenPlaces > :zero',
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    },
  };
  return transactNamed(
    deps,
    [
      [versionedPut(deps.tableName, next, expectedVersion), 'stale'],
      // Ending frees the werkpost's place; it holds one as long as the agreement does.
      ...(next.status === 'ENDED' ? [[freePlace, 'stale'] as const] : []),
    ],
    [auditPut(deps, agreementPk(next.agreementId), actor, action), ...also],
  );
}

/**
 * Records evaluation dates as handled (noticed, or passed without a notice) and moves the agreement's place
 * in the sparse notice index to its next notice, or out of the index when none is left.
 */
export async function recordEvaluationNoticesHandled(
  deps: Deps,
  agreement: AgreementRecord,
  dates: readonly string[],
): Promise<void> {
  const sent = [...new Set([...agreement.sentEvaluationNotices, ...dates])];
  const next = withAgreementIndexKeys({ ...agreement, sentEvaluationNotices: sent });
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: agreementKey(agreement.agreementId),
      UpdateExpression: next.GSI4SK
        ? 'SET sentEvaluationNotices = :sent, GSI4PK = :pk, GSI4SK = :sk'
        : 'SET sentEvaluationNotices = :sent REMOVE GSI4PK, GSI4SK',
      ExpressionAttributeValues: { ':sent': sent, ...(next.GSI4SK ? { ':pk': next.GSI4PK, ':sk': next.GSI4SK } : {}) },
    }),
  );
}

const ALL_AGREEMENTS = 'AMA_AGREEMENTS';

/**
 * Agreements by start date, of one begeleider (GSI1) or all (GSI3, the department); `where` filters a page
 * (status, period) and pages are still filled up to `limit`.
 */
export async function listAgreements(
  deps: Deps,
  request: { begeleider?: string; limit: number; cursor?: string; where?: (a: AgreementRecord) => boolean },
): Promise<Page<AgreementRecord>> {
  return queryPage<AgreementRecord & Record<string, unknown>>(deps, {
    ...(request.begeleider
      ? { index: 'GSI1' as const, partition: `${facilityPartition(request.begeleider)}#AMA` }
      : { index: 'GSI3' as const, partition: ALL_AGREEMENTS }),
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    where: (item) => item.entity === 'AmaAgreement' && (!request.where || request.where(item)),
  });
}

/**
 * Every agreement that `where` keeps, of one begeleider (GSI1) or of all (GSI3), all pages read: what a
 * withdrawal lists, a person's request, the retention migration.
 */
export async function allAgreementsWhere(
  deps: Deps,
  where: (a: AgreementRecord) => boolean,
  begeleider?: string,
): Promise<AgreementRecord[]> {
  const all: AgreementRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAgreements(deps, {
      limit: 100,
      where,
      ...(begeleider ? { begeleider } : {}),
      ...(cursor ? { cursor } : {}),
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Every agreement that follows from one of `trajectoryIds` (an access or erasure request). */
export async function agreementsFollowing(deps: Deps, trajectoryIds: ReadonlySet<string>): Promise<AgreementRecord[]> {
  if (trajectoryIds.size === 0) return [];
  return allAgreementsWhere(deps, (a) => a.trajectoryId !== undefined && trajectoryIds.has(a.trajectoryId));
}

/** A list's line: no participant data. */
export function agreementSummary(a: AgreementRecord) {
  return {
    agreementId: a.agreementId,
    begeleiderEnterpriseNumber: a.begeleiderEnterpriseNumber,
    werkpostId: a.werkpostId,
    status: a.status,
    startDate: a.startDate,
    ...(a.endDate ? { endDate: a.endDate } : {}),
    signedBy: a.signatures.map((s) => s.party),
    ...(a.submission ? { submissionStatus: a.submission.status } : {}),
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

export async function getAgreement(deps: Deps, id: string): Promise<AgreementRecord | undefined> {
  const result = await deps.ddb.send(new GetCommand({ TableName: deps.tableName, Key: agreementKey(id), ConsistentRead: true }));
  return result.Item as AgreementRecord | undefined;
}

export async function listAgreementAudit(deps: Deps, agreementId: string) {
  return listAuditEntries(deps, agreementPk(agreementId));
}

export function werkpostView(w: WerkpostRecord) {
  return {
    werkpostId: w.werkpostId,
    begeleiderEnterpriseNumber: w.begeleiderEnterpriseNumber,
    name: w.name,
    ...(w.organisationEnterpriseNumber ? { organisationEnterpriseNumber: w.organisationEnterpriseNumber } : {}),
    address: w.address,
    activities: w.activities,
    places: w.places,
    freePlaces: w.closed ? 0 : Math.max(0, w.places - w.takenPlaces),
    closed: w.closed,
    version: w.version,
    createdAt: w.createdAt,
    createdBy: w.createdBy,
    updatedAt: w.updatedAt,
    updatedBy: w.updatedBy,
  };
}

export function agreementView(
  a: AgreementRecord,
  {
    identity,
    ...extra
  }: { voidedSignatures?: Signature[]; notice?: string; identity?: { name: string; nationalRegisterNumber: string } } = {},
) {
  const {
    PK: _1,
    SK: _2,
    entity: _3,
    GSI1PK: _4,
    GSI1SK: _5,
    GSI3PK: _9,
    GSI3SK: _10,
    GSI4PK: _6,
    GSI4SK: _7,
    sentEvaluationNotices: _8,
    participantIdentityEncrypted: _11,
    participant,
    ...view
  } = a;
  return {
    ...view,
    participant: {
      ...participant,
      identityRecorded: a.participantIdentityEncrypted !== undefined,
      ...(identity ? { identity } : {}),
    },
    hoursPerWeek: hoursPerWeek(a.weeklySchedule),
    checks: agreementChecks(a),
    ...extra,
  };
}
