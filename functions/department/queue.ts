import { defineHandler } from '../../shared/http/handler.ts';
import { departmentRoutes } from '../../shared/routes/department.ts';
import { awaitsDepartmentSelection } from '../../shared/domain/call-rules.ts';
import { ageInDays, callReviewLine, concernsRegion, type QueueLine } from '../../shared/domain/queue.ts';
import { allCallsWhere } from '../../shared/store/calls.ts';
import { listQueue, queueLineView } from '../../shared/store/queue.ts';

/**
 * One kind of the department's waiting work, oldest first. Requests, objections and submissions are read
 * from the queue's own partition; calls awaiting review from the calls (a handful: one page, no cursor).
 */
export const handler = defineHandler(departmentRoutes.departmentQueue, async ({ query, deps }) => {
  const now = deps.clock();
  const matches = (line: QueueLine) =>
    (!query.region || concernsRegion(line, query.region)) &&
    (!query.province || line.province === query.province) &&
    (!query.subKind || line.subKind === query.subKind);
  if (query.kind === 'CALL_REVIEW') {
    const calls = await allCallsWhere(deps, (call) => awaitsDepartmentSelection(call, now));
    const lines = calls
      .map(callReviewLine)
      .filter(matches)
      .sort((a, b) => a.since.localeCompare(b.since));
    return {
      status: 200,
      body: { items: lines.map((line) => ({ ...line, ageInDays: ageInDays(line.since, now) })), nextCursor: null },
    };
  }
  const page = await listQueue(deps, {
    kind: query.kind,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    where: matches,
  });
  return {
    status: 200,
    body: { items: page.items.map((item) => queueLineView(item, ageInDays(item.since, now))), nextCursor: page.nextCursor },
  };
});
