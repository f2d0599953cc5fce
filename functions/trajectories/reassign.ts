import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { casemanagerZorgViolations } from '../../shared/domain/cooperation.ts';
import { holdsValidMandate } from '../../shared/domain/mandate.ts';
import {
  isKnownCasemanagerWerk,
  networkWerkingsgebiedViolations,
  networkWithdrawalViolations,
} from '../../shared/domain/trajectory-rules.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import type { NetworkRecord } from '../../shared/store/selection.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { HttpProblem, problems, type FieldError } from '../../shared/http/problem.ts';
import { hasRole } from '../../shared/http/principal.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { trajectoryReassignedEmail } from '../../shared/email/templates.ts';
import { getCooperation } from '../../shared/store/cooperations.ts';
import { listMandateRequests } from '../../shared/store/mandates.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import {
  getKnownCasemanagerWerk,
  getTrajectory,
  nextVersion,
  saveTrajectory,
  trajectoryView,
  type TrajectoryRecord,
} from '../../shared/store/trajectories.ts';
import { networkWithMembers } from '../../shared/handlers/network-members.ts';
import type { Deps } from '../../shared/runtime/deps.ts';

/**
 * The department names a new casemanager Zorg and/or Werk; a casemanager Zorg of the trajectory's facility
 * takes it over (`takeOver: true`). The previous one loses access at once (access follows the record).
 * The new casemanager Zorg works for a member of the samenwerkingsverband Zorg (2022 rules) or for a
 * network member holding a mandate (2014 rules); the new casemanager Werk is known to the system. Everyone
 * involved before and after is emailed.
 */
