/** Werkposten, agreement lists (no participant data) and audit trails: reads. Routes and access: shared/functions.ts (AmaRead). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as listWerkposten } from './ama/werkposten/list.ts';
import { handler as agreementAudit } from './ama/audit.ts';
import { handler as listAgreements } from './ama/list.ts';

export const handler = dispatch(listWerkposten, listAgreements, agreementAudit);
