import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { networkWithdrawalDateViolations } from '../../shared/domain/trajectory-rules.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { networkWithdrawnEmail } from '../../shared/email/templates.ts';
import { getFacilities } from '../../shared/store/facilities.ts';
import { getNetwork, networkView, withdrawNetwork } from '../../shared/store/networks.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { allTrajectoriesWhere } from '../../shared/store/trajectories.ts';

/**
 * The department ends a network from a date (rule `network-withdrawal`): from then no trajectory starts
 * with it; its active trajectories are listed for reassignment (ids and dates, never client data); its lead
 * and partners are emailed with the reason (outbox, with the withdrawal).
 */
export const handler = defineHandler(trajectoryRoutes.withdrawNetwork, async ({ params, body, principal, deps }) => {
  const network = await getNetwork(deps, params.networkId);
  if (!network) throw problems.notFound('The network');
  if (network.withdrawnOn)
    throw problems.refusedBy('network-withdrawal', 409, `The network was ended already, from ${network.withdrawnOn}.`);
  const now = deps.clock();
  const withdrawnOn = body.withdrawnOn ?? brusselsDateOf(now);
  const violations = networkWithdrawalDateViolations(withdrawnOn, brusselsDateOf(now));
  if (violations.length > 0) throw problems.validation(violations);
  const active = await allTrajectoriesWhere(deps, (t) => t.networkId === network.networkId && !isTrajectoryClosed(t));
  const members = await getFacilities(deps, [network.leadEnterpriseNumber, ...network.partners.map((p) => p.enterpriseNumber)]);
  const content = networkWithdrawnEmail({
    region: network.region,
    withdrawnOn,
    reason: body.reason,
    activeTrajectories: active.length,
  });
  const emails = [...members.values()].map((facility) => ({ to: facility.email, ...content }));
  const outcome = await withdrawNetwork(deps, network, { withdrawnOn, reason: body.reason }, { actor: principal.userId, now }, [
    outboxPut(deps, 'network-withdrawn', emails, now),
  ]);
  if (!outcome.ok) throw problems.refusedBy('network-withdrawal', 409, 'The network was ended at the same time.');
  return {
    status: 200,
    body: {
      network: networkView(outcome.record),
      trajectoriesToReassign: active.map((t) => ({
        trajectoryId: t.trajectoryId,
        startDate: t.startDate,
        plannedEndDate: t.plannedEndDate,
      })),
    },
  };
});
