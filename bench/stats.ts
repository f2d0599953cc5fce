/** Small statistics helpers for the benchmark (nearest-rank percentiles on float samples). */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Runs `call` `total` times with at most `concurrency` in flight and returns each call's latency in ms.
 * `call` gets the call's index (0-based).
 */
export async function timedCalls(total: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const lane = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const started = performance.now();
      await call(i);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return latencies;
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function summarize(latencies: readonly number[]): LatencySummary {
  const mean = latencies.reduce((sum, v) => sum + v, 0) / Math.max(1, latencies.length);
  return {
    count: latencies.length,
    p50Ms: round(percentile(latencies, 50), 3),
    p99Ms: round(percentile(latencies, 99), 3),
    meanMs: round(mean, 3),
  };
}

/** A valid Belgian enterprise number from its first eight digits: check digits 97 - n mod 97. */
export function enterpriseNumberFor(firstEight: number): string {
  const base = String(firstEight).padStart(8, '0');
  return `${base}${String(97 - (firstEight % 97)).padStart(2, '0')}`;
}
