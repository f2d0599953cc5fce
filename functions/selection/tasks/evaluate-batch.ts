import { defineTask } from '../../../shared/workflows/task.ts';
import type { BatchInput } from '../../../shared/workflows/selection.ts';
import { evaluateApplications } from '../../../shared/handlers/evaluate-applications.ts';
import { getCall } from '../../../shared/store/calls.ts';
import { getBatch } from '../../../shared/store/selection.ts';
import { putAll } from '../../../shared/store/batch-write.ts';

/**
 * One batch: each application's last version submitted before the deadline is checked for eligibility
 * again (recognitions on the deadline date) and scored from its reviews. Writes one evaluation each;
 * running it twice writes the same.
 */
export const handler = defineTask<BatchInput, { batch: number; evaluated: number }>('EvaluateBatch', async (input, deps) => {
  const call = await getCall(deps, input.callId);
  if (!call) throw new Error('call not found');
  const ids = await getBatch(deps, input.callId, input.runId, input.batch);
  const items = await evaluateApplications(deps, call, input.runId, ids);
  await putAll(deps, items as unknown as Record<string, unknown>[]);
  return { batch: input.batch, evaluated: items.length };
});
