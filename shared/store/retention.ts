import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import { auditPut, type AuditActor } from './audit.ts';
import { queryAll } from './query-all.ts';
import { transactNamed, type WriteOutcome } from './transaction.ts';
import { RETENTION_PARTITION } from './table-design.ts';
import { trajectoryKey, trajectoryPk, type TrajectoryRecord } from './trajectories.ts';
import { agreementKey, agreementPk, type AgreementRecord } from './ama.ts';

/**
 * Records whose personal data are due to go on or before `today`: the sparse GSI4 partition RETENTION
 * (sort key `<day>#<kind>#<id>`), so the job reads what is due and nothing else, however large the table.
 */
export async function dueForErasure(
  deps: Deps,
  today: string,
): Promise<{ items: Array<TrajectoryRecord | AgreementRecord>; itemsRead: number }> {
  return queryAll<TrajectoryRecord | AgreementRecord>(deps, {
    index: 'GSI4',
    keyCondition: 'GSI4PK = :retention AND GSI4SK <= :upTo',
    values: { ':retention': RETENTION_PARTITION, ':upTo': `${today}#~` },
  });
}

/**
 * Removes a closed trajectory's client data (reference, birth date and the reference's HMAC) and its place
 * in the retention index, records the day, and adds an audit entry that names no client, in one
 * transaction. Conditional on the trajectory still being closed on the same end date with its client data:
 * a trajectory reopened or erased meanwhile is left alone (`changed`).
 */
export async function eraseTrajectoryClientData(
  deps: Deps,
  record: TrajectoryRecord,
  erasedOn: string,
  actor: AuditActor,
  reason: string,
): Promise<WriteOutcome<'changed'>> {
  return transactNamed(deps, [
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: trajectoryKey(record.trajectoryId),
          UpdateExpression: 'SET clientDataErasedOn = :on, #version = #version + :one REMOVE client, clientKey, GSI4PK, GSI4SK',
          ConditionExpression: '#status = :closed AND endDate = :endDate AND attribute_exists(client)',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':on': erasedOn, ':one': 1, ':closed': 'CLOSED', ':endDate': record.endDate },
        },
      },
      'changed',
    ],
    [auditPut(deps, trajectoryPk(record.trajectoryId), actor, reason), 'changed'],
  ]);
}

/**
 * Removes an ended agreement's participant data (reference, birth date, sealed identity, participant status)
 * and the werkpostbegeleider's contact, and its place in the retention index, records the day, and adds an
 * audit entry that names nobody, in one transaction; conditional on it still being ended on the same day
 * with those data (`changed` otherwise). Its werkpost, dates, schedule and signatures' roles stay.
 */
export async function eraseAgreementParticipantData(
  deps: Deps,
  record: AgreementRecord,
  erasedOn: string,
  actor: AuditActor,
  reason: string,
): Promise<WriteOutcome<'changed'>> {
  return transactNamed(deps, [
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: agreementKey(record.agreementId),
          UpdateExpression:
            'SET participantDataErasedOn = :on, #version = #version + :one REMOVE participant, participantIdentityEncrypted, participantStatus, werkpostbegeleider, GSI4PK, GSI4SK',
          ConditionExpression: '#status = :ended AND endDate = :endDate AND attribute_exists(participant)',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':on': erasedOn, ':one': 1, ':ended': 'ENDED', ':endDate': record.endDate },
        },
      },
      'changed',
    ],
    [auditPut(deps, agreementPk(record.agreementId), actor, reason), 'changed'],
  ]);
}
