import { randomUUID } from 'node:crypto';
import '../runtime/ddb-client.ts';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.ts';
import type { ApplicationStatus } from '../domain/application-status.ts';
import type { Receipt } from '../domain/receipt.ts';
import { newTrackingNumber, receiptView } from '../domain/receipt.ts';
import type { Region } from '../domain/reference-data.ts';
import type { PartnerAnswer } from '../domain/eligibility.ts';
import type { ApplicationInput } from '../schemas/calls.ts';
import { callPartition, callPhaseCheck } from './calls.ts';
import { historyEntry, type Audit, type HistoryEntry } from './history.ts';
import { queryPage, type Page } from './query-page.ts';
import { transactNamed, updateTogether, type TransactItem, type WriteOutcome } from './transaction.ts';
import { queryAllByPrefix } from './query-all.ts';
import { versionedUpdate } from './versioned-update.ts';

/**
 * Applications live in their call's partition:
 *   APP#<applicationId>                       the application (current state)
 *   LEAD#<region>#<lead enterprise number>    uniqueness marker: one application per lead, call and region
 *   APPVER#<applicationId>#<nnnn>             an immutable submitted version with its receipt
 *   DECL#<applicationId>#<reviewer>           a reviewer's no-conflict-of-interest declaration
 *   REVIEW#<applicationId>#<reviewer>         a reviewer's scores
 */
