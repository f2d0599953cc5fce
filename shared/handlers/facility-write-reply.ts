import { etagOf } from '../http/etag.ts';
import type { Reply } from '../http/handler.ts';
import { problems } from '../http/problem.ts';
import { facilityView, type UpdateOutcome } from '../store/facilities.ts';

/** The reply for a facility write: the new representation, or the problem the store reported. */
export function replyForUpdate(
  outcome: UpdateOutcome,
  status: number,
  conflictDetail = 'The change conflicts with the current state.',
): Reply {
  if (outcome.ok) return { status, body: facilityView(outcome.record), etag: etagOf(outcome.record.version) };
  switch (outcome.reasons[0]) {
    case 'not-found':
      throw problems.notFound('The facility');
    case 'stale':
      throw problems.preconditionFailed();
    default:
      throw problems.conflict('state-conflict', conflictDetail);
  }
}
