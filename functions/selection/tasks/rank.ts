import { defineTask } from '../../../shared/workflows/task.ts';
import type { SelectionState } from '../../../shared/workflows/selection.ts';
import { decide } from '../../../shared/domain/selection.ts';
import { getCall } from '../../../shared/store/calls.ts';
import { lineItem, listEvaluations, updateRun } from '../../../shared/store/selection.ts';
import { putAll } from '../../../shared/store/batch-write.ts';

/**
 * Ranks every region and writes the decision, one line per application, under this run. A dry run ends
 * here: the run holds what would be selected, and nothing else changed.
 */
export const handler = defineTask<Required<SelectionState>, Required<SelectionState> & { selected: number }>(
  'RankAndDecide',
  async (input, deps) => {
    const call = await getCall(deps, input.callId);
    if (!call) throw new Error('call not found');
    const evaluations = await listEvaluations(deps, input.callId, input.runId);
    const byId = new Map(evaluations.map((e) => [e.applicationId, e]));
    const regions = decide(call, evaluations);
    const lines = regions.flatMap((region) =>
      region.applications.map((line) => {
        const evaluation = byId.get(line.applicationId)!;
        return lineItem(call.callId, input.runId, {
          ...line,
          region: region.region,
          leadEnterpriseNumber: evaluation.leadEnterpriseNumber,
          members: evaluation.members,
          partners: evaluation.partners,
          evaluatedVersion: evaluation.evaluatedVersion,
        });
      }),
    );
    await putAll(deps, lines as unknown as Record<string, unknown>[]);
    if (input.dryRun)
      await updateRun(deps, call.callId, input.runId, { status: 'SUCCEEDED', finishedAt: deps.clock().toISOString() });
    return { ...input, selected: lines.filter((l) => l.outcome === 'SELECTED').length };
  },
);
