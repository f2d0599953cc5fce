/**
 * Every AWS SDK client gets these limits, so that a service that does not answer costs a request a few
 * seconds, not the Lambda timeout: a connection within 1 s, the whole answer within 2.5 s (an error, not
 * the SDK's default warning), and two attempts in all (the SDK's standard retry strategy and backoff
 * between them). Worst case about 2 × 2.5 s plus the backoff, well under the 10 s of an API function; the
 * API then answers 503 with Retry-After (shared/http/service-unavailable.ts).
 *
 * The connection timer runs from the moment a request is made, also while it waits for a free socket,
 * so the pool is large enough that a burst of parallel requests (an audited list page writes up to 100
 * entries at once; the local cloud runs every function in one process) never waits for one.
 */
export const SDK_TIMEOUTS = { connectionTimeoutMs: 1_000, requestTimeoutMs: 2_500, maxAttempts: 2 } as const;

const MAX_SOCKETS = 256;

/** The client settings for given limits: timeouts that throw, bounded attempts, a socket pool that never queues. */
function clientConfig(limits: { connectionTimeoutMs: number; requestTimeoutMs: number; maxAttempts: number }) {
  return {
    maxAttempts: limits.maxAttempts,
    requestHandler: {
      connectionTimeout: limits.connectionTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      throwOnRequestTimeout: true,
      httpAgent: { maxSockets: MAX_SOCKETS },
      httpsAgent: { maxSockets: MAX_SOCKETS },
    },
  };
}

export const SDK_CLIENT_CONFIG = clientConfig(SDK_TIMEOUTS);

/**
 * Workflow tasks and scheduled jobs (5-minute functions that write in batches, invoked by Step Functions
 * and EventBridge Scheduler with retries of their own): patient, but never unbounded.
 */
export const BACKGROUND_CLIENT_CONFIG = clientConfig({ connectionTimeoutMs: 3_000, requestTimeoutMs: 30_000, maxAttempts: 3 });
