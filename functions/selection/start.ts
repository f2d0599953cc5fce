import { randomUUID } from 'node:crypto';
import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { selectionRoutes } from '../../shared/routes/selection.ts';
import { missingReviews, selectionStartRefusal, type SelectionStartRefusal } from '../../shared/domain/selection-start.ts';
import { allApplications } from '../../shared/store/applications.ts';
import { getCall, updateCall } from '../../shared/store/calls.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { listReviews } from '../../shared/store/reviews.ts';
import { executionNameOf, putRun, updateRun } from '../../shared/store/selection.ts';
import { startSelectionExecution } from '../../shared/workflows/start-selection.ts';

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
  const refusal = selectionStartRefusal(call, now);
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
  let runId: string;
  if (body.dryRun) {
    runId = `dry-${randomUUID()}`;
  } else {
    // The call moves to SELECTING for this attempt in one conditional write: a second start loses here.
    const attempt = (call.selectionAttempts ?? 0) + 1;
    runId = `run-${attempt}`;
    const outcome = await updateCall(
      deps,
      call.callId,
      { status: 'SELECTING', selectionAttempts: attempt, currentRunId: runId },
      historyEntry(audit, 'selection-started', { from: call.status, to: 'SELECTING', details: { runId } }),
      { version: call.version, status: call.status },
      audit,
    );
    if (!outcome.ok)
      throw problems.conflict('selection-running', 'The call changed or a selection was started at the same time.');
  }
  const executionName = executionNameOf(call.callId, runId);
  await putRun(deps, {
    callId: call.callId,
    runId,
    executionName,
    dryRun: body.dryRun,
    status: 'RUNNING',
    startedAt: now.toISOString(),
    startedBy: principal.userId,
    ...(principal.email ? { startedByEmail: principal.email } : {}),
  });
  const executionArn = await startSelectionExecution(deps, stateMachineArn, executionName, {
    callId: call.callId,
    runId,
    dryRun: body.dryRun,
  });
  await updateRun(deps, call.callId, runId, { executionArn });
  deps.logger.info('selection started', { callId: call.callId, runId, dryRun: body.dryRun });
  return {
    status: 202,
    body: { executionId: executionArn, dryRun: body.dryRun },
    headers: { location: `/calls/${call.callId}/selection?executionId=${encodeURIComponent(executionArn)}` },
  };
});
