import { checkEligibility, type EligibilityReport, type RegisteredFacility } from '../domain/eligibility.ts';
import type { Deps } from '../runtime/deps.ts';
import { getLeadMarker, type ApplicationRecord } from '../store/applications.ts';
import type { CallRecord } from '../store/calls.ts';
import { getFacilities, type FacilityRecord } from '../store/facilities.ts';

/** Looks up what the eligibility rules need and runs them; also returns the members' registry entries. */
export async function eligibilityOf(
  deps: Deps,
  call: CallRecord,
  application: ApplicationRecord,
): Promise<{ report: EligibilityReport; facilities: Map<string, FacilityRecord> }> {
  const members = [application.leadEnterpriseNumber, ...application.partners.map((p) => p.enterpriseNumber)];
  const [facilities, holder] = await Promise.all([
    getFacilities(deps, members),
    getLeadMarker(deps, call.callId, application.region, application.leadEnterpriseNumber),
  ]);
  const registry = new Map<string, RegisteredFacility>(
    [...facilities].map(([en, f]) => [en, { name: f.name, recognitions: Object.values(f.recognitions ?? {}) }]),
  );
  const report = checkEligibility({
    call,
    application,
    registry,
    otherApplicationsLedInRegion: holder && holder !== application.applicationId ? [holder] : [],
  });
  return { report, facilities };
}
