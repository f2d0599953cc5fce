import { partnerNamedEmail } from '../email/templates.ts';
import type { Deps } from '../runtime/deps.ts';
import type { ApplicationRecord } from '../store/applications.ts';
import type { CallRecord } from '../store/calls.ts';
import { getFacilities } from '../store/facilities.ts';
import { outboxPut } from '../store/outbox.ts';
import type { TransactItem } from '../store/transaction.ts';

/**
 * The emails that ask partners newly named in an application to confirm or decline their part (rule
 * `partners-confirmed`), as an outbox entry to write with the application. A partner already named before
 * (`before`) is not asked again.
 */
export async function partnerInvitations(
  deps: Deps,
  call: CallRecord,
  application: Pick<ApplicationRecord, 'trackingNumber' | 'leadEnterpriseNumber' | 'region' | 'partners'>,
  before: ReadonlyArray<{ enterpriseNumber: string }>,
  now: Date,
): Promise<TransactItem | undefined> {
  const known = new Set(before.map((p) => p.enterpriseNumber));
  const named = application.partners.filter((p) => !known.has(p.enterpriseNumber));
  if (named.length === 0) return undefined;
  const facilities = await getFacilities(deps, [application.leadEnterpriseNumber, ...named.map((p) => p.enterpriseNumber)]);
  const leadName = facilities.get(application.leadEnterpriseNumber)?.name ?? application.leadEnterpriseNumber;
  const emails = named.flatMap((partner) => {
    const facility = facilities.get(partner.enterpriseNumber);
    return facility
      ? [
          {
            to: facility.email,
            ...partnerNamedEmail({
              callTitle: call.title,
              trackingNumber: application.trackingNumber,
              leadName,
              region: application.region,
              role: partner.role,
              deadline: call.submissionDeadline,
            }),
          },
        ]
      : [];
  });
  return outboxPut(deps, 'partner-named', emails, now);
}
