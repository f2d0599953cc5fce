import { etagOf } from '../http/etag.ts';
import type { Reply } from '../http/handler.ts';
import { problems } from '../http/problem.ts';
import { callView, type CallWriteOutcome } from '../store/calls.ts';

/** The reply for a call write: the new call, or why the conditional write was refused. */
export function replyForCallWrite(outcome: CallWriteOutcome): Reply {
  if (outcome.ok) return { status: 200, body: callView(outcome.record), etag: etagOf(outcome.record.version) };
  if (outcome.reasons.includes('not-found')) throw problems.notFound('The call');
  if (outcome.reasons.includes('stale')) throw problems.preconditionFailed();
  throw problems.conflict('call-frozen', 'The call is no longer in the status this change needs; GET it to see where it stands.');
}