export interface ApplicationRecord {
  PK: string;
  SK: string;
  entity: 'Application';
  /** GSI1: find an application by its id alone (receipts do not name the call). */
  GSI1PK: string;
  GSI1SK: string;
  applicationId: string;
  callId: string;
  trackingNumber: string;
  leadEnterpriseNumber: string;
  /** Lead and partners: who may read it. */
  members: string[];
  region: Region;
  partners: Array<{ enterpriseNumber: string; role: string }>;
  proposal: { summary: string; criteria: Record<string, string> };
  status: ApplicationStatus;
  submittedVersions: number;
  receipt?: Receipt;
  /** Set by the selection; it counts once the call is DECIDED with this run's decision. */
  outcome?: ApplicationOutcome;
  outcomeNotifiedAt?: string;
  objection?: Objection;
  /** Each partner's answer to being named, by enterprise number (rule `partners-confirmed`). */
  partnerAnswers?: Record<string, PartnerAnswerRecord>;
  history: HistoryEntry[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ApplicationOutcome {
  runId: string;
  status: 'SELECTED' | 'NOT_SELECTED' | 'INELIGIBLE';
  score: number;
  rank: number | null;
  reasons: string[];
  evaluatedVersion: number;
  networkId?: string;
}

export interface Objection {
  grounds: string;
  lodgedAt: string;
  lodgedBy: string;
  decision?: 'UPHELD' | 'REJECTED';
  motivation?: string;
  decidedAt?: string;
  decidedBy?: string;
  /** An upheld objection acted on: its region decided again (rule `objection-redecision`). */
  redecidedAt?: string;
  redecidedBy?: string;
}

export interface PartnerAnswerRecord {
  answer: PartnerAnswer;
  answeredAt: string;
  answeredBy: string;
  comment?: string;
}

export interface SubmittedContent {
  callId: string;
  applicationId: string;
  leadEnterpriseNumber: string;
  region: Region;
  partners: Array<{ enterpriseNumber: string; role: string }>;
  proposal: { summary: string; criteria: Record<string, string> };
}

export interface ApplicationVersionRecord {
  PK: string;
  SK: string;
  entity: 'ApplicationVersion';
  version: number;
  content: SubmittedContent;
  receipt: Receipt;
}

const applicationKey = (callId: string, applicationId: string) => ({ PK: callPartition(callId), SK: `APP#${applicationId}` });
const leadMarkerKey = (callId: string, region: string, lead: string) => ({
  PK: callPartition(callId),
  SK: `LEAD#${region}#${lead}`,
});
const versionKey = (callId: string, applicationId: string, n: number) => ({
  PK: callPartition(callId),
  SK: `APPVER#${applicationId}#${String(n).padStart(4, '0')}`,
});

export function newApplicationRecord(callId: string, lead: string, input: ApplicationInput, audit: Audit): ApplicationRecord {
  const applicationId = randomUUID();
  const at = audit.now.toISOString();
  return {
    ...applicationKey(callId, applicationId),
    entity: 'Application',
    GSI1PK: `APPLICATION#${applicationId}`,
    GSI1SK: 'APPLICATION',
    applicationId,
    callId,
    trackingNumber: newTrackingNumber(audit.now.getUTCFullYear()),
    leadEnterpriseNumber: lead,
    members: [lead, ...input.partners.map((p) => p.enterpriseNumber)],
    region: input.region,
    partners: input.partners,
    proposal: input.proposal,
    status: 'DRAFT',
    submittedVersions: 0,
    history: [historyEntry(audit, 'created', { to: 'DRAFT' })],
    version: 1,
    createdAt: at,
    createdBy: audit.actor,
    updatedAt: at,
    updatedBy: audit.actor,
  };
}

/** The content a receipt covers: what the lead submits, nothing about its state. */
export function submittedContent(record: ApplicationRecord): SubmittedContent {
  return {
    callId: record.callId,
    applicationId: record.applicationId,
    leadEnterpriseNumber: record.leadEnterpriseNumber,
    region: record.region,
    partners: record.partners,
    proposal: record.proposal,
  };
}

/** A new application with its lead-per-region marker, while the call is open. */
export async function insertApplication(
  deps: Deps,
  record: ApplicationRecord,
  now: Date,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'call-closed' | 'exists' | 'already-leading'>> {
  return transactNamed(
    deps,
    [
      [callPhaseCheck(deps, record.callId, 'open', now), 'call-closed'],
      [{ Put: { TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } }, 'exists'],
      [
        {
          Put: {
            TableName: deps.tableName,
            Item: {
              ...leadMarkerKey(record.callId, record.region, record.leadEnterpriseNumber),
              entity: 'LeadMarker',
              applicationId: record.applicationId,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        'already-leading',
      ],
    ],
    also,
  );
}

export async function getApplication(deps: Deps, callId: string, applicationId: string): Promise<ApplicationRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: applicationKey(callId, applicationId), ConsistentRead: true }),
  );
  return result.Item as ApplicationRecord | undefined;
}

export async function listApplications(
  deps: Deps,
  callId: string,
  request: { limit: number; cursor?: string; where?: (a: ApplicationRecord) => boolean },
): Promise<Page<ApplicationRecord>> {
  return queryPage<ApplicationRecord & Record<string, unknown>>(deps, {
    partition: callPartition(callId),
    skPrefix: 'APP#',
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.where ? { where: request.where } : {}),
  });
}

/** Every application of a call (for deadline notices and the selection). */
export async function allApplications(deps: Deps, callId: string): Promise<ApplicationRecord[]> {
  const items: ApplicationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listApplications(deps, callId, { limit: 100, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** An enterprise number is ten digits: safe as a document path segment. */
function partnerAnswerPath(enterpriseNumber: string): string {
  if (!/^\d{10}$/.test(enterpriseNumber)) throw new Error('not an enterprise number');
  return `#pa${enterpriseNumber}`;
}

/** The update with `paths` removed too (placeholders `#pa<number>` named here). */
function withRemoved(item: TransactItem, paths: readonly string[]): TransactItem {
  if (paths.length === 0 || !item.Update) return item;
  const names = Object.fromEntries(
    paths.map((path) => {
      const placeholder = path.slice(path.indexOf('#'));
      return [placeholder, placeholder.slice(3)];
    }),
  );
  return {
    Update: {
      ...item.Update,
      UpdateExpression: `${item.Update.UpdateExpression} REMOVE ${paths.join(', ')}`,
      ExpressionAttributeNames: { ...item.Update.ExpressionAttributeNames, ...names },
    },
  };
}

function applicationUpdate(
  deps: Deps,
  current: ApplicationRecord,
  fields: Record<string, unknown>,
  entry: HistoryEntry,
  audit: Audit,
  condition: { status: ApplicationStatus },
): TransactItem {
  const update = versionedUpdate(fields, audit, entry);
  return {
    Update: {
      TableName: deps.tableName,
      Key: applicationKey(current.callId, current.applicationId),
      UpdateExpression: update.UpdateExpression,
      ConditionExpression: '#version = :expected AND #status = :expectedStatus',
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#status': 'status' },
      ExpressionAttributeValues: {
        ...update.ExpressionAttributeValues,
        ':expected': current.version,
        ':expectedStatus': condition.status,
      },
    },
  };
}

/**
 * Saves a new draft content if the application is still the version the lead read and still a draft,
 * before the deadline. Moving to another region moves the lead marker in the same transaction.
 * `stale`: the application changed or is no longer a draft; `already-leading`: the lead already has one in
 * the new region.
 */
export async function saveDraft(
  deps: Deps,
  current: ApplicationRecord,
  expectedVersion: number,
  input: ApplicationInput,
  audit: Audit,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'call-closed' | 'stale' | 'already-leading'>> {
  const listed = new Set(input.partners.map((p) => p.enterpriseNumber));
  const fields = {
    region: input.region,
    partners: input.partners,
    proposal: input.proposal,
    members: [current.leadEnterpriseNumber, ...input.partners.map((p) => p.enterpriseNumber)],
  };
  // A partner taken off the application loses its answer (named again, it is asked again); the others keep theirs.
  const dropped = Object.keys(current.partnerAnswers ?? {}).filter((en) => !listed.has(en));
  const items: Array<readonly [TransactItem, 'call-closed' | 'stale' | 'already-leading']> = [
    [callPhaseCheck(deps, current.callId, 'open', audit.now), 'call-closed'],
    [
      withRemoved(
        applicationUpdate(deps, { ...current, version: expectedVersion }, fields, historyEntry(audit, 'edited'), audit, {
          status: 'DRAFT',
        }),
        dropped.map((en) => `partnerAnswers.${partnerAnswerPath(en)}`),
      ),
      'stale',
    ],
  ];
  if (input.region !== current.region) {
    items.push(
      [
        {
          Put: {
            TableName: deps.tableName,
            Item: {
              ...leadMarkerKey(current.callId, input.region, current.leadEnterpriseNumber),
              entity: 'LeadMarker',
              applicationId: current.applicationId,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        'already-leading',
      ],
      [
        {
          Delete: { TableName: deps.tableName, Key: leadMarkerKey(current.callId, current.region, current.leadEnterpriseNumber) },
        },
        'stale',
      ],
    );
  }
  return transactNamed(deps, items, also);
}

/**
 * A partner's answer to being named in an application (rule `partners-confirmed`), while the call is open
 * and the application is not withdrawn, with a history entry and `also` (the lead's email, outbox) in one
 * transaction. It sets only this partner's entry (partners answering at once do not overwrite each other)
 * and leaves the version alone: the version guards the lead's content, which a partner's answer does not
 * change, so the lead's pending edit does not go stale.
 */
export async function recordPartnerAnswer(
  deps: Deps,
  current: ApplicationRecord,
  enterpriseNumber: string,
  answer: Omit<PartnerAnswerRecord, 'answeredAt' | 'answeredBy'>,
  audit: Audit,
  also: ReadonlyArray<TransactItem | undefined>,
): Promise<WriteOutcome<'call-closed' | 'stale', ApplicationRecord>> {
  const recorded: PartnerAnswerRecord = { ...answer, answeredAt: audit.now.toISOString(), answeredBy: audit.actor };
  const entry = historyEntry(audit, answer.answer === 'CONFIRMED' ? 'partner-confirmed' : 'partner-declined', {
    details: { enterpriseNumber },
  });
  // Applications made before partners answered have no map yet: the first answer writes it whole.
  const hasMap = current.partnerAnswers !== undefined;
  const update: TransactItem = {
    Update: {
      TableName: deps.tableName,
      Key: applicationKey(current.callId, current.applicationId),
      UpdateExpression: hasMap
        ? 'SET partnerAnswers.#partner = :answer, #history = list_append(#history, :entry)'
        : 'SET partnerAnswers = :answers, #history = list_append(#history, :entry)',
      ConditionExpression: `#status <> :withdrawn AND contains(members, :partner) AND ${hasMap ? 'attribute_exists' : 'attribute_not_exists'}(partnerAnswers)`,
      ExpressionAttributeNames: {
        '#history': 'history',
        '#status': 'status',
        ...(hasMap ? { '#partner': enterpriseNumber } : {}),
      },
      ExpressionAttributeValues: {
        ':entry': [entry],
        ':withdrawn': 'WITHDRAWN',
        ':partner': enterpriseNumber,
        ...(hasMap ? { ':answer': recorded } : { ':answers': { [enterpriseNumber]: recorded } }),
      },
    },
  };
  const outcome = await transactNamed(
    deps,
    [
      [callPhaseCheck(deps, current.callId, 'open', audit.now), 'call-closed'],
      [update, 'stale'],
    ],
    also,
  );
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    record: {
      ...current,
      partnerAnswers: { ...current.partnerAnswers, [enterpriseNumber]: recorded },
      history: [...current.history, entry],
    },
  };
}

/**
 * DRAFT → SUBMITTED with its receipt, and the immutable submitted version, in one transaction that
 * also requires the call to be open at `now`.
 */
export async function submitApplication(
  deps: Deps,
  current: ApplicationRecord,
  receipt: Receipt,
  audit: Audit,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'call-closed' | 'stale'>> {
  const n = current.submittedVersions + 1;
  const version: ApplicationVersionRecord = {
    ...versionKey(current.callId, current.applicationId, n),
    entity: 'ApplicationVersion',
    version: n,
    content: submittedContent(current),
    receipt,
  };
  return transactNamed(
    deps,
    [
      [callPhaseCheck(deps, current.callId, 'open', audit.now), 'call-closed'],
      [
        applicationUpdate(
          deps,
          current,
          { status: 'SUBMITTED', receipt, submittedVersions: n },
          historyEntry(audit, 'submitted', {
            from: 'DRAFT',
            to: 'SUBMITTED',
            details: { trackingNumber: receipt.trackingNumber, contentHash: receipt.contentHash, submittedVersion: n },
          }),
          audit,
          { status: 'DRAFT' },
        ),
        'stale',
      ],
      [{ Put: { TableName: deps.tableName, Item: version, ConditionExpression: 'attribute_not_exists(PK)' } }, 'stale'],
    ],
    also,
  );
}

/** A lead's status change before the deadline (reopen, withdraw). */
export async function changeStatus(
  deps: Deps,
  current: ApplicationRecord,
  to: ApplicationStatus,
  action: string,
  audit: Audit,
): Promise<WriteOutcome<'call-closed' | 'stale'>> {
  return transactNamed(deps, [
    [callPhaseCheck(deps, current.callId, 'open', audit.now), 'call-closed'],
    [
      applicationUpdate(deps, current, { status: to }, historyEntry(audit, action, { from: current.status, to }), audit, {
        status: current.status,
      }),
      'stale',
    ],
  ]);
}

/**
 * Records a refused attempt (e.g. a submit after the deadline) in the history. It changes nothing else,
 * not even the version: the lead's ETag stays valid.
 */
export async function recordRefusal(deps: Deps, current: ApplicationRecord, entry: HistoryEntry): Promise<void> {
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: applicationKey(current.callId, current.applicationId),
      UpdateExpression: 'SET #history = list_append(#history, :entry)',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#history': 'history' },
      ExpressionAttributeValues: { ':entry': [entry] },
    }),
  );
}

export async function listVersions(deps: Deps, callId: string, applicationId: string): Promise<ApplicationVersionRecord[]> {
  return queryAllByPrefix<ApplicationVersionRecord>(deps, callPartition(callId), `APPVER#${applicationId}#`);
}

export async function getVersion(
  deps: Deps,
  callId: string,
  applicationId: string,
  n: number,
): Promise<ApplicationVersionRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: versionKey(callId, applicationId, n), ConsistentRead: true }),
  );
  return result.Item as ApplicationVersionRecord | undefined;
}

/**
 * The outcome of a selection run on an application (the workflow's AppointBatch). Keyed by the run, so a
 * retry or rerun writes the same again; it only counts once the run is committed (see applicationView).
 */
export async function setApplicationOutcome(
  deps: Deps,
  callId: string,
  applicationId: string,
  outcome: ApplicationOutcome,
): Promise<void> {
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: applicationKey(callId, applicationId),
      UpdateExpression: 'SET outcome = :outcome',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':outcome': outcome },
    }),
  );
}

