import { problems } from '../http/problem.ts';
import { hasRole, type Principal } from '../http/principal.ts';
import type { Deps } from '../runtime/deps.ts';
import { brusselsDateOf } from '../domain/calendar.ts';
import { holdsValidMandate, validMandateOn } from '../domain/mandate.ts';
import { getAgreement, getWerkpost, recordAgreementAudit, type AgreementRecord, type WerkpostRecord } from '../store/ama.ts';
import { listMandateRequests } from '../store/mandates.ts';

/** Is the facility a recognised begeleider AMA on `date` (a granted BEGELEIDER_AMA mandate)? */
export async function isRecognisedBegeleider(deps: Deps, enterpriseNumber: string, date: string): Promise<boolean> {
  return holdsValidMandate(await listMandateRequests(deps, enterpriseNumber), 'BEGELEIDER_AMA', date);
}

/** The recognition as begeleider AMA valid on `date` (its request id is what a submission names). */
export async function begeleiderRecognitionOn(deps: Deps, enterpriseNumber: string, date: string) {
  return validMandateOn(await listMandateRequests(deps, enterpriseNumber), 'BEGELEIDER_AMA', date);
}

/** The department, or users of the begeleider facility that is recognised today. */
export async function mayManageWerkposten(deps: Deps, principal: Principal, begeleider: string): Promise<boolean> {
  if (hasRole(principal, 'department')) return true;
  return principal.facility === begeleider && (await isRecognisedBegeleider(deps, begeleider, brusselsDateOf(deps.clock())));
}

export async function loadWerkpost(deps: Deps, principal: Principal, werkpostId: string): Promise<WerkpostRecord> {
  const werkpost = await getWerkpost(deps, werkpostId);
  if (!werkpost || !(hasRole(principal, 'department') || principal.facility === werkpost.begeleiderEnterpriseNumber)) {
    throw problems.notFound('The werkpost');
  }
  return werkpost;
}

/** The begeleider facility and the department see an agreement; everyone else gets 404. Reads are audited. */
export async function loadAgreement(
  deps: Deps,
  principal: Principal,
  agreementId: string,
  action?: string,
): Promise<AgreementRecord> {
  const agreement = await getAgreement(deps, agreementId);
  if (!agreement || !(hasRole(principal, 'department') || principal.facility === agreement.begeleiderEnterpriseNumber)) {
    throw problems.notFound('The agreement');
  }
  if (action) await recordAgreementAudit(deps, agreementId, principal, action);
  return agreement;
}
