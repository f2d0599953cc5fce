import { defineTask } from '../../../shared/workflows/task.ts';
import type { SelectionState } from '../../../shared/workflows/selection.ts';
import { sendEmail } from '../../../shared/email/send.ts';
import { selectionFailedEmail } from '../../../shared/email/templates.ts';
import { getCall, updateCall } from '../../../shared/store/calls.ts';
import { historyEntry } from '../../../shared/store/history.ts';
import { getRun, updateRun } from '../../../shared/store/selection.ts';
import { runHoldsCall } from '../../../shared/domain/call-rules.ts';

interface FailedState extends SelectionState {
  error?: { Error?: string; Cause?: string };
}

/**
 * Where every failure ends: the run is FAILED and, if its decision was not committed, the call becomes
 * SELECTION_FAILED (nothing of the run is visible) so the department can start again. The department user
 * who started it is emailed. Only the error's name is kept: causes may quote data.
 */
export const handler = defineTask<FailedState, { failed: true }>('MarkFailed', async (input, deps) => {
  const [call, run] = await Promise.all([getCall(deps, input.callId), getRun(deps, input.callId, input.runId)]);
  const now = deps.clock();
  const errorName = input.error?.Error ?? 'Error';
  const committed = Boolean(run?.committedAt);
  await updateRun(deps, input.callId, input.runId, {
    ...(committed ? { notificationError: errorName } : { status: 'FAILED', error: errorName, finishedAt: now.toISOString() }),
  } as never);
  if (call && !input.dryRun && !committed && runHoldsCall(call, input.runId)) {
    const audit = { actor: 'selection-workflow', now };
    await updateCall(
      deps,
      call.callId,
      { status: 'SELECTION_FAILED' },
      historyEntry(audit, 'selection-failed', {
        from: 'SELECTING',
        to: 'SELECTION_FAILED',
        details: { runId: input.runId, error: errorName },
      }),
      { version: call.version, status: 'SELECTING' },
      audit,
    );
  }
  if (call && run?.startedByEmail && !input.dryRun) {
    await sendEmail(deps, {
      to: run.startedByEmail,
      ...selectionFailedEmail({ callTitle: call.title, executionName: run.executionName, committed }),
    });
  }
  deps.logger.warn('selection failed', { callId: input.callId, runId: input.runId, error: errorName, committed });
  return { failed: true };
});
