/** Calls, applications, reviews, selection and networks: reads. Routes and access: shared/functions.ts (CallsRead). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as listCalls } from './calls/list.ts';
import { handler as getCall } from './calls/get.ts';
import { handler as listApplications } from './applications/list.ts';
import { handler as getApplication } from './applications/get.ts';
import { handler as getEligibility } from './applications/eligibility.ts';
import { handler as getReceipt } from './applications/receipt.ts';
import { handler as listVersions } from './applications/versions.ts';
import { handler as verifyReceipt } from './applications/verify-receipt.ts';
import { handler as listReviews } from './reviews/list.ts';
import { handler as getSelection } from './selection/status.ts';
import { handler as listNetworks } from './networks/list.ts';
import { handler as getNetwork } from './networks/get.ts';
import { handler as callStatistics } from './calls/statistics.ts';

export const handler = dispatch(
  listCalls,
  getCall,
  listApplications,
  getApplication,
  getEligibility,
  getReceipt,
  listVersions,
  verifyReceipt,
  listReviews,
  getSelection,
  listNetworks,
  getNetwork,
  callStatistics,
);
