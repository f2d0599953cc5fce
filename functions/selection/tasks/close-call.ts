import { defineTask } from '../../../shared/workflows/task.ts';
import { SELECTION_BATCH_SIZE, type SelectionState } from '../../../shared/workflows/selection.ts';
import { allApplications } from '../../../shared/store/applications.ts';
import { getCall } from '../../../shared/store/calls.ts';
import { putBatches } from '../../../shared/store/selection.ts';
import { isEvaluable } from '../../../shared/domain/selection-start.ts';
import { runHoldsCall } from '../../../shared/domain/call-rules.ts';

/**
 * First step: the call is closed (the start route set it SELECTING for this run); every application that
 * was submitted before the deadline and not withdrawn is put into batches, which the next steps read by
 * number: the state between steps stays a few hundred bytes whatever the size of the call.
 */
export const handler = defineTask<SelectionState, Required<SelectionState>>('CloseCall', async (input, deps) => {
  const call = await getCall(deps, input.callId);
  if (!call) throw new Error('call not found');
  if (!input.dryRun && !runHoldsCall(call, input.runId)) {
    throw new Error(`call is ${call.status}, not selecting for this run`);
  }
  const evaluable = (await allApplications(deps, input.callId))
    .filter(isEvaluable)
    .map((a) => a.applicationId)
    .sort();
  const batches: string[][] = [];
  for (let i = 0; i < evaluable.length; i += SELECTION_BATCH_SIZE) batches.push(evaluable.slice(i, i + SELECTION_BATCH_SIZE));
  await putBatches(deps, input.callId, input.runId, batches);
  return { callId: input.callId, runId: input.runId, dryRun: input.dryRun, batches: batches.map((_, n) => n) };
});
