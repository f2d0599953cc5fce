/** Trajectory audit trails and statistics: reads without client data. Routes and access: shared/functions.ts (TrajectoriesRead). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as trajectoryAudit } from './trajectories/audit.ts';
import { handler as trajectoryStatistics } from './trajectories/statistics.ts';

export const handler = dispatch(trajectoryAudit, trajectoryStatistics);
