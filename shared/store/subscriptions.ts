import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import type { CallSubscription } from '../domain/call-audience.ts';
import type { Region } from '../domain/reference-data.ts';
import { facilityPartition } from './facilities.ts';
import { queryAll } from './query-all.ts';

/**
 * A facility's subscription to calls (PK FACILITY#<en>, SK CALL_SUBSCRIPTION; GSI1 CALL_SUBSCRIBERS to list
 * every subscriber when a call is published: a few hundred facilities at most).
 */
export interface SubscriptionRecord extends CallSubscription {
  PK: string;
  SK: 'CALL_SUBSCRIPTION';
  entity: 'CallSubscription';
  GSI1PK: typeof SUBSCRIBERS;
  GSI1SK: string;
  email: string;
  updatedAt: string;
  updatedBy: string;
}

const SUBSCRIBERS = 'CALL_SUBSCRIBERS';
const subscriptionKey = (enterpriseNumber: string) => ({
  PK: facilityPartition(enterpriseNumber),
  SK: 'CALL_SUBSCRIPTION' as const,
});

/** Subscribes (or changes the subscription of) a facility; the email is the facility's address at that moment. */
export async function putSubscription(
  deps: Deps,
  input: { enterpriseNumber: string; allRegions: boolean; regions: readonly Region[]; email: string },
  audit: { actor: string; now: Date },
): Promise<SubscriptionRecord> {
  const record: SubscriptionRecord = {
    ...subscriptionKey(input.enterpriseNumber),
    entity: 'CallSubscription',
    GSI1PK: SUBSCRIBERS,
    GSI1SK: input.enterpriseNumber,
    enterpriseNumber: input.enterpriseNumber,
    allRegions: input.allRegions,
    regions: [...new Set(input.regions)].sort(),
    email: input.email,
    updatedAt: audit.now.toISOString(),
    updatedBy: audit.actor,
  };
  await deps.ddb.send(new PutCommand({ TableName: deps.tableName, Item: record }));
  return record;
}

export async function getSubscription(deps: Deps, enterpriseNumber: string): Promise<SubscriptionRecord | undefined> {
  const result = await deps.ddb.send(
    new GetCommand({ TableName: deps.tableName, Key: subscriptionKey(enterpriseNumber), ConsistentRead: true }),
  );
  return result.Item as SubscriptionRecord | undefined;
}

/** Ends a subscription; false when there was none. */
export async function deleteSubscription(deps: Deps, enterpriseNumber: string): Promise<boolean> {
  const result = await deps.ddb.send(
    new DeleteCommand({ TableName: deps.tableName, Key: subscriptionKey(enterpriseNumber), ReturnValues: 'ALL_OLD' }),
  );
  return result.Attributes !== undefined;
}

export async function listSubscriptions(deps: Deps): Promise<SubscriptionRecord[]> {
  const { items } = await queryAll<SubscriptionRecord>(deps, {
    index: 'GSI1',
    keyCondition: 'GSI1PK = :pk',
    values: { ':pk': SUBSCRIBERS },
  });
  return items;
}

export function subscriptionView(record: SubscriptionRecord) {
  return {
    enterpriseNumber: record.enterpriseNumber,
    allRegions: record.allRegions,
    regions: record.regions,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}
