/**
 * The selection (issue 4): wall time of a whole selection through the local API and the local Step
 * Functions (the synthesized ASL, tasks in-process), for calls of growing size.
 *
 * Each call is seeded straight into the table, as test/helpers/seed-selection.ts does it (that helper
 * imports vitest, so its logic is repeated here): a published call whose deadline is DEADLINE, and N
 * applications submitted before it over all regions, each with its own lead facility (recognised by the
 * VAPH), its submitted version, a reviewer's declaration and one review. The handlers' clock is then fixed
 * after the deadline (`overrideDeps`), the selection is started with POST /calls/{callId}/selection and
 * awaited with the local Step Functions' `waitFor`.
 */
import { REGIONS } from '../shared/domain/reference-data.ts';
import type { LocalWorkflows } from '../infra/local/workflow-runner.ts';
import { overrideDeps, type Deps } from '../shared/runtime/deps.ts';
import { insertCall, newCallRecord } from '../shared/store/calls.ts';
import { historyEntry } from '../shared/store/history.ts';
import { putAll } from '../shared/store/batch-write.ts';
import { enterpriseNumberFor, round } from './stats.ts';
import { submittedApplicationItems } from '../test/helpers/submitted-application.ts';

/** Fixed instants, independent of the machine's clock. */
const CREATED = '2030-01-06T09:00:00.000Z';
const DEADLINE = '2030-03-01T11:00:00.000Z';
const SUBMITTED_FROM = '2030-02-01T10:00:00.000Z';
const AFTER_DEADLINE = '2030-03-02T09:00:00.000Z';
const MAX_NETWORKS_PER_REGION = 3;

/** First eight digits of the leads of the k-th seeded call: 40,000,000 + 10,000 k + i. */
const LEAD_FROM = 40_000_000;

export interface SelectionRun {
  applications: number;
  callId: string;
  seedSeconds: number;
  /** POST /selection to the end of the execution: what the department waits for. */
  wallSeconds: number;
  /** The start route alone (202). */
  startMs: number;
  /** The execution, from the 202 to its end. */
  executionSeconds: number;
  msPerApplication: number;
  /** Outcomes of the decision (GET /calls/{callId}/selection), checked to cover every application. */
  outcomes: Record<string, number>;
}

async function seedCall(deps: Deps, k: number, applications: number): Promise<{ callId: string; seconds: number }> {
  const started = performance.now();
  const audit = { actor: 'bench-seed', now: new Date(CREATED) };
  const call = newCallRecord(
    {
      title: `Bench: selectie ${applications} (${k})`,
      description: 'Benchmark of the selection',
      regions: [...REGIONS],
      submissionDeadline: DEADLINE,
      maxNetworksPerRegion: MAX_NETWORKS_PER_REGION,
      criteria: [
        { id: 'approach', title: 'Aanpak', weight: 3, maxScore: 10, minScore: 2 },
        { id: 'network', title: 'Netwerk', weight: 2, maxScore: 10 },
      ],
      requiredPartnerRecognitions: ['JONGERENWELZIJN', 'VAPH'],
      minReviewsPerApplication: 1,
    },
    audit,
  );
  call.status = 'PUBLISHED';
  call.history.push(historyEntry(audit, 'published', { from: 'DRAFT', to: 'PUBLISHED' }));
  call.version = 2;
  await insertCall(deps, call);

  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < applications; i++) {
    items.push(
      ...(await submittedApplicationItems(deps, {
        callId: call.callId,
        i,
        lead: enterpriseNumberFor(LEAD_FROM + k * 10_000 + i),
        email: `sel-${k}-${i}@example.org`,
        submittedAt: new Date(new Date(SUBMITTED_FROM).getTime() + i * 1000).toISOString(),
        reviewedAt: AFTER_DEADLINE,
        reviewer: 'bench-reviewer',
        createdAt: CREATED,
      })),
    );
  }
  await putAll(deps, items);
  return { callId: call.callId, seconds: (performance.now() - started) / 1000 };
}

/**
 * Seeds a call of `applications` and runs its selection; `k` keeps each call's enterprise numbers apart.
 * The handlers' clock stays fixed after the deadline until `restoreClock`.
 */
export async function runSelection(
  context: { deps: Deps; baseUrl: string; token: string; workflows: LocalWorkflows },
  k: number,
  applications: number,
): Promise<SelectionRun> {
  const seeded = await seedCall(context.deps, k, applications);
  overrideDeps({ clock: () => new Date(AFTER_DEADLINE) });
  const headers = { authorization: `Bearer ${context.token}`, 'content-type': 'application/json' };

  const started = performance.now();
  const response = await fetch(`${context.baseUrl}/calls/${seeded.callId}/selection`, { method: 'POST', headers, body: '{}' });
  const startText = await response.text();
  const accepted = performance.now();
  if (response.status !== 202)
    throw new Error(`POST /calls/{callId}/selection answered ${response.status}: ${startText.slice(0, 500)}`);
  const { executionId } = JSON.parse(startText) as { executionId: string };
  const execution = await context.workflows.stepFunctions.waitFor(executionId);
  const ended = performance.now();
  if (execution.status !== 'SUCCEEDED')
    throw new Error(`the selection of ${applications} applications ended ${execution.status}: ${execution.error ?? ''}`);

  // Not timed: the decision covers every application.
  const status = await fetch(`${context.baseUrl}/calls/${seeded.callId}/selection`, { headers });
  const body = (await status.json()) as {
    status?: string;
    decision?: { regions: Array<{ applications: Array<{ outcome: string }> }> };
  };
  const outcomes: Record<string, number> = {};
  for (const region of body.decision?.regions ?? [])
    for (const line of region.applications) outcomes[line.outcome] = (outcomes[line.outcome] ?? 0) + 1;
  const decided = Object.values(outcomes).reduce((a, b) => a + b, 0);
  if (status.status !== 200 || body.status !== 'SUCCEEDED' || decided !== applications) {
    throw new Error(
      `GET /calls/{callId}/selection: ${status.status}, ${body.status}, ${decided} of ${applications} applications decided`,
    );
  }
  const wallSeconds = (ended - started) / 1000;
  return {
    applications,
    callId: seeded.callId,
    seedSeconds: round(seeded.seconds, 2),
    wallSeconds: round(wallSeconds, 3),
    startMs: round(accepted - started, 1),
    executionSeconds: round((ended - accepted) / 1000, 3),
    msPerApplication: round((wallSeconds * 1000) / applications, 2),
    outcomes,
  };
}

/** The handlers' own clock again. */
export function restoreClock(): void {
  overrideDeps({});
}

/** Least-squares fit of seconds = fixed + perApplication × N, and of log t = c + exponent × log N. */
export function fitGrowth(points: ReadonlyArray<{ applications: number; seconds: number }>) {
  const fit = (xs: number[], ys: number[]) => {
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    const sxy = xs.reduce((sum, x, i) => sum + (x - mx) * ((ys[i] as number) - my), 0);
    const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
    const slope = sxy / sxx;
    return { slope, intercept: my - slope * mx };
  };
  const linear = fit(
    points.map((p) => p.applications),
    points.map((p) => p.seconds),
  );
  const logLog = fit(
    points.map((p) => Math.log(p.applications)),
    points.map((p) => Math.log(p.seconds)),
  );
  return {
    fixedSeconds: round(linear.intercept, 3),
    msPerApplication: round(linear.slope * 1000, 3),
    exponent: round(logLog.slope, 3),
  };
}
