/** Facilities, mandate requests and samenwerkingsverbanden Zorg: reads. Routes and access: shared/functions.ts (FacilitiesRead). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as listFacilities } from './facilities/list.ts';
import { handler as getFacility } from './facilities/get.ts';
import { handler as listMandateRequests } from './mandates/list.ts';
import { handler as listCooperations } from './cooperations/list.ts';
import { handler as listAllMandateRequests } from './mandates/list-all.ts';
import { handler as getCooperation } from './cooperations/get.ts';
import { handler as getCallSubscription } from './facilities/call-subscription/get.ts';

export const handler = dispatch(
  listFacilities,
  getFacility,
  listMandateRequests,
  listAllMandateRequests,
  listCooperations,
  getCooperation,
  getCallSubscription,
);
