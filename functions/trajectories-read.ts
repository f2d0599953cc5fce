/** Trajectory audit trails, statistics and the extension-request queue: reads without client data. Routes and access: shared/functions.ts (TrajectoriesRead). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as trajectoryAudit } from './trajectories/audit.ts';
import { handler as trajectoryStatistics } from './trajectories/statistics.ts';
import { handler as listExtensionRequests } from './trajectories/list-extensions.ts';

export const handler = dispatch(trajectoryAudit, trajectoryStatistics, listExtensionRequests);
