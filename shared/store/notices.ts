import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import { nextNoticeDate, type Milestone } from '../domain/notices.ts';
import { trajectoryPk, type TrajectoryRecord } from './trajectories.ts';
import { agreementPk } from './ama.ts';
import { queryAll } from './query-all.ts';

/**
 * Notice records: PK TRAJECTORY#<id>, SK NOTICE#<plannedEndDate>#<milestone>. A run claims one with a
 * conditional write before sending and marks it SENT after; a claim left CLAIMED for longer than
 * `STALE_CLAIM_MS` (a crash between claim and send) may be claimed again.
 */
export const STALE_CLAIM_MS = 15 * 60 * 1000;

/** Active trajectories whose next notice is due on or before `date`: the sparse GSI4, nothing else is read. */
export async function dueTrajectories(deps: Deps, date: string): Promise<{ items: TrajectoryRecord[]; itemsRead: number }> {
  return queryAll<TrajectoryRecord>(deps, {
    index: 'GSI4',
    keyCondition: 'GSI4PK = :notices AND GSI4SK <= :upTo',
    values: { ':notices': 'NOTICES', ':upTo': `${date}#~` },
  });
}

/** A notice record's key: a trajectory milestone for a planned end, or an agreement's evaluation date. */
export type NoticeKey = { PK: string; SK: string };
export const trajectoryNoticeKey = (t: TrajectoryRecord, milestone: Milestone): NoticeKey => ({
  PK: trajectoryPk(t.trajectoryId),
  SK: `NOTICE#${t.plannedEndDate}#${milestone}`,
});
export const evaluationNoticeKey = (agreementId: string, evaluationDate: string): NoticeKey => ({
  PK: agreementPk(agreementId),
  SK: `NOTICE#EVAL#${evaluationDate}`,
});

/** Claims a notice before sending: false when another run has it (or sent it). A stale or failed claim may be taken again. */
export async function claimNotice(deps: Deps, key: NoticeKey, details: Record<string, unknown>, now: Date): Promise<boolean> {
  try {
    await deps.ddb.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...key, entity: 'Notice', ...details, status: 'CLAIMED', claimedAt: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(PK) OR (#status = :claimed AND claimedAt < :stale) OR #status = :failed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':claimed': 'CLAIMED',
          ':failed': 'FAILED',
          ':stale': new Date(now.getTime() - STALE_CLAIM_MS).toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function markNotice(deps: Deps, key: NoticeKey, status: 'SENT' | 'FAILED', now: Date, error?: string) {
  await deps.ddb.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key,
      UpdateExpression: error
        ? 'SET #status = :status, finishedAt = :now, #error = :error'
        : 'SET #status = :status, finishedAt = :now',
      ExpressionAttributeNames: { '#status': 'status', ...(error ? { '#error': 'error' } : {}) },
      ExpressionAttributeValues: { ':status': status, ':now': now.toISOString(), ...(error ? { ':error': error } : {}) },
    }),
  );
}

/**
 * Records the sent milestone on the trajectory and moves it in the sparse index to its next notice (or out
 * of it), only if its planned end is still the one the notice was for. The version does not change: the plan did not.
 */
export async function recordSentMilestone(deps: Deps, t: TrajectoryRecord, milestone: Milestone): Promise<void> {
  const sent = [...t.sentMilestones, milestone];
  const next = nextNoticeDate({ plannedEndDate: t.plannedEndDate, armedFrom: t.noticesArmedFrom, sent });
  try {
    await deps.ddb.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: { PK: t.PK, SK: t.SK },
        UpdateExpression: next
          ? 'SET sentMilestones = :sent, GSI4PK = :notices, GSI4SK = :next'
          : 'SET sentMilestones = :sent REMOVE GSI4PK, GSI4SK',
        ConditionExpression: 'plannedEndDate = :plannedEnd AND #status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': sent,
          ':plannedEnd': t.plannedEndDate,
          ':active': 'ACTIVE',
          ...(next ? { ':notices': 'NOTICES', ':next': `${next}#${t.trajectoryId}` } : {}),
        },
      }),
    );
  } catch (error) {
    // The plan changed (re-armed) or the trajectory closed meanwhile: its index keys are already right.
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
