import type { Deps } from '../runtime/deps.ts';
import type { Email } from '../email/send.ts';
import { callAudience } from '../domain/call-audience.ts';
import { hasBeenSubmitted, isDraftApplication } from '../domain/application-status.ts';
import { allApplications, type ApplicationRecord } from '../store/applications.ts';
import type { CallRecord } from '../store/calls.ts';
import { getFacilities } from '../store/facilities.ts';
import { listSubscriptions } from '../store/subscriptions.ts';

/**
 * One email per facility the call concerns (rule `call-audience`): the subscribers for one of its regions
 * (or all), and, unless only subscribers are asked for (a publication: there are no applications yet), every
 * lead and partner of its applications. `render` gets the facility's own drafts and submitted applications
 * as lead (tracking numbers), so the text can say what that facility still has to do.
 */
export async function callAudienceEmails(
  deps: Deps,
  call: Pick<CallRecord, 'callId' | 'regions'>,
  options: { withApplications: boolean },
  render: (facility: { enterpriseNumber: string; drafts: string[]; submitted: string[] }) => Omit<Email, 'to'>,
): Promise<Email[]> {
  const [subscriptions, applications] = await Promise.all([
    listSubscriptions(deps),
    options.withApplications ? allApplications(deps, call.callId) : Promise.resolve([] as ApplicationRecord[]),
  ]);
  const audience = callAudience(call.regions, subscriptions, applications);
  const facilities = await getFacilities(deps, audience);
  return audience.flatMap((enterpriseNumber) => {
    const facility = facilities.get(enterpriseNumber);
    if (!facility) return [];
    const led = applications.filter((a) => a.leadEnterpriseNumber === enterpriseNumber);
    return [
      {
        to: facility.email,
        ...render({
          enterpriseNumber,
          drafts: led.filter(isDraftApplication).map((a) => a.trackingNumber),
          submitted: led.filter(hasBeenSubmitted).map((a) => a.trackingNumber),
        }),
      },
    ];
  });
}
