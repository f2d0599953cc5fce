import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf, versionFromIfMatch } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { cooperationRoutes } from '../../shared/routes/cooperations.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { withdrawCooperationMandate } from '../../shared/domain/cooperation.ts';
import { cooperationView, getCooperation, saveCooperationMandates } from '../../shared/store/cooperations.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { cooperationWithdrawnEmail } from '../../shared/email/templates.ts';
import { getFacilities } from '../../shared/store/facilities.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { allTrajectoriesWhere } from '../../shared/store/trajectories.ts';

/**
 * The department withdraws a samenwerkingsverband's mandate from a date (rule `mandate-withdrawal`): its
 * casemanagers Zorg are assigned no new trajectory from then (`casemanager-zorg-of-cooperation`), running
 * trajectories keep theirs until reassigned (listed in the answer, ids and dates only), the werkingsgebied is
 * free for another samenwerkingsverband, and its members are emailed (outbox, with the withdrawal).
 */
export const handler = defineHandler(
  cooperationRoutes.withdrawCooperation,
  async ({ params, body, ifMatch, principal, deps }) => {
    const current = await getCooperation(deps, params.cooperationId);
    if (!current) throw problems.notFound('The samenwerkingsverband');
    const expected = versionFromIfMatch(ifMatch, current.version);
    if (expected === undefined) throw problems.preconditionFailed();
    const now = deps.clock();
    const withdrawal = withdrawCooperationMandate(current.mandates, body.withdrawnOn ?? brusselsDateOf(now), body.reason);
    if (!withdrawal.ok) throw problems.refusedBy('mandate-withdrawal', 409, withdrawal.message);
    const next = {
      ...current,
      mandates: withdrawal.periods,
      version: current.version + 1,
      updatedAt: now.toISOString(),
      updatedBy: principal.userId,
    };
    const running = await allTrajectoriesWhere(deps, (t) => t.cooperationId === current.cooperationId && !isTrajectoryClosed(t));
    const members = await getFacilities(
      deps,
      current.members.map((m) => m.enterpriseNumber),
    );
    const content = cooperationWithdrawnEmail({
      name: current.name,
      werkingsgebied: current.werkingsgebied,
      withdrawnOn: body.withdrawnOn ?? brusselsDateOf(now),
      reason: body.reason,
      running: running.length,
    });
    const emails = [...members.values()].map((facility) => ({ to: facility.email, ...content }));
    const outcome = await saveCooperationMandates(deps, next, expected, [outboxPut(deps, 'cooperation-withdrawn', emails, now)]);
    if (!outcome.ok) {
      if (outcome.reasons.includes('stale')) throw problems.preconditionFailed();
      throw problems.refusedBy(
        'one-cooperation-per-werkingsgebied',
        409,
        'Another samenwerkingsverband Zorg has since been mandated for it.',
      );
    }
    return {
      status: 200,
      body: {
        ...cooperationView(next),
        trajectoriesToReassign: running.map((t) => ({
          trajectoryId: t.trajectoryId,
          startDate: t.startDate,
          plannedEndDate: t.plannedEndDate,
        })),
      },
      etag: etagOf(next.version),
    };
  },
);
