/**
 * The department's reads without client data: trajectory audit trails, the trajectory report, the
 * extension-request queue and the department's work queue. Routes and access: shared/functions.ts (TrajectoriesRead).
 */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as trajectoryAudit } from './trajectories/audit.ts';
import { handler as trajectoryStatistics } from './trajectories/statistics.ts';
import { handler as listExtensionRequests } from './trajectories/list-extensions.ts';
import { handler as departmentQueue } from './department/queue.ts';
import { handler as departmentQueueSummary } from './department/queue-summary.ts';

export const handler = dispatch(
  trajectoryAudit,
  trajectoryStatistics,
  listExtensionRequests,
  departmentQueue,
  departmentQueueSummary,
);
