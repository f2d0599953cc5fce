import { defineHandler } from '../../shared/http/handler.ts';
import { departmentRoutes } from '../../shared/routes/department.ts';
import { awaitsDepartmentSelection } from '../../shared/domain/call-rules.ts';
import { ageInDays, QUEUE_KINDS } from '../../shared/domain/queue.ts';
import { allCallsWhere } from '../../shared/store/calls.ts';
import { countQueue } from '../../shared/store/queue.ts';

/** How much of each kind waits, and since when the oldest: the department's morning overview. */
export const handler = defineHandler(departmentRoutes.departmentQueueSummary, async ({ deps }) => {
  const now = deps.clock();
  const kinds = await Promise.all(
    QUEUE_KINDS.map(async (kind) => {
      if (kind === 'CALL_REVIEW') {
        const calls = await allCallsWhere(deps, (call) => awaitsDepartmentSelection(call, now));
        const oldest = calls.map((c) => c.submissionDeadline).sort()[0];
        return { kind, count: calls.length, ...(oldest ? { oldestSince: oldest } : {}) };
      }
      return { kind, ...(await countQueue(deps, kind)) };
    }),
  );
  return {
    status: 200,
    body: {
      asOf: now.toISOString(),
      kinds: kinds.map((k) => ({ ...k, ...(k.oldestSince ? { oldestAgeInDays: ageInDays(k.oldestSince, now) } : {}) })),
    },
  };
});
