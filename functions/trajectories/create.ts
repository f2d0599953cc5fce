import { randomUUID } from 'node:crypto';
import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { trajectoryRoutes } from '../../shared/routes/trajectories.ts';
import { holdsValidMandate } from '../../shared/domain/mandate.ts';
import { maxEndDate, minEndDate, trajectoryDateViolations } from '../../shared/domain/trajectory-dates.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { listMandateRequests } from '../../shared/store/mandates.ts';
import { clientKeyOf, insertTrajectory, trajectoryKey, trajectoryView, withIndexKeys } from '../../shared/store/trajectories.ts';
import { actionPaths, networkWithMembers, providerViolations } from '../../shared/handlers/network-members.ts';
import '../../shared/runtime/secrets-client.ts';

export const handler = defineHandler(trajectoryRoutes.createTrajectory, async ({ body, principal, deps }) => {
  const facility = principal.facility;
  if (!facility) throw problems.forbidden();
  const lists = { workActions: body.workActions, careActions: body.careActions };
  const dateErrors = trajectoryDateViolations({
    startDate: body.startDate,
    plannedEndDate: body.plannedEndDate,
    actions: actionPaths(lists),
  });
  const { network, members } = await networkWithMembers(deps, body.networkId);
  const errors = [...dateErrors, ...providerViolations(members, lists)];
  if (errors.length > 0) {
    throw problems.validation(
      errors,
      `The plan breaks a rule; minEndDate ${minEndDate(body.startDate)}, maxEndDate ${maxEndDate(body.startDate)}.`,
    );
  }
  if (!members.has(facility)) {
    throw problems.conflict('not-a-network-member', 'Your facility is not a member of this network.');
  }
  if (!holdsValidMandate(await listMandateRequests(deps, facility), 'CASEMANAGER_ZORG', body.startDate)) {
    throw problems.conflict('no-mandate', `Your facility holds no mandate as casemanager Zorg valid on ${body.startDate}.`);
  }
  const now = deps.clock();
  const at = now.toISOString();
  const trajectoryId = randomUUID();
  const record = withIndexKeys({
    ...trajectoryKey(trajectoryId),
    entity: 'Trajectory',
    trajectoryId,
    networkId: network.networkId,
    casemanagerZorg: { id: principal.userId, email: principal.email ?? '', enterpriseNumber: facility },
    casemanagerWerk: body.casemanagerWerk,
    client: body.client,
    clientKey: await clientKeyOf(deps, body.client.reference),
    startDate: body.startDate,
    plannedEndDate: body.plannedEndDate,
    minEndDate: minEndDate(body.startDate),
    maxEndDate: maxEndDate(body.startDate),
    workActions: body.workActions,
    careActions: body.careActions,
    status: 'ACTIVE',
    noticesArmedFrom: brusselsDateOf(now),
    sentMilestones: [],
    version: 1,
    createdAt: at,
    createdBy: principal.userId,
    updatedAt: at,
    updatedBy: principal.userId,
  });
  const outcome = await insertTrajectory(deps, record, principal);
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
