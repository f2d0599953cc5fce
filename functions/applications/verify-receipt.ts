import { defineHandler } from '../../shared/http/handler.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { verifyReceipt } from '../../shared/domain/receipt.ts';
import { getApplicationById, listVersions } from '../../shared/store/applications.ts';
import { problems } from '../../shared/http/problem.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { maySeeApplication } from '../../shared/access/applications.ts';
import '../../shared/runtime/secrets-client.ts';

/**
 * The department checks any receipt; a facility checks the receipts of the applications it leads or is a
 * partner in (another application's: 404, so that a receipt cannot be used to probe what exists).
 */
export const handler = defineHandler(applicationRoutes.verifyReceipt, async ({ body, principal, deps }) => {
  if (!hasRole(principal, 'department')) {
    const application = await getApplicationById(deps, body.applicationId);
    if (!application || !maySeeApplication(principal, application)) throw problems.notFound('The application');
  }
  const valid = verifyReceipt(body, await deps.receiptKey());
  let matchesRecord = false;
  if (valid) {
    const application = await getApplicationById(deps, body.applicationId);
    if (application) {
      const versions = await listVersions(deps, application.callId, application.applicationId);
      matchesRecord = versions.some(
        (v) =>
          v.receipt.signature === body.signature &&
          v.receipt.contentHash === body.contentHash &&
          v.receipt.submittedAt === body.submittedAt &&
          v.receipt.trackingNumber === body.trackingNumber,
      );
    }
  }
  return { status: 200, body: { valid, matchesRecord } };
});
