/**
 * The current instant, as every handler, task and job reads it (`deps.clock`, and `GET /health`, which
 * imports nothing else). In AWS it is the system clock. The local cloud may move it forward
 * (infra/local/clock.ts, `npm run clock`) to walk a call past its deadline; tests fix it with `overrideDeps`.
 */
let source: () => Date = () => new Date();

export function now(): Date {
  return source();
}

/** For the local cloud only: read the time from this clock from now on. */
export function useClock(clock: () => Date): void {
  source = clock;
}
