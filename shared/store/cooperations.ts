import { GetCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import type { Region } from '../domain/reference-data.ts';
import { lastMandatedDay, type MandatePeriod } from '../domain/cooperation.ts';
import { queryPage, type Page } from './query-page.ts';
import { transactNamed, type TransactItem, type WriteOutcome } from './transaction.ts';
import type { Audit } from './history.ts';
import { versionedPut } from './versioned-update.ts';

/**
 * A samenwerkingsverband Zorg (PK COOPERATION#<id>, SK COOPERATION): its werkingsgebied, its member care
 * facilities and lead (penhouder), and its five-year mandate periods (the first, then each renewal).
 * Listed all (GSI1 COOPERATIONS) or per werkingsgebied (GSI2 COOPERATIONS#<werkingsgebied>).
 *
 * One samenwerkingsverband is mandated per werkingsgebied at a time: the marker item
 * WERKINGSGEBIED#<werkingsgebied> / COOPERATION names it and the end of its last period, and a new one is
 * registered only after that end (one transaction with a condition on the marker), so two concurrent
 * registrations never both succeed.
 */
export interface CooperationMember {
  enterpriseNumber: string;
  icfTrainedStaff: number;
}

export interface CooperationRecord {
  PK: string;
  SK: 'COOPERATION';
  entity: 'Cooperation';
  GSI1PK: 'COOPERATIONS';
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  cooperationId: string;
  name: string;
  werkingsgebied: Region;
  leadEnterpriseNumber: string;
  members: CooperationMember[];
  mandates: MandatePeriod[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export const cooperationKey = (cooperationId: string) => ({ PK: `COOPERATION#${cooperationId}`, SK: 'COOPERATION' as const });
const werkingsgebiedMarkerKey = (werkingsgebied: Region) => ({ PK: `WERKINGSGEBIED#${werkingsgebied}`, SK: 'COOPERATION' });

export function newCooperationRecord(
  input: {
    cooperationId: string;
    name: string;
    werkingsgebied: Region;
    leadEnterpriseNumber: string;
    members: CooperationMember[];
    mandate: MandatePeriod;
  },
  audit: Audit,
): CooperationRecord {
  const at = audit.now.toISOString();
  return {
    ...cooperationKey(input.cooperationId),
    entity: 'Cooperation',
    GSI1PK: 'COOPERATIONS',
    GSI1SK: `${input.werkingsgebied}#${input.mandate.validFrom}#${input.cooperationId}`,
    GSI2PK: `COOPERATIONS#${input.werkingsgebied}`,
    GSI2SK: `${input.mandate.validFrom}#${input.cooperationId}`,
    cooperationId: input.cooperationId,
    name: input.name,
    werkingsgebied: input.werkingsgebied,
    leadEnterpriseNumber: input.leadEnterpriseNumber,
    members: input.members,
    mandates: [input.mandate],
    version: 1,
    createdAt: at,
    createdBy: audit.actor,
    updatedAt: at,
    updatedBy: audit.actor,
  };
}

/**
 * Registers a samenwerkingsverband, refused (`werkingsgebied-taken`) while another one's mandate for the
 * same werkingsgebied runs on or after the new one's start.
 */
export async function insertCooperation(deps: Deps, record: CooperationRecord): Promise<WriteOutcome<'werkingsgebied-taken'>> {
  const first = record.mandates[0]!;
  return transactNamed(deps, [
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: {
            ...werkingsgebiedMarkerKey(record.werkingsgebied),
            entity: 'WerkingsgebiedCooperation',
            cooperationId: record.cooperationId,
            mandatedUntil: first.validUntil,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR mandatedUntil < :from',
          ExpressionAttributeValues: { ':from': first.validFrom },
        },
      },
      'werkingsgebied-taken',
    ],
    [
      { Put: { TableName: deps.tableName, Item: record, ConditionExpression: 'attribute_not_exists(PK)' } },
      'werkingsgebied-taken',
    ],
  ]);
}

/**
 * Writes a change of the mandate periods (a renewal, a withdrawal) if the record is still at `expectedVersion`
 * and still the werkingsgebied's, and moves the werkingsgebied's marker to the new last mandated day.
 */
export async function saveCooperationMandates(
  deps: Deps,
  next: CooperationRecord,
  expectedVersion: number,
  also: ReadonlyArray<TransactItem | undefined> = [],
): Promise<WriteOutcome<'stale' | 'werkingsgebied-taken'>> {
  const until = lastMandatedDay(next.mandates)!;
  return transactNamed(
    deps,
    [
      [versionedPut(deps.tableName, next, expectedVersion), 'stale'],
      [
        {
          Update: {
            TableName: deps.tableName,
            Key: werkingsgebiedMarkerKey(next.werkingsgebied),
            UpdateExpression: 'SET mandatedUntil = :until',
            ConditionExpression: 'cooperationId = :id',
            ExpressionAttributeValues: { ':until': until, ':id': next.cooperationId },
          },
        },
        'werkingsgebied-taken',
      ],
    ],
    also,
  );
}

export async function getCooperation(deps: Deps, cooperationId: string): Promise<CooperationRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: cooperationKey(cooperationId), ConsistentRead: true }),
  );
  return result.Item as CooperationRecord | undefined;
}

/** The samenwerkingsverband of a werkingsgebied whose mandate is the latest (the one the marker names). */
export async function cooperationOfWerkingsgebied(deps: Deps, werkingsgebied: Region): Promise<CooperationRecord | undefined> {
  const marker = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: werkingsgebiedMarkerKey(werkingsgebied), ConsistentRead: true }),
  );
  const cooperationId = (marker.Item as { cooperationId?: string } | undefined)?.cooperationId;
  return cooperationId ? getCooperation(deps, cooperationId) : undefined;
}

export async function listCooperations(
  deps: Deps,
  request: { werkingsgebied?: Region; limit: number; cursor?: string },
): Promise<Page<CooperationRecord>> {
  return queryPage<CooperationRecord & Record<string, unknown>>(deps, {
    ...(request.werkingsgebied
      ? { index: 'GSI2' as const, partition: `COOPERATIONS#${request.werkingsgebied}` }
      : { index: 'GSI1' as const, partition: 'COOPERATIONS' }),
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
  });
}

export function cooperationView(record: CooperationRecord) {
  const { PK: _pk, SK: _sk, entity: _e, GSI1PK: _1, GSI1SK: _2, GSI2PK: _3, GSI2SK: _4, ...view } = record;
  return view;
}
