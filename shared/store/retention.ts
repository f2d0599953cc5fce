import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import { auditPut, type AuditActor } from './audit.ts';
import { queryAll } from './query-all.ts';
import { transactNamed, type WriteOutcome } from './transaction.ts';
import { RETENTION_PARTITION } from './table-design.ts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { allTrajectoriesWhere, trajectoryKey, trajectoryPk, withIndexKeys, type TrajectoryRecord } from './trajectories.ts';
import { agreementKey, agreementPk, allAgreementsWhere, withAgreementIndexKeys, type AgreementRecord } from './ama.ts';

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
 * Removes personal attributes of one record and its place in the retention index, records the day in
 * `erasedOnAttribute`, and adds an audit entry that names no one, in one transaction; conditional on the
 * record still being in `status` with the same end date and still holding `presentAttribute` (`changed`
 * otherwise: reopened, or erased meanwhile).
 */
async function erasePersonalAttributes(
  deps: Deps,
  target: {
    key: Record<string, string>;
    auditPk: string;
    remove: readonly string[];
    erasedOnAttribute: string;
    status: string;
    endDate: string | undefined;
    presentAttribute: string;
  },
  erasedOn: string,
  actor: AuditActor,
  reason: string,
): Promise<WriteOutcome<'changed'>> {
  return transactNamed(deps, [
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: target.key,
          UpdateExpression: `SET ${target.erasedOnAttribute} = :on, #version = #version + :one REMOVE ${[...target.remove, 'GSI4PK', 'GSI4SK'].join(', ')}`,
          ConditionExpression: `#status = :status AND endDate = :endDate AND attribute_exists(${target.presentAttribute})`,
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':on': erasedOn, ':one': 1, ':status': target.status, ':endDate': target.endDate },
        },
      },
      'changed',
    ],
    [auditPut(deps, target.auditPk, actor, reason), 'changed'],
  ]);
}

/**
 * Removes a closed trajectory's client data (reference, birth date and the reference's keyed hash), keeping
 * its dates, status, outcome and audit trail (rule `retention-trajectory-client-data`, or an erasure request).
 */
export function eraseTrajectoryClientData(
  deps: Deps,
  record: TrajectoryRecord,
  erasedOn: string,
  actor: AuditActor,
  reason: string,
): Promise<WriteOutcome<'changed'>> {
  return erasePersonalAttributes(
    deps,
    {
      key: trajectoryKey(record.trajectoryId),
      auditPk: trajectoryPk(record.trajectoryId),
      remove: ['client', 'clientKey'],
      erasedOnAttribute: 'clientDataErasedOn',
      status: 'CLOSED',
      endDate: record.endDate,
      presentAttribute: 'client',
    },
    erasedOn,
    actor,
    reason,
  );
}

/**
 * Removes an ended agreement's participant data (reference, birth date, sealed identity, participant status)
 * and the werkpostbegeleider's contact, keeping its werkpost, dates and schedule (rule
 * `retention-ama-participant-data`).
 */
export function eraseAgreementParticipantData(
  deps: Deps,
  record: AgreementRecord,
  erasedOn: string,
  actor: AuditActor,
  reason: string,
): Promise<WriteOutcome<'changed'>> {
  return erasePersonalAttributes(
    deps,
    {
      key: agreementKey(record.agreementId),
      auditPk: agreementPk(record.agreementId),
      remove: ['participant', 'participantIdentityEncrypted', 'participantStatus', 'werkpostbegeleider'],
      erasedOnAttribute: 'participantDataErasedOn',
      status: 'ENDED',
      endDate: record.endDate,
      presentAttribute: 'participant',
    },
    erasedOn,
    actor,
    reason,
  );
}

/**
 * A one-off migration (`npm run migrate:retention-keys`): trajectories closed and agreements ended before
 * the retention index existed get their RETENTION keys, so the daily run finds them on their day. It reads
 * every trajectory and agreement once (GSI3); it is not part of the daily run, whose work stays with what is
 * due. Each write is conditional on the record not having changed its state meanwhile; running it twice
 * changes nothing more.
 */
export async function backfillRetentionKeys(deps: Deps): Promise<{ read: number; keyed: number }> {
  const trajectories = await allTrajectoriesWhere(deps);
  const agreements = await allAgreementsWhere(deps, () => true);
  const missing = [
    ...trajectories
      .filter((t) => !t.GSI4PK)
      .map((t) => ({ key: trajectoryKey(t.trajectoryId), keyed: withIndexKeys(t), status: t.status })),
    ...agreements
      .filter((a) => !a.GSI4PK)
      .map((a) => ({ key: agreementKey(a.agreementId), keyed: withAgreementIndexKeys(a), status: a.status })),
  ].filter((m) => m.keyed.GSI4PK === RETENTION_PARTITION);
  for (const { key, keyed, status } of missing) {
    await deps.ddb.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: key,
        UpdateExpression: 'SET GSI4PK = :pk, GSI4SK = :sk',
        ConditionExpression: 'attribute_not_exists(GSI4PK) AND #status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': keyed.GSI4PK, ':sk': keyed.GSI4SK, ':status': status },
      }),
    );
  }
  return { read: trajectories.length + agreements.length, keyed: missing.length };
}
