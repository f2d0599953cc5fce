import type { Principal } from '../http/principal.ts';
import { belongsToFacility, hasRole } from '../http/principal.ts';

/** The department sees every facility; a facility's own users see only theirs (others get 404). */
export function maySeeFacility(principal: Principal, enterpriseNumber: string): boolean {
  return hasRole(principal, 'department') || belongsToFacility(principal, enterpriseNumber);
}