/** When the lead was emailed the outcome (the workflow's NotifyBatch). */
export async function markOutcomeNotified(deps: Deps, callId: string, applicationId: string, at: string): Promise<void> {
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: applicationKey(callId, applicationId),
      UpdateExpression: 'SET outcomeNotifiedAt = :at',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}

/**
 * The API representation. Once the call is DECIDED, the status is the outcome of the committed decision
 * (an outcome written by a run that did not commit is never shown).
 */
export function applicationView(record: ApplicationRecord, call?: { status: string; decisionRunId?: string }) {
  const decided = call?.status === 'DECIDED' && record.outcome !== undefined && record.outcome.runId === call.decisionRunId;
  const outcome = decided ? record.outcome : undefined;
  return {
    applicationId: record.applicationId,
    callId: record.callId,
    trackingNumber: record.trackingNumber,
    leadEnterpriseNumber: record.leadEnterpriseNumber,
    region: record.region,
    partners: record.partners,
    proposal: record.proposal,
    status: outcome ? outcome.status : record.status,
    submittedVersions: record.submittedVersions,
    ...(outcome
      ? {
          outcome: {
            status: outcome.status,
            score: outcome.score,
            rank: outcome.rank,
            reasons: outcome.reasons,
            evaluatedVersion: outcome.evaluatedVersion,
            ...(outcome.networkId ? { networkId: outcome.networkId } : {}),
            ...(record.outcomeNotifiedAt ? { notifiedAt: record.outcomeNotifiedAt } : {}),
          },
        }
      : {}),
    partnerAnswers: record.partners.map((p) => {
      const answer = record.partnerAnswers?.[p.enterpriseNumber];
      return {
        enterpriseNumber: p.enterpriseNumber,
        answer: answer?.answer ?? 'AWAITED',
        ...(answer ? { answeredAt: answer.answeredAt } : {}),
        ...(answer?.comment ? { comment: answer.comment } : {}),
      };
    }),
    ...(record.objection ? { objection: record.objection } : {}),
    ...(record.receipt ? { receipt: receiptView(record.receipt) } : {}),
    history: record.history,
    version: record.version,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}

/** The application that holds the lead's place for a call and region, if any. */
export async function getLeadMarker(deps: Deps, callId: string, region: string, lead: string): Promise<string | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: leadMarkerKey(callId, region, lead), ConsistentRead: true }),
  );
  return (result.Item as { applicationId?: string } | undefined)?.applicationId;
}

