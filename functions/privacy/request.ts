import { accepts, defineHandler } from '../../shared/http/handler.ts';
import { privacyRoutes } from '../../shared/routes/privacy.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { clientDataErasableOn } from '../../shared/domain/retention.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { recordAudit, allTrajectoriesWhere, clientKeyOf, listAudit, trajectoryView } from '../../shared/store/trajectories.ts';
import { eraseTrajectoryClientData } from '../../shared/store/retention.ts';
import { agreementSummary, agreementsFollowing } from '../../shared/store/ama.ts';
import '../../shared/runtime/secrets-client.ts';

/** What an erasure leaves, and why (GDPR art. 17(3)(b) and (e); art. 5(2)). */
const KEPT = [
  "Each trajectory's dates, status, outcome, network and case managers: the department's account of a public task (decree of 8 July 2022), without the client.",
  'The audit trail (who read or changed a trajectory, when): accountability for access to special-category data (GDPR art. 5(2)); it names no client.',
];

/**
 * A data subject's request, handled by the department. The client reference is turned into its keyed hash
 * (the pseudonym the one-active-trajectory marker uses) and the person's trajectories are found by it; the
 * reference itself is neither logged nor written anywhere. ACCESS answers every trajectory as stored, its
 * whole audit trail and its retention (JSON, or a Dutch PDF with `Accept: application/pdf`), and records the
 * export in each trail. ERASURE removes the client data
 * of every closed trajectory at once (the same conditional transaction as the retention run, with an audit
 * line that names no one); an active trajectory needs its client's data, so it is listed as not erased.
 */
export const handler = defineHandler(privacyRoutes.privacyRequest, async ({ body, principal, event, deps }) => {
  const clientKey = await clientKeyOf(deps, body.clientReference);
  const found = await allTrajectoriesWhere(deps, (t) => t.clientKey === clientKey);
  // AMA agreements that followed from the person's trajectories (closed with outcome AMA).
  const agreements = await agreementsFollowing(deps, new Set(found.map((t) => t.trajectoryId)));
  const now = deps.clock();
  const answeredAt = now.toISOString();
  const actor = { userId: principal.userId, roles: principal.roles };
  if (body.kind === 'ACCESS') {
    const trajectories = await Promise.all(
      found.map(async (t) => {
        const auditTrail = (await listAudit(deps, t.trajectoryId)).map(({ at, by, role, action }) => ({ at, by, role, action }));
        await recordAudit(deps, t.trajectoryId, actor, 'exported for an access request (GDPR art. 15)');
        return {
          trajectory: trajectoryView(t) as unknown as Record<string, unknown>,
          auditTrail,
          retention: {
            rule: 'retention-trajectory-client-data',
            ...(isTrajectoryClosed(t) && t.endDate ? { clientDataUntil: clientDataErasableOn(t.endDate) } : {}),
          },
        };
      }),
    );
    if (accepts(event, 'application/pdf')) {
      // The same answer as a Dutch PDF for the person (pdfkit loaded on this first use only).
      const { renderAccessExportPdf } = await import('../../shared/documents/access-export-pdf.ts');
      const pdf = await renderAccessExportPdf({
        clientReference: body.clientReference,
        answeredAt,
        trajectories: found.map((t, i) => ({
          trajectory: t,
          auditTrail: trajectories[i]!.auditTrail,
          clientDataUntil: trajectories[i]!.retention.clientDataUntil,
        })),
      });
      return {
        status: 200,
        binary: pdf,
        contentType: 'application/pdf',
        headers: { 'content-disposition': 'attachment; filename="inzage.pdf"', 'cache-control': 'no-store' },
      };
    }
    return {
      status: 200,
      body: {
        kind: body.kind,
        answeredAt,
        trajectoriesFound: found.length,
        trajectories,
        agreements: agreements.map(agreementSummary),
      },
    };
  }
  const today = brusselsDateOf(now);
  const erased: Array<{ trajectoryId: string; erasedOn: string }> = [];
  const notErased: Array<{ trajectoryId: string; reason: string }> = [];
  for (const t of found) {
    if (!isTrajectoryClosed(t)) {
      notErased.push({
        trajectoryId: t.trajectoryId,
        reason:
          'The trajectory is active: its case managers need the client data to carry out the public task (GDPR art. 17(3)(b)). Close it first, or ask again once it is closed.',
      });
      continue;
    }
    const outcome = await eraseTrajectoryClientData(deps, t, today, actor, 'client data erased on request (GDPR art. 17)');
    if (outcome.ok) erased.push({ trajectoryId: t.trajectoryId, erasedOn: today });
    else notErased.push({ trajectoryId: t.trajectoryId, reason: 'The trajectory changed at the same time; ask again.' });
  }
  for (const a of agreements) {
    notErased.push({
      trajectoryId: a.trajectoryId!,
      reason: `AMA agreement ${a.agreementId} followed from this trajectory: its participant's data follow the agreement's own retention (rule retention-ama-participant-data), five years after it ends.`,
    });
  }
  deps.logger.info('erasure request handled', {
    trajectoriesFound: found.length,
    erased: erased.length,
    notErased: notErased.length,
  });
  return { status: 200, body: { kind: body.kind, answeredAt, trajectoriesFound: found.length, erased, notErased, kept: KEPT } };
});
