import pLimit from 'p-limit';
import { defineTask } from '../../../shared/workflows/task.ts';
import type { BatchInput } from '../../../shared/workflows/selection.ts';
import { checkEligibility, type RegisteredFacility } from '../../../shared/domain/eligibility.ts';
import { evaluateApplication } from '../../../shared/domain/selection.ts';
import { getApplication, getLeadMarker, listVersions } from '../../../shared/store/applications.ts';
import { getCall } from '../../../shared/store/calls.ts';
import { getFacilities } from '../../../shared/store/facilities.ts';
import { listReviews } from '../../../shared/store/reviews.ts';
import { evaluationItem, getBatch } from '../../../shared/store/selection.ts';
import { putAll } from '../../../shared/store/batch-write.ts';

/**
 * One batch: each application's last version submitted before the deadline is checked for eligibility
 * again (recognitions on the deadline date) and scored from its reviews. Writes one evaluation each;
 * running it twice writes the same.
 */
/**
 * Applications of a batch loaded at most this many at a time (three reads each): enough to keep the task
 * short, without opening hundreds of connections at once from one invocation.
 */
const APPLICATIONS_AT_ONCE = 16;

export const handler = defineTask<BatchInput, { batch: number; evaluated: number }>('EvaluateBatch', async (input, deps) => {
  const call = await getCall(deps, input.callId);
  if (!call) throw new Error('call not found');
  const ids = await getBatch(deps, input.callId, input.runId, input.batch);
  const limit = pLimit(APPLICATIONS_AT_ONCE);
  const loaded = await Promise.all(
    ids.map((applicationId) =>
      limit(async () => {
        const [application, versions, reviews] = await Promise.all([
          getApplication(deps, input.callId, applicationId),
          listVersions(deps, input.callId, applicationId),
          listReviews(deps, input.callId, applicationId),
        ]);
        const inTime = versions.filter((v) => v.receipt.submittedAt < call.submissionDeadline);
        const version = inTime[inTime.length - 1];
        return application && version ? { application, version, reviews } : undefined;
      }),
    ),
  );
  const present = loaded.filter((x): x is NonNullable<typeof x> => x !== undefined);
  const facilities = await getFacilities(
    deps,
    present.flatMap(({ version }) => [
      version.content.leadEnterpriseNumber,
      ...version.content.partners.map((p) => p.enterpriseNumber),
    ]),
  );
  const registry = new Map<string, RegisteredFacility>(
    [...facilities].map(([en, f]) => [en, { name: f.name, recognitions: Object.values(f.recognitions ?? {}) }]),
  );
  const items = await Promise.all(
    present.map(({ application, version, reviews }) =>
      limit(async () => {
        const content = version.content;
        const holder = await getLeadMarker(deps, call.callId, content.region, content.leadEnterpriseNumber);
        const report = checkEligibility({
          call,
          application: content,
          registry,
          otherApplicationsLedInRegion: holder && holder !== application.applicationId ? [holder] : [],
        });
        const evaluation = evaluateApplication(call.criteria, {
          applicationId: application.applicationId,
          region: content.region,
          submittedAt: version.receipt.submittedAt,
          eligible: report.eligible,
          failedRules: report.rules.filter((r) => !r.passed).map((r) => r.explanation),
          failedRuleIds: report.rules.filter((r) => !r.passed).map((r) => r.rule),
          reviews,
        });
        return evaluationItem(call.callId, input.runId, {
          ...evaluation,
          leadEnterpriseNumber: content.leadEnterpriseNumber,
          members: [content.leadEnterpriseNumber, ...content.partners.map((p) => p.enterpriseNumber)],
          partners: content.partners,
          evaluatedVersion: version.version,
        });
      }),
    ),
  );
  await putAll(deps, items as unknown as Record<string, unknown>[]);
  return { batch: input.batch, evaluated: items.length };
});
