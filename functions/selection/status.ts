import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { selectionRoutes } from '../../shared/routes/selection.ts';
import { findRunByExecution, getRun, listLines, type RunRecord } from '../../shared/store/selection.ts';
import { isDecisionVisible } from '../../shared/domain/selection-start.ts';
import { loadVisibleCall } from '../../shared/access/calls.ts';

export const handler = defineHandler(selectionRoutes.getSelection, async ({ params, query, principal, deps }) => {
  const call = await loadVisibleCall(deps, principal, params.callId);
  const department = hasRole(principal, 'department');
  let run: RunRecord | undefined;
  if (query.executionId) {
    // Dry runs are the department's own: facilities only ever see the committed decision.
    run = await findRunByExecution(deps, call.callId, query.executionId);
    if (run?.dryRun && !department) run = undefined;
  } else if (call.currentRunId) {
    run = await getRun(deps, call.callId, call.currentRunId);
  }
  if (!run) throw problems.notFound('A selection run');
  // Facilities see a decision once it stands; the department also sees dry runs and failed runs' state.
  const visibleDecision = isDecisionVisible(run, call, department ? 'department' : 'facility');
  let decision: { regions: Array<{ region: string; applications: unknown[] }> } | undefined;
  if (visibleDecision) {
    const lines = await listLines(deps, call.callId, run.runId);
    const mine = (members: string[]) => department || (principal.facility !== undefined && members.includes(principal.facility));
    const order = [
      ...call.regions,
      ...new Set(lines.map((l) => l.region).filter((r) => !(call.regions as string[]).includes(r))),
    ];
    decision = {
      regions: order.map((region) => ({
        region,
        applications: lines
          .filter((l) => l.region === region && mine(l.members))
          .sort(
            (a, b) =>
              (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
              (a.applicationId < b.applicationId ? -1 : 1),
          )
          .map((l) => ({
            applicationId: l.applicationId,
            leadEnterpriseNumber: l.leadEnterpriseNumber,
            score: l.score,
            rank: l.rank,
            outcome: l.outcome,
            reasons: l.reasons,
          })),
      })),
    };
  }
  return {
    status: 200,
    body: {
      executionId: run.executionArn ?? run.executionName,
      status: run.status,
      dryRun: run.dryRun,
      startedAt: run.startedAt,
      ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
      ...(run.error && department ? { error: run.error } : {}),
      ...(decision ? { decision } : {}),
    },
  };
});
