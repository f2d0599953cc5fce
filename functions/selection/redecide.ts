import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { selectionRoutes } from '../../shared/routes/selection.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { networkWithdrawalDateViolations } from '../../shared/domain/trajectory-rules.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import {
  decideByHand,
  lineChanged,
  outcomeChanges,
  redecisionRefusal,
  withRedecisionNote,
  type RedecisionRefusal,
} from '../../shared/domain/redecision.ts';
import { rankRegion, type DecisionLine } from '../../shared/domain/selection.ts';
import { outcomeRedecidedEmail } from '../../shared/email/templates.ts';
import { evaluateApplications } from '../../shared/handlers/evaluate-applications.ts';
import { getApplication, redecidedApplicationUpdate, type ApplicationOutcome } from '../../shared/store/applications.ts';
import { callUpdate, getCall } from '../../shared/store/calls.ts';
import { getFacilities } from '../../shared/store/facilities.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { outboxPuts } from '../../shared/store/outbox.ts';
import { queueItemDelete } from '../../shared/store/queue.ts';
import { lineItem, listLines, networkIdOf, networkItem, redecideRegion, type LineRecord } from '../../shared/store/selection.ts';
import { allTrajectoriesWhere } from '../../shared/store/trajectories.ts';

const REFUSALS: Record<RedecisionRefusal, string> = {
  'call-not-decided': 'The call is not decided: there is no decision to take again.',
  'objection-not-upheld': 'The application named has no upheld objection.',
  'objection-other-region': 'The upheld objection concerns another region than this one.',
  'objection-acted-on': 'The department has already decided the region again on this objection.',
};

/**
 * The department acts on an upheld objection (rule `objection-redecision`): it decides the objection's
 * region again, by ranking its applications anew (`RERUN`) or by appointing and ending networks by hand
 * (`BY_HAND`), with a motivation. One transaction writes it all (store `redecideRegion`); the lead and the
 * partners of every application whose outcome changed are emailed, and the active trajectories of networks
 * that end are listed for reassignment.
 */
