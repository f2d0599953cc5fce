import { GetCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import type { Region } from '../domain/reference-data.ts';
import { getCall, type CallRecord } from './calls.ts';
import { queryPage, type Page } from './query-page.ts';
import { updateTogether, type TransactItem, type WriteOutcome } from './transaction.ts';
import type { NetworkRecord } from './selection.ts';

/**
 * A network counts when its call is DECIDED with the run that wrote it (or it was registered by hand):
 * networks written by a run that failed before its commit are never shown.
 */
export function networkStands(network: NetworkRecord, call: Pick<CallRecord, 'status' | 'decisionRunId'> | undefined): boolean {
  if (network.registeredManually) return true;
  return call?.status === 'DECIDED' && call.decisionRunId === network.runId;
}

export async function getNetwork(deps: Deps, networkId: string): Promise<NetworkRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: { PK: `NETWORK#${networkId}`, SK: 'NETWORK' }, ConsistentRead: true }),
  );
  const network = result.Item as NetworkRecord | undefined;
  if (!network) return undefined;
  return networkStands(network, network.registeredManually ? undefined : await getCall(deps, network.callId))
    ? network
    : undefined;
}

/** Standing networks, by call (GSI2) or all (GSI1), optionally of one region; sorted by region. */
export async function listNetworks(
  deps: Deps,
  request: { region?: Region; callId?: string; limit: number; cursor?: string },
): Promise<Page<NetworkRecord>> {
  const calls = new Map<string, Pick<CallRecord, 'status' | 'decisionRunId'> | undefined>();
  const callOf = (callId: string) => calls.get(callId);
  // The predicate must be synchronous, so the calls of a page are looked up ahead in a first pass.
  const page = await queryPage<NetworkRecord & Record<string, unknown>>(deps, {
    ...(request.callId
      ? { index: 'GSI2' as const, partition: `NETWORKS#CALL#${request.callId}` }
      : { index: 'GSI1' as const, partition: 'NETWORKS' }),
    limit: request.limit,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    prefetch: async (items) => {
      for (const item of items) {
        if (!item.registeredManually && !calls.has(item.callId)) calls.set(item.callId, await getCall(deps, item.callId));
      }
    },
    where: (n) => (!request.region || n.region === request.region) && networkStands(n, callOf(n.callId)),
  });
  return page;
}

export function networkView(network: NetworkRecord) {
  return {
    networkId: network.networkId,
    callId: network.callId,
    region: network.region,
    leadEnterpriseNumber: network.leadEnterpriseNumber,
    partners: network.partners,
    appointedAt: network.appointedAt,
    ...(network.applicationId ? { applicationId: network.applicationId } : {}),
    ...(network.withdrawnOn ? { withdrawnOn: network.withdrawnOn, withdrawalReason: network.withdrawalReason } : {}),
  };
}

/**
 * Ends a network from `withdrawnOn`, with the reason, once (`already-withdrawn` when it was), with `also`
 * (the members' emails, outbox) in the same transaction.
 */
export async function withdrawNetwork(
  deps: Deps,
  network: NetworkRecord,
  withdrawal: { withdrawnOn: string; reason: string },
  audit: { actor: string; now: Date },
  also: ReadonlyArray<TransactItem | undefined>,
): Promise<WriteOutcome<'already-withdrawn', NetworkRecord>> {
  const fields = {
    withdrawnOn: withdrawal.withdrawnOn,
    withdrawalReason: withdrawal.reason,
    withdrawnAt: audit.now.toISOString(),
    withdrawnBy: audit.actor,
  };
  const outcome = await updateTogether(
    deps,
    {
      TableName: deps.tableName,
      Key: { PK: network.PK, SK: network.SK },
      UpdateExpression: 'SET withdrawnOn = :on, withdrawalReason = :reason, withdrawnAt = :at, withdrawnBy = :by',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(withdrawnOn)',
      ExpressionAttributeValues: {
        ':on': fields.withdrawnOn,
        ':reason': fields.withdrawalReason,
        ':at': fields.withdrawnAt,
        ':by': fields.withdrawnBy,
      },
    },
    also,
  );
  return outcome.ok ? { ok: true, record: { ...network, ...fields } } : { ok: false, reasons: ['already-withdrawn'] };
}
