import { defineTask } from '../../../shared/workflows/task.ts';
import type { SelectionState } from '../../../shared/workflows/selection.ts';
import { getCall, updateCall } from '../../../shared/store/calls.ts';
import { historyEntry } from '../../../shared/store/history.ts';
import { updateRun } from '../../../shared/store/selection.ts';
import { isDecidedBy, runHoldsCall } from '../../../shared/domain/call-rules.ts';

/**
 * The commit point: one conditional write turns the call DECIDED with this run's decision. Before it,
 * nothing of the run is visible; after it, all of it is. A retry after a successful commit is a no-op.
 */
export const handler = defineTask<Required<SelectionState>, Required<SelectionState>>('CommitDecision', async (input, deps) => {
  const call = await getCall(deps, input.callId);
  if (!call) throw new Error('call not found');
  const now = deps.clock();
  if (isDecidedBy(call, input.runId)) return input;
  if (!runHoldsCall(call, input.runId))
    throw new Error(`call is ${call.status}, not selecting for this run`);
  const audit = { actor: 'selection-workflow', now };
  const outcome = await updateCall(
    deps,
    call.callId,
    { status: 'DECIDED', decisionRunId: input.runId, decidedAt: now.toISOString() },
    historyEntry(audit, 'decided', { from: 'SELECTING', to: 'DECIDED', details: { runId: input.runId } }),
    { version: call.version, status: 'SELECTING' },
    audit,
  );
  if (!outcome.ok) throw new Error('call changed during commit');
  await updateRun(deps, call.callId, input.runId, {
    status: 'SUCCEEDED',
    committedAt: now.toISOString(),
    finishedAt: now.toISOString(),
  });
  return input;
});
