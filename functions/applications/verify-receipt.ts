import { defineHandler } from '../../shared/http/handler.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { verifyReceipt } from '../../shared/domain/receipt.ts';
import { getApplicationById, listVersions } from '../../shared/store/applications.ts';
import '../../shared/runtime/secrets-client.ts';

export const handler = defineHandler(applicationRoutes.verifyReceipt, async ({ body, deps }) => {
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
