import { contentHash } from '../../shared/domain/canonical-json.ts';
import { signReceipt } from '../../shared/domain/receipt.ts';
import { REGIONS } from '../../shared/domain/reference-data.ts';
import type { Deps } from '../../shared/runtime/deps.ts';
import '../../shared/runtime/secrets-client.ts';
import { newApplicationRecord, submittedContent } from '../../shared/store/applications.ts';
import { newFacilityRecord } from '../../shared/store/facilities.ts';

/**
 * The items of the i-th submitted and reviewed application of a volume call, written straight into the table
 * (the API path is tested elsewhere): its lead facility (VAPH-recognised), the application with its receipt,
 * the lead marker, the submitted version, a reviewer's declaration and review. Regions go round; scores
 * vary with i. No vitest here: the selection tests and the bench both seed with it.
 */
export async function submittedApplicationItems(
  deps: Deps,
  options: {
    callId: string;
    i: number;
    lead: string;
    email: string;
    submittedAt: string;
    reviewedAt: string;
    reviewer: string;
    createdAt: string;
  },
): Promise<Record<string, unknown>[]> {
  const { i, lead, reviewer, reviewedAt } = options;
  const audit = { actor: 'seed', now: new Date(options.createdAt) };
  const facility = newFacilityRecord(
    { enterpriseNumber: lead, name: `Voorziening ${i}`, province: 'ANTWERPEN', email: options.email },
    audit,
  );
  facility.recognitions = {
    r1: {
      recognitionId: 'r1',
      authority: 'VAPH',
      reference: `V-${i}`,
      validFrom: '2018-01-01',
      createdAt: options.createdAt,
      createdBy: 'seed',
    },
  };
  const region = REGIONS[i % REGIONS.length]!;
  const application = newApplicationRecord(
    options.callId,
    lead,
    { region, partners: [], proposal: { summary: `Aanvraag ${i}`, criteria: { approach: 'a', network: 'n' } } },
    audit,
  );
  const receipt = signReceipt(
    {
      applicationId: application.applicationId,
      trackingNumber: application.trackingNumber,
      submittedAt: options.submittedAt,
      contentHash: contentHash(submittedContent(application)),
    },
    await deps.receiptKey(),
  );
  application.status = 'SUBMITTED';
  application.submittedVersions = 1;
  application.receipt = receipt;
  const reviewed = { PK: application.PK, applicationId: application.applicationId, reviewer, declaredAt: reviewedAt };
  return [
    facility as unknown as Record<string, unknown>,
    application as unknown as Record<string, unknown>,
    { PK: application.PK, SK: `LEAD#${region}#${lead}`, entity: 'LeadMarker', applicationId: application.applicationId },
    {
      PK: application.PK,
      SK: `APPVER#${application.applicationId}#0001`,
      entity: 'ApplicationVersion',
      version: 1,
      content: submittedContent(application),
      receipt,
    },
    { ...reviewed, SK: `DECL#${application.applicationId}#${reviewer}`, entity: 'Declaration' },
    {
      ...reviewed,
      SK: `REVIEW#${application.applicationId}#${reviewer}`,
      entity: 'Review',
      scores: { approach: 2 + ((i * 7) % 9), network: (i * 3) % 11 },
      comment: 'seed',
      version: 1,
      createdAt: reviewedAt,
      createdBy: reviewer,
      updatedAt: reviewedAt,
      updatedBy: reviewer,
    },
  ];
}
