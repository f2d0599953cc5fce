import pLimit from 'p-limit';
import { checkEligibility, type RegisteredFacility } from '../domain/eligibility.ts';
import { evaluateApplication } from '../domain/selection.ts';
import type { Deps } from '../runtime/deps.ts';
import { getApplication, getLeadMarker, listVersions } from '../store/applications.ts';
import type { CallRecord } from '../store/calls.ts';
import { getFacilities } from '../store/facilities.ts';
import { listReviews } from '../store/reviews.ts';
import { evaluationItem, type EvaluationRecord } from '../store/selection.ts';

/**
 * Applications loaded at most this many at a time (three reads each): enough to keep a task short, without
 * opening hundreds of connections at once from one invocation.
 */
const APPLICATIONS_AT_ONCE = 16;

/**
 * Evaluates applications of a call for a run: each application's last version submitted before the
 * deadline is checked for eligibility again (recognitions on the deadline date) and scored from its
 * reviews. Used by the selection's EvaluateBatch and by a re-decision of one region (RERUN). Reads only;
 * the caller writes the evaluations.
 */
export async function evaluateApplications(
  deps: Deps,
  call: CallRecord,
  runId: string,
  applicationIds: readonly string[],
): Promise<EvaluationRecord[]> {
  const limit = pLimit(APPLICATIONS_AT_ONCE);
  const loaded = await Promise.all(
    applicationIds.map((applicationId) =>
      limit(async () => {
        const [application, versions, reviews] = await Promise.all([
          getApplication(deps, call.callId, applicationId),
          listVersions(deps, call.callId, applicationId),
          listReviews(deps, call.callId, applicationId),
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
  return Promise.all(
    present.map(({ application, version, reviews }) =>
      limit(async () => {
        const content = version.content;
        const holder = await getLeadMarker(deps, call.callId, content.region, content.leadEnterpriseNumber);
        const report = checkEligibility({
          call,
          // The partners' answers are the application's own (given while the call was open).
          application: { ...content, partnerAnswers: application.partnerAnswers },
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
        return evaluationItem(call.callId, runId, {
          ...evaluation,
          leadEnterpriseNumber: content.leadEnterpriseNumber,
          members: [content.leadEnterpriseNumber, ...content.partners.map((p) => p.enterpriseNumber)],
          partners: content.partners,
          evaluatedVersion: version.version,
        });
      }),
    ),
  );
}
