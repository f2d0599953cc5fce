/** Werkposten and AMA agreements: changes. Routes and access: shared/functions.ts (AmaWrite). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as createWerkpost } from './ama/werkposten/create.ts';
import { handler as updateWerkpost } from './ama/werkposten/update.ts';
import { handler as deleteWerkpost } from './ama/werkposten/delete.ts';
import { handler as createAgreement } from './ama/create.ts';
import { handler as updateAgreement } from './ama/update.ts';
import { handler as signAgreement } from './ama/sign.ts';
import { handler as endAgreement } from './ama/end.ts';
import { handler as submitAgreement } from './ama/submit.ts';
import { handler as decideSubmission } from './ama/decide-submission.ts';

export const handler = dispatch(
  createWerkpost,
  updateWerkpost,
  deleteWerkpost,
  createAgreement,
  updateAgreement,
  signAgreement,
  endAgreement,
  submitAgreement,
  decideSubmission,
);
