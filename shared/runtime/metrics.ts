import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * Business and operations figures as CloudWatch metrics (Powertools Metrics: embedded metric format in the
 * log, no API call), namespace WerkEnZorg, dimension `service`. The alarms on them are in
 * infra/constructs/operations.ts; the names are defined here once for both.
 */
export const METRICS_NAMESPACE = 'WerkEnZorg';
export const METRIC = {
  /** Age of the oldest outbox entry the sweep could not deliver (0 when it delivered all). */
  outboxOldestPendingSeconds: 'OutboxOldestPendingSeconds',
  outboxEntriesDelivered: 'OutboxEntriesDelivered',
  outboxEntriesFailed: 'OutboxEntriesFailed',
  noticesSent: 'NoticesSent',
  noticesFailed: 'NoticesFailed',
  /** Emails SES accepted from the outbox, and delivery attempts that failed (shared/email/outbox.ts). */
  emailsSent: 'EmailsSent',
  emailsFailed: 'EmailsFailed',
  /** Applications submitted: counted when the outbox entry of the submission is first taken for delivery. */
  applicationsSubmitted: 'ApplicationsSubmitted',
} as const;

let metrics: Metrics | undefined;

/** The function's Metrics, created on first use (API functions never load it). */
export function getMetrics(): Metrics {
  metrics ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'werk-en-zorg' });
  return metrics;
}
