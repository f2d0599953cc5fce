import { problems } from '../http/problem.ts';
import { hasRole, type Principal } from '../http/principal.ts';
import type { Deps } from '../runtime/deps.ts';
import { getCall, type CallRecord } from '../store/calls.ts';

/** The department sees every call; facilities see calls once published (a draft answers 404). */
export function maySeeCall(principal: Principal, call: CallRecord): boolean {
  return hasRole(principal, 'department') || call.status !== 'DRAFT';
}

export async function loadVisibleCall(deps: Deps, principal: Principal, callId: string): Promise<CallRecord> {
  const call = await getCall(deps, callId);
  if (!call || !maySeeCall(principal, call)) throw problems.notFound('The call');
  return call;
}
