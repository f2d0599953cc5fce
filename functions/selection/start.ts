import { randomUUID } from 'node:crypto';
import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { selectionRoutes } from '../../shared/routes/selection.ts';
import { missingReviews, selectionStartRefusal, type SelectionStartRefusal } from '../../shared/domain/selection-start.ts';
import { allApplications } from '../../shared/store/applications.ts';
import { callUpdate, getCall } from '../../shared/store/calls.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { listReviews } from '../../shared/store/reviews.ts';
import { abandonSelectionRun, beginSelectionRun, executionNameOf, getRun, updateRun } from '../../shared/store/selection.ts';
import { startSelectionExecution } from '../../shared/workflows/start-selection.ts';
import { selectingRunOf } from '../../shared/domain/call-rules.ts';

const START_REFUSALS: Record<SelectionStartRefusal, string> = {
  'call-not-published': 'The call is not published.',
  'selection-running': 'A selection is already running for this call.',
  'call-decided': 'The call is decided; its selection cannot run again.',
  'deadline-not-passed': 'The selection starts after the submission deadline.',
};

export const handler = defineHandler(selectionRoutes.startSelection, async ({ params, body, principal, deps }) => {
  const call = await getCall(deps, params.callId);
  if (!call) throw problems.notFound('The call');
  const now = deps.clock();
  const selectingRun = selectingRunOf(call);
  const currentRun = selectingRun ? await getRun(deps, call.callId, selectingRun) : undefined;
  const refusal = selectionStartRefusal(call, now, currentRun);
  if (refusal) throw problems.conflict(refusal, START_REFUSALS[refusal]);
  const [applications, reviews] = await Promise.all([allApplications(deps, call.callId), listReviews(deps, call.callId)]);
  const lacking = missingReviews(applications, reviews, call.minReviewsPerApplication);
  if (lacking.length > 0) {
    throw problems.conflict(
      'reviews-missing',
      `${lacking.length} application(s) have fewer than ${call.minReviewsPerApplication} review(s).`,
      lacking.map((l) => ({
        path: l.applicationId,
        message: `${l.trackingNumber}: ${l.reviews} of ${call.minReviewsPerApplication} reviews.`,
      })),
    );
  }

  const stateMachineArn = process.env.SELECTION_STATE_MACHINE_ARN;
  if (!stateMachineArn) throw new Error('SELECTION_STATE_MACHINE_ARN is not configured');
  const audit = { actor: principal.userId, now };
  const attempt = (call.selectionAttempts ?? 0) + 1;
  const runId = body.dryRun ? `dry-${randomUUID()}` : `run-${attempt}`;
  const executionName = executionNameOf(call.callId, runId);
  // A real run moves the call to SELECTING together with its run record (one transaction): a second start
  // loses here, and the call is never SELECTING without its run.
  const marked = body.dryRun
    ? undefined
    : callUpdate(
        deps,
        call.callId,
        { status: 'SELECTING', selectionAttempts: attempt, currentRunId: runId },
        historyEntry(audit, 'selection-started', { from: call.status, to: 'SELECTING', details: { runId } }),
        { version: call.version, status: call.status },
        audit,
      );
  const begun = await beginSelectionRun(
    deps,
    {
      callId: call.callId,
      runId,
      executionName,
      dryRun: body.dryRun,
      status: 'RUNNING',
      startedAt: now.toISOString(),
      startedBy: principal.userId,
      ...(principal.email ? { startedByEmail: principal.email } : {}),
    },
    marked,
  );
  if (!begun.ok) throw problems.conflict('selection-running', 'The call changed or a selection was started at the same time.');
  let executionArn: string;
  try {
    executionArn = await startSelectionExecution(deps, stateMachineArn, executionName, {
      callId: call.callId,
      runId,
      dryRun: body.dryRun,
    });
  } catch (error) {
    // The execution did not start: the run fails and the call goes back to where it was, so a new start
    // can follow at once. Should even that fail, the start counts as abandoned after START_GRACE_MS.
    const errorName = error instanceof Error ? error.name : 'Error';
    const restored = body.dryRun
      ? undefined
      : callUpdate(
          deps,
          call.callId,
          { status: call.status },
          historyEntry(audit, 'selection-not-started', {
            from: 'SELECTING',
            to: call.status,
            details: { runId, error: errorName },
          }),
          { version: call.version + 1, status: 'SELECTING' },
          audit,
        );
    await abandonSelectionRun(deps, { callId: call.callId, runId }, errorName, now, restored).catch(() => undefined);
    deps.logger.warn('selection not started', { callId: call.callId, runId, errorName });
    throw error;
  }
  // The execution runs; recording its ARN is a convenience (runs are found by execution name), so a failure
  // here does not turn the accepted start into an error.
  await updateRun(deps, call.callId, runId, { executionArn }).catch((error: unknown) =>
    deps.logger.warn('execution ARN not recorded', { callId: call.callId, runId, errorName: (error as Error).name }),
  );
  deps.logger.info('selection started', { callId: call.callId, runId, dryRun: body.dryRun });
  return {
    status: 202,
    body: { executionId: executionArn, dryRun: body.dryRun },
    headers: { location: `/calls/${call.callId}/selection?executionId=${encodeURIComponent(executionArn)}` },
  };
});