export const handler = defineHandler(trajectoryRoutes.reassignTrajectory, async ({ params, body, principal, deps }) => {
  const current = await getTrajectory(deps, params.trajectoryId);
  const department = hasRole(principal, 'department');
  const sameFacility = hasRole(principal, 'casemanager-zorg') && principal.facility === current?.casemanagerZorg.enterpriseNumber;
  if (!current || (!department && !sameFacility)) throw problems.notFound('The trajectory');
  if (isTrajectoryClosed(current))
    throw problems.refusedBy('trajectory-closed', 409, 'The trajectory is closed; it is read-only.');
  const now = deps.clock();
  const changes: Partial<TrajectoryRecord> = {};
  let movedTo: NetworkRecord | undefined;
  if (department) {
    if (body.takeOver) throw problems.validation([{ path: 'takeOver', message: 'Only a casemanager Zorg takes over.' }]);
    const errors: FieldError[] = [];
    const today = brusselsDateOf(now);
    if (body.networkId) {
      // Moving to another network: a standing one, of the trajectory's werkingsgebied, not ended by today.
      const network = body.networkId === current.networkId ? undefined : await getNetwork(deps, body.networkId);
      if (!network) {
        errors.push({
          path: 'networkId',
          message:
            body.networkId === current.networkId
              ? 'The trajectory is with this network already.'
              : 'No appointed network has this id.',
        });
      } else {
        // Trajectories under the 2014 rules have no werkingsgebied of their own: their network's region is it.
        const region = current.werkingsgebied ?? (await getNetwork(deps, current.networkId))?.region ?? network.region;
        errors.push(
          ...networkWerkingsgebiedViolations(network.region, region),
          ...networkWithdrawalViolations(today, network.withdrawnOn),
        );
        changes.networkId = network.networkId;
        movedTo = network;
      }
    }
    const moved = { ...current, ...changes };
    if (body.casemanagerZorg) {
      errors.push(...(await casemanagerZorgErrors(deps, moved, body.casemanagerZorg.enterpriseNumber, today)));
      changes.casemanagerZorg = body.casemanagerZorg;
    } else if (changes.networkId && (current.regime ?? 'DECREE_2014') === 'DECREE_2014') {
      // Under the 2014 rules the casemanager Zorg must work for a member of the new network too.
      errors.push(...(await casemanagerZorgErrors(deps, moved, current.casemanagerZorg.enterpriseNumber, today)));
    }
    if (body.casemanagerWerk) {
      if (!isKnownCasemanagerWerk(await getKnownCasemanagerWerk(deps, body.casemanagerWerk.id))) {
        errors.push({
          path: 'casemanagerWerk.id',
          rule: 'casemanager-werk-known',
          message: 'Not a casemanager Werk known to the system (one who has recorded a trajectory start).',
        });
      }
      changes.casemanagerWerk = body.casemanagerWerk;
    }
    if (errors.length > 0) throw problems.validation(errors);
  } else {
    if (body.casemanagerZorg || body.casemanagerWerk || body.networkId || !body.takeOver) {
      throw new HttpProblem({
        status: 403,
        slug: 'forbidden',
        title: 'Forbidden',
        detail:
          'A casemanager Zorg can only take the trajectory over (takeOver: true); other reassignments are for the department.',
      });
    }
    changes.casemanagerZorg = { id: principal.userId, email: principal.email ?? '', enterpriseNumber: principal.facility! };
  }
  const next = nextVersion(current, changes, { actor: principal.userId, now });
  const action = [
    changes.networkId ? `network ${current.networkId} → ${changes.networkId}` : '',
    changes.casemanagerZorg ? `casemanager-zorg ${current.casemanagerZorg.id} → ${changes.casemanagerZorg.id}` : '',
    changes.casemanagerWerk ? `casemanager-werk ${current.casemanagerWerk.id} → ${changes.casemanagerWerk.id}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const outcome = await saveTrajectory(deps, next, current.version, principal, `reassigned: ${action}`, [
    outboxPut(
      deps,
      'trajectory-reassigned',
      reassignmentEmails(current, next, movedTo && { leadName: await leadNameOf(deps, movedTo), region: movedTo.region }),
      now,
    ),
  ]);
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The trajectory changed at the same time; try again.');
  return { status: 200, body: trajectoryView(next), etag: etagOf(next.version) };
});

async function casemanagerZorgErrors(
  deps: Deps,
  trajectory: TrajectoryRecord,
  enterpriseNumber: string,
  today: string,
): Promise<FieldError[]> {
  if ((trajectory.regime ?? 'DECREE_2014') === 'DECREE_2022') {
    const cooperation = trajectory.cooperationId ? await getCooperation(deps, trajectory.cooperationId) : undefined;
    return casemanagerZorgViolations({
      cooperation,
      enterpriseNumber,
      date: today,
      path: 'casemanagerZorg',
    });
  }
  const { members } = await networkWithMembers(deps, trajectory.networkId);
  if (
    members.has(enterpriseNumber) &&
    holdsValidMandate(await listMandateRequests(deps, enterpriseNumber), 'CASEMANAGER_ZORG', today)
  ) {
    return [];
  }
  return [
    {
      path: 'casemanagerZorg.enterpriseNumber',
      rule: 'casemanager-zorg-facility-mandate',
      message: 'Under the 2014 rules the casemanager Zorg works for a network member holding a valid mandate.',
    },
  ];
}

/** The case managers after the change, and those replaced (told they no longer follow it). */
function reassignmentEmails(
  before: TrajectoryRecord,
  after: TrajectoryRecord,
  movedToNetwork: { leadName: string; region: string } | undefined,
) {
  const names = { casemanagerZorg: after.casemanagerZorg.email, casemanagerWerk: after.casemanagerWerk.email };
  const now = [after.casemanagerZorg.email, after.casemanagerWerk.email];
  const replaced = [before.casemanagerZorg.email, before.casemanagerWerk.email].filter((to) => !now.includes(to));
  return [...now.map((to) => ({ to, stillInvolved: true })), ...replaced.map((to) => ({ to, stillInvolved: false }))]
    .filter(({ to }) => to.length > 0)
    .map(({ to, stillInvolved }) => ({
      to,
      ...trajectoryReassignedEmail({ trajectoryId: after.trajectoryId, ...names, stillInvolved, movedToNetwork }),
    }));
}

async function leadNameOf(deps: Deps, network: NetworkRecord): Promise<string> {
  return (await getFacility(deps, network.leadEnterpriseNumber))?.name ?? network.leadEnterpriseNumber;
}
