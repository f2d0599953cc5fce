import type { Deps } from '../runtime/deps.ts';
import { dueForErasure, eraseAgreementParticipantData, eraseTrajectoryClientData } from '../store/retention.ts';

export interface RetentionRunReport {
  date: string;
  /** Items read from the retention index: what was due, not the table. */
  itemsRead: number;
  erased: number;
  /** Reopened or changed since it became due: left alone. */
  skipped: number;
}

/** Who the audit trail names for what the job removes. */
const RETENTION_JOB = { userId: 'retention-job', roles: ['system'] } as const;

/**
 * The retention run of the daily job (functions/jobs/expiring-trajectories.ts; rules `retention-*`,
 * shared/domain/retention.ts): removes the participant data of every AMA agreement ended longer ago than
 * its retention period, and the client reference,
 * birth date and pseudonym of every trajectory closed longer ago than its retention period, keeping its
 * dates, status and outcome for the statistics and its audit trail (who did what, when) with one more line
 * that names no client. It reads only what is due (the sparse RETENTION partition of GSI4). A day missed is
 * caught up by the next run: everything due on or before the day is taken.
 */
export async function runRetention(deps: Deps, date: string): Promise<RetentionRunReport> {
  const { items, itemsRead } = await dueForErasure(deps, date);
  const report: RetentionRunReport = { date, itemsRead, erased: 0, skipped: 0 };
  for (const item of items) {
    const outcome =
      item.entity === 'Trajectory'
        ? await eraseTrajectoryClientData(
            deps,
            item,
            date,
            RETENTION_JOB,
            'client data removed: retention ended (rule retention-trajectory-client-data)',
          )
        : await eraseAgreementParticipantData(
            deps,
            item,
            date,
            RETENTION_JOB,
            'participant data removed: retention ended (rule retention-ama-participant-data)',
          );
    if (outcome.ok) report.erased++;
    else report.skipped++;
  }
  deps.logger.info('retention run', { ...report });
  return report;
}
