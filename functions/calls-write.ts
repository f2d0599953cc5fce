/** Calls, applications, reviews, selection and objections: changes. Routes and access: shared/functions.ts (CallsWrite). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as createCall } from './calls/create.ts';
import { handler as updateCall } from './calls/update.ts';
import { handler as publishCall } from './calls/publish.ts';
import { handler as extendDeadline } from './calls/extend-deadline.ts';
import { handler as createApplication } from './applications/create.ts';
import { handler as updateApplication } from './applications/update.ts';
import { handler as submitApplication } from './applications/submit.ts';
import { handler as reopenApplication } from './applications/reopen.ts';
import { handler as withdrawApplication } from './applications/withdraw.ts';
import { handler as answerAsPartner } from './applications/answer-as-partner.ts';
import { handler as declareNoConflict } from './reviews/declare.ts';
import { handler as putReview } from './reviews/put.ts';
import { handler as startSelection } from './selection/start.ts';
import { handler as lodgeObjection } from './selection/objection.ts';
import { handler as decideObjection } from './selection/objection-decision.ts';
import { handler as redecideRegion } from './selection/redecide.ts';

export const handler = dispatch(
  createCall,
  updateCall,
  publishCall,
  extendDeadline,
  createApplication,
  updateApplication,
  submitApplication,
  reopenApplication,
  withdrawApplication,
  answerAsPartner,
  declareNoConflict,
  putReview,
  startSelection,
  lodgeObjection,
  decideObjection,
  redecideRegion,
);
