import { ROLES, type Role } from '../domain/reference-data.ts';

/**
 * The caller, read from the JWT claims that API Gateway's JWT authorizer (in AWS) or the local API
 * (locally) verified: `sub`, `email`, `cognito:groups`, `custom:facility`.
 */
export interface Principal {
  userId: string;
  email?: string;
  roles: Role[];
  /** Enterprise number of the caller's facility (facility users and casemanagers Zorg). */
  facility?: string;
}

export type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * API Gateway HTTP APIs flatten array claims into a string such as `[department facility]`;
 * the local API passes arrays. Both forms are accepted.
 */
export function parseGroups(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  return inner
    .split(/[\s,]+/)
    .map((g) => g.replace(/^"|"$/g, ''))
    .filter((g) => g.length > 0);
}

export function principalFromClaims(claims: Claims | undefined): Principal | undefined {
  if (!claims || typeof claims.sub !== 'string' || claims.sub.length === 0) return undefined;
  const roles = parseGroups(claims['cognito:groups']).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  const facility = claims['custom:facility'];
  const email = claims.email;
  return {
    userId: claims.sub,
    roles,
    ...(typeof email === 'string' ? { email } : {}),
    ...(typeof facility === 'string' && facility.length > 0 ? { facility } : {}),
  };
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

/** A user of facility `enterpriseNumber` (any role bound to that facility). */
export function belongsToFacility(principal: Principal, enterpriseNumber: string): boolean {
  return principal.facility === enterpriseNumber;
}
