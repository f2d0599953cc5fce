/** Trajectories, extensions and networks registered by hand: changes. Routes and access: shared/functions.ts (TrajectoriesWrite). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as createTrajectory } from './trajectories/create.ts';
import { handler as patchTrajectory } from './trajectories/patch.ts';
import { handler as closeTrajectory } from './trajectories/close.ts';
import { handler as confirmPlan } from './trajectories/confirm-plan.ts';
import { handler as reopenTrajectory } from './trajectories/reopen.ts';
import { handler as reassignTrajectory } from './trajectories/reassign.ts';
import { handler as requestExtension } from './trajectories/request-extension.ts';
import { handler as decideExtension } from './trajectories/decide-extension.ts';
import { handler as registerNetwork } from './networks/register.ts';
import { handler as withdrawNetwork } from './networks/withdraw.ts';
import { handler as privacyRequest } from './privacy/request.ts';

export const handler = dispatch(
  createTrajectory,
  patchTrajectory,
  closeTrajectory,
  confirmPlan,
  reopenTrajectory,
  reassignTrajectory,
  requestExtension,
  decideExtension,
  registerNetwork,
  withdrawNetwork,
  privacyRequest,
);
