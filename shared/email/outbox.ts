import type { Deps } from '../runtime/deps.ts';
import {
  claimOutboxEntry,
  markOutboxEntrySent,
  OUTBOX_KEY_PREFIX,
  pendingOutboxEntries,
  recordOutboxEmailSent,
  releaseOutboxEntry,
} from '../store/outbox.ts';
import { sendEmail } from './send.ts';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { getMetrics, METRIC } from '../runtime/metrics.ts';

/**
 * Delivery of the outbox (shared/store/outbox.ts). An entry is delivered by whichever sender claims it
 * first: the stream sender right after the transaction that wrote it, or the sweep for an entry that is
 * still pending later (SES was down and the stream's retries ran out). Each email's SES message id is
 * recorded as SES accepts it, so a retry sends only the emails not yet accepted. The one window left:
 * a crash after SES accepted an email and before its id was recorded; after the claim lapses
 * (`CLAIM_MS`) that email may be sent again.
 *
 * It adds the figures EmailsSent and EmailsFailed, and ApplicationsSubmitted at the first claim of a
 * submission's entry (every submission writes one, so each is counted once, even while SES is down), to
 * the function's metrics; the calling function publishes them (`logMetrics`).
 */
export async function deliverOutboxEntry(deps: Deps, outboxId: string): Promise<'sent' | 'not-pending'> {
  const entry = await claimOutboxEntry(deps, outboxId, deps.clock());
  if (!entry) return 'not-pending';
  const metrics = getMetrics();
  if (entry.attempts === 1 && entry.origin === 'application-submitted') {
    metrics.addMetric(METRIC.applicationsSubmitted, MetricUnit.Count, 1);
  }
  try {
    for (const [index, email] of entry.emails.entries()) {
      if (entry.sent[String(index)]) continue;
      const messageId = await sendEmail(deps, email);
      await recordOutboxEmailSent(deps, outboxId, index, messageId ?? 'accepted');
      metrics.addMetric(METRIC.emailsSent, MetricUnit.Count, 1);
    }
  } catch (error) {
    metrics.addMetric(METRIC.emailsFailed, MetricUnit.Count, 1);
    const errorName = error instanceof Error ? error.name : 'Error';
    // Free the entry for the next attempt at once; if even that fails, the claim lapses by itself.
    await releaseOutboxEntry(deps, outboxId, errorName).catch(() => undefined);
    deps.logger.warn('outbox delivery failed', { outboxId, origin: entry.origin, attempts: entry.attempts, errorName });
    throw error;
  }
  await markOutboxEntrySent(deps, outboxId, deps.clock());
  deps.logger.info('outbox entry delivered', { outboxId, origin: entry.origin, emails: entry.emails.length });
  return 'sent';
}

/** Entries younger than this are left to the stream sender. */
export const SWEEP_AFTER_MS = 60 * 1000;

export interface SweepReport {
  pending: number;
  sent: number;
  failed: number;
  /** Age in seconds of the oldest entry still pending after the sweep (0 when none): the outbox-age figure. */
  oldestPendingSeconds: number;
}

/** Delivers every entry pending for longer than `SWEEP_AFTER_MS`, oldest first; a failure does not stop the others. */
export async function sweepOutbox(deps: Deps): Promise<SweepReport> {
  const now = deps.clock();
  const due = await pendingOutboxEntries(deps, new Date(now.getTime() - SWEEP_AFTER_MS));
  const report: SweepReport = { pending: due.length, sent: 0, failed: 0, oldestPendingSeconds: 0 };
  for (const entry of due) {
    try {
      if ((await deliverOutboxEntry(deps, entry.outboxId)) === 'sent') report.sent++;
    } catch {
      report.failed++;
      report.oldestPendingSeconds ||= Math.round((now.getTime() - Date.parse(entry.createdAt)) / 1000);
    }
  }
  deps.logger.info('outbox sweep', { ...report });
  return report;
}

/**
 * Which stream records the stream sender gets: new outbox entries. CDK gives it to the event source
 * mapping as its filter; the local stream poller applies it with `matchesOutboxStreamFilter`.
 */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { Keys: { PK: { S: [{ prefix: OUTBOX_KEY_PREFIX }] } } },
} as const;

export interface StreamRecordLike {
  eventName?: string;
  dynamodb?: { Keys?: Record<string, { S?: string }> };
}

export function matchesOutboxStreamFilter(record: StreamRecordLike): boolean {
  const pk = record.dynamodb?.Keys?.PK?.S;
  return (
    (OUTBOX_STREAM_FILTER.eventName as readonly string[]).includes(record.eventName ?? '') &&
    pk !== undefined &&
    pk.startsWith(OUTBOX_STREAM_FILTER.dynamodb.Keys.PK.S[0].prefix)
  );
}

/**
 * The stream sender's event source, defined once for CDK's event source mapping and the local stream
 * poller: small batches, a bounded retry (then the dead-letter queue, and the sweep delivers the entry).
 */
export const OUTBOX_STREAM_SENDER = {
  handler: 'functions/outbox/stream-sender.ts',
  batchSize: 10,
  retryAttempts: 3,
} as const;

/** The outbox id of a stream record that passed the filter. */
export function outboxIdOf(record: StreamRecordLike): string {
  return (record.dynamodb?.Keys?.PK?.S ?? '').slice(OUTBOX_KEY_PREFIX.length);
}
