/** AMA agreements and their PDF: reads, each recorded in the audit trail. Routes and access: shared/functions.ts (AmaAudited). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as getAgreement } from './ama/get.ts';
import { handler as agreementDocument } from './ama/document.ts';

export const handler = dispatch(getAgreement, agreementDocument);
