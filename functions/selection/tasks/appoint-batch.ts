import { defineTask } from '../../../shared/workflows/task.ts';
import type { BatchInput } from '../../../shared/workflows/selection.ts';
import { getApplication, setApplicationOutcome } from '../../../shared/store/applications.ts';
import { getBatch, getLine, getRun, networkIdOf, networkItem } from '../../../shared/store/selection.ts';
import { putAll } from '../../../shared/store/batch-write.ts';
import type { Region } from '../../../shared/domain/reference-data.ts';

/**
 * One batch of the decision written out: the outcome on each application and a network per selected one.
 * Every write is keyed by the decision (the network id derives from call and application), so a retry or a
 * rerun writes the same items again. None of it counts until CommitDecision marks the call DECIDED with
 * this run: readers only show outcomes and networks of the committed run.
 */
export const handler = defineTask<BatchInput, { batch: number; appointed: number }>('AppointBatch', async (input, deps) => {
  const run = await getRun(deps, input.callId, input.runId);
  if (!run) throw new Error('run not found');
  const ids = await getBatch(deps, input.callId, input.runId, input.batch);
  const networks: Record<string, unknown>[] = [];
  for (const applicationId of ids) {
    const line = await getLine(deps, input.callId, input.runId, applicationId);
    const application = await getApplication(deps, input.callId, applicationId);
    if (!line || !application) continue;
    const networkId = line.outcome === 'SELECTED' ? networkIdOf(input.callId, applicationId) : undefined;
    await setApplicationOutcome(deps, input.callId, applicationId, {
      runId: input.runId,
      status: line.outcome,
      score: line.score,
      rank: line.rank,
      reasons: line.reasons,
      evaluatedVersion: line.evaluatedVersion,
      ...(networkId ? { networkId } : {}),
    });
    if (networkId) {
      networks.push(
        networkItem({
          networkId,
          callId: input.callId,
          runId: input.runId,
          applicationId,
          region: line.region as Region,
          leadEnterpriseNumber: line.leadEnterpriseNumber,
          partners: line.partners,
          appointedAt: run.startedAt,
        }) as unknown as Record<string, unknown>,
      );
    }
  }
  await putAll(deps, networks);
  return { batch: input.batch, appointed: networks.length };
});
