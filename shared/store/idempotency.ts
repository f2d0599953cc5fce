import { idempotencyTtlSeconds } from '../domain/retention.ts';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import '../runtime/ddb-client.ts';
import type { Deps } from '../runtime/deps.ts';
import { tableDesign } from './table-design.ts';

/**
 * Idempotency records (Powertools Idempotency, DynamoDB persistence) in the one table: PK IDEMPOTENCY,
 * SK a hash of (caller, route, Idempotency-Key), the stored first response, and `expiresAt` so that
 * DynamoDB's TTL removes them after IDEMPOTENCY_TTL_SECONDS. A response may hold personal data (a created
 * trajectory answers its client reference): the table is encrypted and the record lives a day.
 */
export const IDEMPOTENCY_PARTITION = 'IDEMPOTENCY';
/** Rule `retention-idempotency`: the period in force today (a configuration value, read once per cold start). */
export const IDEMPOTENCY_TTL_SECONDS = idempotencyTtlSeconds(new Date().toISOString().slice(0, 10));

const layers = new Map<string, DynamoDBPersistenceLayer>();

/** The persistence layer for this table, on the deps' own DynamoDB client (its timeouts and retries). */
export function idempotencyPersistence(deps: Deps): DynamoDBPersistenceLayer {
  let layer = layers.get(deps.tableName);
  if (!layer) {
    layer = new DynamoDBPersistenceLayer({
      tableName: deps.tableName,
      keyAttr: tableDesign.partitionKey,
      sortKeyAttr: tableDesign.sortKey,
      staticPkValue: IDEMPOTENCY_PARTITION,
      expiryAttr: tableDesign.timeToLiveAttribute,
      // The document client is a DynamoDBClient with marshalling added to its own commands; Powertools sends
      // low-level commands, which pass through it unchanged.
      awsSdkV3Client: deps.ddb,
    });
    layers.set(deps.tableName, layer);
  }
  return layer;
}
