import { problems, HttpProblem } from '../http/problem.ts';
import { hasRole, type Principal } from '../http/principal.ts';
import type { Deps } from '../runtime/deps.ts';
import { getApplication, type ApplicationRecord } from '../store/applications.ts';
import type { CallRecord } from '../store/calls.ts';
import { loadVisibleCall } from './calls.ts';

/** The department sees every application; a facility sees those it leads or is a partner in. */
export function maySeeApplication(principal: Principal, application: ApplicationRecord): boolean {
  if (hasRole(principal, 'department')) return true;
  return principal.facility !== undefined && application.members.includes(principal.facility);
}

/** The call and the application, or 404 when either does not exist or is not the caller's to see. */
export async function loadVisibleApplication(
  deps: Deps,
  principal: Principal,
  callId: string,
  applicationId: string,
): Promise<{ call: CallRecord; application: ApplicationRecord }> {
  const call = await loadVisibleCall(deps, principal, callId);
  const application = await getApplication(deps, callId, applicationId);
  if (!application || !maySeeApplication(principal, application)) throw problems.notFound('The application');
  return { call, application };
}

/** Partners may read an application; only its lead may change it. */
export function requireLead(principal: Principal, application: ApplicationRecord): void {
  if (principal.facility !== application.leadEnterpriseNumber) {
    throw new HttpProblem({
      status: 403,
      slug: 'not-the-lead',
      title: 'Forbidden',
      detail: 'Only the lead facility may change this application; partners can read it.',
    });
  }
}
