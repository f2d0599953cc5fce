/** Trajectories: reads, each recorded in the audit trail. Routes and access: shared/functions.ts (TrajectoriesAudited). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as listTrajectories } from './trajectories/list.ts';
import { handler as getTrajectory } from './trajectories/get.ts';

export const handler = dispatch(listTrajectories, getTrajectory);
