import { randomUUID } from 'node:crypto';
import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems, type FieldError } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { maxEndDate, minEndDate, trajectoryDateViolations } from '../../shared/domain/trajectory-dates.ts';
import {
  clientAgeViolations,
  networkWerkingsgebiedViolations,
  networkWithdrawalViolations,
  providerViolations,
  startAfterAppointmentViolations,
} from '../../shared/domain/trajectory-rules.ts';
import { casemanagerZorgViolations } from '../../shared/domain/cooperation.ts';
import { trajectoryRegimeOn } from '../../shared/domain/rules/parameters.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { trajectoryAssignedEmail } from '../../shared/email/templates.ts';
import { cooperationOfWerkingsgebied } from '../../shared/store/cooperations.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { clientKeyOf, insertTrajectory, trajectoryKey, trajectoryView, withIndexKeys } from '../../shared/store/trajectories.ts';
import { actionPaths, networkWithMembers } from '../../shared/handlers/network-members.ts';
import '../../shared/runtime/secrets-client.ts';

/**
 * VDAB's decision that a trajectory starts (rule `trajectory-start-decided-by-vdab`), recorded by its
 * casemanager Werk, the caller: the werkingsgebied, the network, the casemanager Zorg assigned from the
 * werkingsgebied's samenwerkingsverband Zorg, the client's pseudonymous reference and birth date, the start
 * and the planned end. The plan may follow; both case managers confirm it.
 */
export const handler = defineHandler(trajectoryRoutes.createTrajectory, async ({ body, principal, deps }) => {
  const now = deps.clock();
  const requestedOn = brusselsDateOf(now);
  const lists = { workActions: body.workActions, careActions: body.careActions };
  const { network, members } = await networkWithMembers(deps, body.networkId);
  const cooperation = await cooperationOfWerkingsgebied(deps, body.werkingsgebied);
  const errors: FieldError[] = [
    ...trajectoryDateViolations({ startDate: body.startDate, plannedEndDate: body.plannedEndDate, actions: actionPaths(lists) }),
    ...clientAgeViolations(body.client.birthDate, body.startDate),
    ...startAfterAppointmentViolations(body.startDate, brusselsDateOf(new Date(network.appointedAt))),
    ...networkWerkingsgebiedViolations(network.region, body.werkingsgebied),
    ...networkWithdrawalViolations(body.startDate, network.withdrawnOn),
    ...casemanagerZorgViolations({
      cooperation,
      enterpriseNumber: body.casemanagerZorg.enterpriseNumber,
      date: body.startDate,
      path: 'casemanagerZorg',
    }),
    ...providerViolations(members, lists),
  ];
  if (errors.length > 0) {
    throw problems.validation(
      errors,
      `The start breaks a rule; minEndDate ${minEndDate(body.startDate, requestedOn)}, maxEndDate ${maxEndDate(body.startDate, requestedOn)}.`,
    );
  }
  const at = now.toISOString();
  const trajectoryId = randomUUID();
  const clientKey = await clientKeyOf(deps, body.client.reference);
  const record = withIndexKeys({
    ...trajectoryKey(trajectoryId),
    entity: 'Trajectory',
    trajectoryId,
    networkId: network.networkId,
    casemanagerZorg: body.casemanagerZorg,
    casemanagerWerk: { id: principal.userId, email: principal.email ?? '' },
    client: body.client,
    clientKey,
    startDate: body.startDate,
    plannedEndDate: body.plannedEndDate,
    minEndDate: minEndDate(body.startDate, requestedOn),
    maxEndDate: maxEndDate(body.startDate, requestedOn),
    workActions: body.workActions,
    careActions: body.careActions,
    status: 'ACTIVE',
    regime: trajectoryRegimeOn(requestedOn),
    requestedOn,
    werkingsgebied: body.werkingsgebied,
    ...(cooperation ? { cooperationId: cooperation.cooperationId } : {}),
    planConfirmations: {},
    noticesArmedFrom: requestedOn,
    sentMilestones: [],
    version: 1,
    createdAt: at,
    createdBy: principal.userId,
    updatedAt: at,
    updatedBy: principal.userId,
  });
  const email = {
    to: body.casemanagerZorg.email,
    ...trajectoryAssignedEmail({ trajectoryId, startDate: body.startDate, werkingsgebied: body.werkingsgebied }),
  };
  const outcome = await insertTrajectory(deps, { ...record, clientKey }, principal, [
    outboxPut(deps, 'trajectory-assigned', [email], now),
  ]);
  if (!outcome.ok) {
    // Never echo the client reference: the conflict is described without it.
    throw problems.conflict('client-has-active-trajectory', 'This client already has an active trajectory.');
  }
  deps.logger.info('trajectory created', { trajectoryId: record.trajectoryId, networkId: network.networkId });
  return {
    status: 201,
    body: trajectoryView(record),
    etag: etagOf(record.version),
    headers: { location: `/trajectories/${record.trajectoryId}` },
  };
});