export async function getApplicationById(deps: Deps, applicationId: string): Promise<ApplicationRecord | undefined> {
  const result = await deps.ddb.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `APPLICATION#${applicationId}` },
      Limit: 1,
    }),
  );
  return result.Items?.[0] as ApplicationRecord | undefined;
}

/**
 * Records the lead's objection, or the department's answer to it, with a history entry. Conditional: an
 * objection is lodged once (`expect: 'none'`) and answered once (`expect: 'open'`).
 */
export async function saveObjection(
  deps: Deps,
  current: ApplicationRecord,
  objection: Objection,
  entry: HistoryEntry,
  expect: 'none' | 'open',
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'objection-exists' | 'objection-decided'>> {
  const outcome = await updateTogether(
    deps,
    {
      TableName: deps.tableName,
      Key: applicationKey(current.callId, current.applicationId),
      UpdateExpression: 'SET objection = :objection, #history = list_append(#history, :entry)',
      ConditionExpression:
        expect === 'none'
          ? 'attribute_not_exists(objection)'
          : 'attribute_exists(objection) AND attribute_not_exists(objection.decision)',
      ExpressionAttributeNames: { '#history': 'history' },
      ExpressionAttributeValues: { ':objection': objection, ':entry': [entry] },
    },
    also,
  );
  if (outcome.ok) return { ok: true };
  return { ok: false, reasons: [expect === 'none' ? 'objection-exists' : 'objection-decided'] };
}

/**
 * The change a re-decision of its region makes to one application, as a transaction item: its new outcome
 * (when its line changed), the objection marked as acted on (for the application that objected, on
 * condition that it was upheld and not acted on before), and a history entry.
 */
export function redecidedApplicationUpdate(
  deps: Deps,
  callId: string,
  applicationId: string,
  change: { outcome?: ApplicationOutcome; actsOnObjection?: { at: string; by: string }; entry: HistoryEntry },
): TransactItem {
  const sets = ['#history = list_append(#history, :entry)'];
  const values: Record<string, unknown> = { ':entry': [change.entry] };
  let condition = 'attribute_exists(PK)';
  if (change.outcome) {
    sets.push('outcome = :outcome');
    values[':outcome'] = change.outcome;
  }
  if (change.actsOnObjection) {
    sets.push('objection.redecidedAt = :redecidedAt', 'objection.redecidedBy = :redecidedBy');
    values[':redecidedAt'] = change.actsOnObjection.at;
    values[':redecidedBy'] = change.actsOnObjection.by;
    values[':upheld'] = 'UPHELD';
    condition += ' AND objection.decision = :upheld AND attribute_not_exists(objection.redecidedAt)';
  }
  return {
    Update: {
      TableName: deps.tableName,
      Key: applicationKey(callId, applicationId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: { '#history': 'history' },
      ExpressionAttributeValues: values,
    },
  };
}