export const handler = defineHandler(selectionRoutes.redecideRegion, async ({ params, body, principal, deps }) => {
  const call = await getCall(deps, params.callId);
  if (!call) throw problems.notFound('The call');
  const objected = await getApplication(deps, call.callId, body.objection);
  if (!objected) throw problems.notFound('The application with the objection');
  const refusal = redecisionRefusal(call, objected, params.region);
  if (refusal) throw problems.refusedBy('objection-redecision', 409, REFUSALS[refusal]);
  const runId = call.decisionRunId!;
  const now = deps.clock();
  const today = brusselsDateOf(now);
  const endsOn = body.networksEndOn ?? today;
  const dateViolations = networkWithdrawalDateViolations(endsOn, today).map((v) => ({ ...v, path: 'networksEndOn' }));
  if (dateViolations.length > 0) throw problems.validation(dateViolations);

  const before = (await listLines(deps, call.callId, runId)).filter((line) => line.region === params.region);
  const beforeById = new Map(before.map((line) => [line.applicationId, line]));
  let after: LineRecord[];
  if (body.method === 'BY_HAND') {
    const decided = decideByHand(before, body, call.maxNetworksPerRegion);
    if (!decided.ok) throw problems.validation(decided.violations);
    after = decided.lines.map((line) => ({ ...beforeById.get(line.applicationId)!, ...line }));
  } else {
    const evaluations = await evaluateApplications(
      deps,
      call,
      runId,
      before.map((line) => line.applicationId),
    );
    const byId = new Map(evaluations.map((e) => [e.applicationId, e]));
    after = rankRegion(call.criteria, call.maxNetworksPerRegion, evaluations).map((line) => {
      const evaluation = byId.get(line.applicationId)!;
      return lineItem(call.callId, runId, {
        ...line,
        region: params.region,
        leadEnterpriseNumber: evaluation.leadEnterpriseNumber,
        members: evaluation.members,
        partners: evaluation.partners,
        evaluatedVersion: evaluation.evaluatedVersion,
      });
    });
  }
  const changes = outcomeChanges(before, after);
  const changed = new Set(changes.map((c) => c.applicationId));
  const on = today;
  const written = after
    .filter((line) => lineChanged(beforeById.get(line.applicationId), line))
    .map((line) => ({ ...line, ...withRedecisionNote(line as DecisionLine, on, body.motivation) }));

  // Networks: appointed for the newly selected (the id a selection gives them), ended for those no longer.
  const audit = { actor: principal.userId, now };
  const appointed = changes
    .filter((c) => c.to === 'SELECTED')
    .map((c) => {
      const line = after.find((l) => l.applicationId === c.applicationId)!;
      return networkItem({
        networkId: networkIdOf(call.callId, c.applicationId),
        callId: call.callId,
        runId,
        applicationId: c.applicationId,
        region: params.region,
        leadEnterpriseNumber: line.leadEnterpriseNumber,
        partners: line.partners,
        appointedAt: now.toISOString(),
      });
    });
  const endedIds = changes.filter((c) => c.from === 'SELECTED').map((c) => networkIdOf(call.callId, c.applicationId));
  const standing = await Promise.all(endedIds.map((id) => getNetwork(deps, id)));
  const ended = standing
    .filter((network) => network !== undefined && !network.withdrawnOn)
    .map((network) => ({
      networkId: network!.networkId,
      endsOn,
      reason: body.motivation,
      at: now.toISOString(),
      by: principal.userId,
    }));

  // The applications: the new outcome where the line changed, the objection acted on, a history entry.
  const applications = await Promise.all(
    written.map(async (line) => ({ line, record: await getApplication(deps, call.callId, line.applicationId) })),
  );
  const trackingOf = new Map(applications.map(({ line, record }) => [line.applicationId, record?.trackingNumber ?? '']));
  trackingOf.set(objected.applicationId, objected.trackingNumber);
  const outcomeOf = (line: LineRecord): ApplicationOutcome => ({
    runId,
    status: line.outcome,
    score: line.score,
    rank: line.rank,
    reasons: line.reasons,
    evaluatedVersion: line.evaluatedVersion,
    ...(line.outcome === 'SELECTED' ? { networkId: networkIdOf(call.callId, line.applicationId) } : {}),
  });
  const updates = written.map((line) =>
    redecidedApplicationUpdate(deps, call.callId, line.applicationId, {
      outcome: outcomeOf(line),
      ...(line.applicationId === objected.applicationId
        ? { actsOnObjection: { at: now.toISOString(), by: principal.userId } }
        : {}),
      entry: historyEntry(audit, 'outcome-redecided', {
        from: beforeById.get(line.applicationId)?.outcome,
        to: line.outcome,
        details: { method: body.method, objection: objected.trackingNumber },
      }),
    }),
  );
  if (!written.some((line) => line.applicationId === objected.applicationId)) {
    updates.push(
      redecidedApplicationUpdate(deps, call.callId, objected.applicationId, {
        actsOnObjection: { at: now.toISOString(), by: principal.userId },
        entry: historyEntry(audit, 'objection-acted-on', { details: { method: body.method, outcomeChanged: false } }),
      }),
    );
  }

  // The emails: lead and partners of each application whose outcome changed.
  const members = after.filter((line) => changed.has(line.applicationId));
  const facilities = await getFacilities(
    deps,
    members.flatMap((line) => [line.leadEnterpriseNumber, ...line.partners.map((p) => p.enterpriseNumber)]),
  );
  const emails = changes.flatMap((change) => {
    const line = after.find((l) => l.applicationId === change.applicationId)!;
    const content = outcomeRedecidedEmail({
      callTitle: call.title,
      trackingNumber: trackingOf.get(change.applicationId) ?? '',
      region: params.region,
      from: change.from,
      to: change.to,
      motivation: body.motivation,
      ...(change.from === 'SELECTED' ? { networkEndsOn: endsOn } : {}),
    });
    return [line.leadEnterpriseNumber, ...line.partners.map((p) => p.enterpriseNumber)].flatMap((en) => {
      const facility = facilities.get(en);
      return facility ? [{ to: facility.email, ...content }] : [];
    });
  });

  const entry = historyEntry(audit, 'region-redecided', {
    details: {
      region: params.region,
      method: body.method,
      objection: objected.trackingNumber,
      motivation: body.motivation,
      changes: changes.map((c) => ({ trackingNumber: trackingOf.get(c.applicationId), from: c.from, to: c.to })),
    },
  });
  const outcome = await redecideRegion(
    deps,
    {
      call: callUpdate(deps, call.callId, {}, entry, { version: call.version, status: 'DECIDED' }, audit),
      applications: updates,
      lines: written,
      appointed,
      ended,
    },
    [
      ...outboxPuts(deps, 'region-redecided', emails, now),
      // The upheld objection leaves the department's queue with the re-decision.
      queueItemDelete(deps, 'OBJECTION', objected.objection!.lodgedAt, objected.applicationId),
    ],
  );
  if (!outcome.ok) {
    if (outcome.reasons.includes('too-large'))
      throw problems.refusedBy(
        'objection-redecision',
        409,
        'This re-decision changes more than one transaction can hold; decide it by hand in smaller steps.',
      );
    throw problems.conflict(
      'redecision-conflict',
      'The call, the objection or a network changed at the same time; read them again.',
    );
  }

  const endedSet = new Set(ended.map((n) => n.networkId));
  const active =
    endedSet.size === 0
      ? []
      : await allTrajectoriesWhere(deps, (t) => t.networkId !== undefined && endedSet.has(t.networkId) && !isTrajectoryClosed(t));
  const decisionNow = after.map((line) => written.find((w) => w.applicationId === line.applicationId) ?? line);
  return {
    status: 200,
    body: {
      callId: call.callId,
      region: params.region,
      method: body.method,
      objection: objected.applicationId,
      motivation: body.motivation,
      decidedAt: now.toISOString(),
      changes: changes.map((c) => ({
        applicationId: c.applicationId,
        trackingNumber: trackingOf.get(c.applicationId) ?? '',
        from: c.from,
        to: c.to,
        networkId: networkIdOf(call.callId, c.applicationId),
      })),
      decision: decisionNow.map((line) => ({
        applicationId: line.applicationId,
        leadEnterpriseNumber: line.leadEnterpriseNumber,
        score: line.score,
        rank: line.rank,
        outcome: line.outcome,
        reasons: line.reasons,
      })),
      trajectoriesToReassign: active.map((t) => ({
        trajectoryId: t.trajectoryId,
        networkId: t.networkId,
        startDate: t.startDate,
        plannedEndDate: t.plannedEndDate,
      })),
    },
  };
});
