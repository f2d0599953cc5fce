/** Facilities, recognitions, mandates and samenwerkingsverbanden Zorg: changes. Routes and access: shared/functions.ts (FacilitiesWrite). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as createFacility } from './facilities/create.ts';
import { handler as updateFacility } from './facilities/update.ts';
import { handler as addRecognition } from './facilities/recognitions/add.ts';
import { handler as withdrawRecognition } from './facilities/recognitions/withdraw.ts';
import { handler as requestMandate } from './mandates/request.ts';
import { handler as decideMandate } from './mandates/decide.ts';
import { handler as withdrawMandate } from './mandates/withdraw.ts';
import { handler as registerCooperation } from './cooperations/register.ts';
import { handler as renewCooperation } from './cooperations/renew.ts';
import { handler as withdrawCooperation } from './cooperations/withdraw.ts';
import { handler as putCallSubscription } from './facilities/call-subscription/put.ts';
import { handler as deleteCallSubscription } from './facilities/call-subscription/delete.ts';

export const handler = dispatch(
  createFacility,
  updateFacility,
  addRecognition,
  withdrawRecognition,
  requestMandate,
  decideMandate,
  withdrawMandate,
  registerCooperation,
  renewCooperation,
  withdrawCooperation,
  putCallSubscription,
  deleteCallSubscription,
);
