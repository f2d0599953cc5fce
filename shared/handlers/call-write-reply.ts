import { etagOf } from '../http/etag.ts';
import type { Reply } from '../http/handler.ts';
import { problems } from '../http/problem.ts';
import { callView, type CallWriteOutcome } from '../store/calls.ts';

/** The reply for a call write: the new call, or why the conditional write was refused. */
export function replyForCallWrite(outcome: CallWriteOutcome, expectedVersion: number): Reply {
  if (outcome.ok) return { status: 200, body: callView(outcome.record), etag: etagOf(outcome.record.version) };
  if (!outcome.current) throw problems.notFound('The call');
  if (outcome.current.version !== expectedVersion) throw problems.preconditionFailed();
  throw problems.conflict('call-frozen', `The call is ${outcome.current.status}; this change is not possible any more.`);
}
