/**
 * The single-table design, defined once: CDK creates the table from it and the local cloud creates the
 * DynamoDB Local table from it.
 *
 * Access patterns (entity → keys; which index answers which query):
 *
 * | # | Access pattern                                   | Index | Key condition                                              |
 * |---|--------------------------------------------------|-------|------------------------------------------------------------|
 * | 1 | Get a facility by enterprise number              | table | PK = FACILITY#<en>, SK = PROFILE                           |
 * | 2 | List all facilities, by enterprise number        | GSI1  | GSI1PK = FACILITIES, GSI1SK = <en>                         |
 * | 3 | List the facilities of a province                | GSI2  | GSI2PK = FACILITIES#PROVINCE#<province>, GSI2SK = <en>     |
 * | 4 | Facilities recognised by authority X on date D   | GSI1  | pattern 2, filtered in code by `isRecognisedBy` (recognitions live inside the facility item) |
 * | 5 | Get a call                                       | table | PK = CALL#<callId>, SK = CALL                              |
 * | 6 | List calls, oldest first (status/region in code) | GSI1  | GSI1PK = CALLS, GSI1SK = <createdAt>#<callId>              |
 * | 7 | Get an application                               | table | PK = CALL#<callId>, SK = APP#<applicationId>               |
 * | 8 | List a call's applications (filters in code)     | table | PK = CALL#<callId>, SK begins_with APP#                    |
 * | 9 | Find an application by id alone (receipts)       | GSI1  | GSI1PK = APPLICATION#<applicationId>                       |
 * |10 | One application per lead, call and region        | table | PK = CALL#<callId>, SK = LEAD#<region>#<en> (marker, written in the same transaction) |
 * |11 | Submitted versions of an application (immutable) | table | PK = CALL#<callId>, SK begins_with APPVER#<applicationId># |
 * |12 | A reviewer's declaration / review                | table | PK = CALL#<callId>, SK = DECL#… / REVIEW#<applicationId>#<reviewer> |
 * |13 | All reviews of an application                    | table | PK = CALL#<callId>, SK begins_with REVIEW#<applicationId># |
 * |14 | Selection runs, batches, evaluations, lines      | table | PK = CALL#<callId>, SK begins_with RUN#<runId>#…           |
 * |15 | Networks: one / all / of a call                  | table / GSI1 / GSI2 | NETWORK#<id> · NETWORKS, <region>#… · NETWORKS#CALL#<callId> |
 * |16 | Mandate requests of a facility / one by id       | table / GSI1 | PK = FACILITY#<en>, SK begins_with MANDATE# · MANDATE_REQUEST#<id> |
 * |17 | Get a trajectory, its audit trail, notices       | table | PK = TRAJECTORY#<id>, SK = TRAJECTORY / AUDIT#… / NOTICE#… |
 * |18 | Trajectories of a casemanager Zorg / Werk        | GSI1 / GSI2 | CMZ#<sub> / CMW#<sub>, <startDate>#<id>                |
 * |19 | All trajectories (department, statistics)        | GSI3  | GSI3PK = TRAJECTORIES, GSI3SK = <startDate>#<id>           |
 * |20 | Trajectories with a notice due on or before D    | GSI4 (sparse) | GSI4PK = NOTICES, GSI4SK <= <D>#~ (only those due are read) |
 * |21 | One active trajectory per client                 | table | PK = CLIENT#<HMAC of the client reference>, SK = ACTIVE      |
 * |22 | Outbox entries pending delivery, oldest first    | GSI4 (sparse) | GSI4PK = OUTBOX, GSI4SK < <instant> (delivered ones leave it) |
 * |23 | Samenwerkingsverbanden Zorg: one / all / of a werkingsgebied | table / GSI1 / GSI2 | COOPERATION#<id> · COOPERATIONS, <werkingsgebied>#… · COOPERATIONS#<werkingsgebied> |
 * |24 | The samenwerkingsverband mandated for a werkingsgebied | table | PK = WERKINGSGEBIED#<werkingsgebied>, SK = COOPERATION (marker: its id, the end of its mandate) |
 * |25 | Casemanagers Werk known to the system            | table | PK = CASEMANAGER_WERK#<sub>, SK = PROFILE (written with each start they record) |
 * |26 | AMA agreements of a begeleider / all, by start   | GSI1 / GSI3 | FACILITY#<en>#AMA · AMA_AGREEMENTS, <startDate>#<id>       |
 * |27 | The department's queues: every mandate / extension request, oldest first | GSI2 | MANDATE_REQUESTS · EXTENSION_REQUESTS, <createdAt>#<id> |
 * |28 | The department's work queue: what waits, per kind, oldest first | table | PK = QUEUE#<kind>, SK = <since>#<subjectId> (only while it waits) |
 * |29 | A facility's subscription to calls / every subscriber | table / GSI1 | PK = FACILITY#<en>, SK = CALL_SUBSCRIPTION · CALL_SUBSCRIBERS, <en> |
 * |30 | A call's reminder / deadline-passed message, once per deadline | table | PK = CALL#<callId>, SK = REMINDER#<deadline> · DEADLINE_PASSED#<deadline> (claim marker, with its outbox entries) |
 * |31 | Records whose personal data are due to go on or before D | GSI4 (sparse) | GSI4PK = RETENTION, GSI4SK <= <D>#~ (closed trajectories, ended agreements, while they hold the data) |
 *
 * Recognitions are a map inside the facility item (a facility has a handful): adding or withdrawing one is
 * a single conditional update, so the facility and its recognitions never disagree.
 * `expiresAt` (epoch seconds) is the TTL attribute; DynamoDB Local does not reliably expire items, so
 * code that reads expiring items filters on it too.
 */
/** The sparse GSI4 partition of records whose personal data go on a day (sort key `<day>#<kind>#<id>`; pattern 31). */
export const RETENTION_PARTITION = 'RETENTION';

export interface KeyDesign {
  partitionKey: string;
  sortKey: string;
}

export interface IndexDesign extends KeyDesign {
  indexName: string;
}

export interface TableDesign extends KeyDesign {
  globalSecondaryIndexes: readonly IndexDesign[];
  timeToLiveAttribute: string;
  /** The change stream: keys only (the outbox sender reads the entry; no record's data flows through it). */
  stream: 'KEYS_ONLY';
}

export const tableDesign = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
    // Sparse: only active trajectories with a notice still to come, and outbox entries not yet delivered, carry GSI4 keys.
    { indexName: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
  ],
  timeToLiveAttribute: 'expiresAt',
  stream: 'KEYS_ONLY',
} as const satisfies TableDesign;

export type IndexName = (typeof tableDesign.globalSecondaryIndexes)[number]['indexName'];

/** The key attributes a page cursor for `index` (or the table) must carry. */
export function keyAttributesOf(index?: IndexName): string[] {
  const base = [tableDesign.partitionKey, tableDesign.sortKey];
  if (!index) return base;
  const gsi = tableDesign.globalSecondaryIndexes.find((i) => i.indexName === index);
  if (!gsi) throw new Error(`unknown index ${index}`);
  return [...base, gsi.partitionKey, gsi.sortKey];
}

export function partitionKeyOf(index?: IndexName): string {
  if (!index) return tableDesign.partitionKey;
  return tableDesign.globalSecondaryIndexes.find((i) => i.indexName === index)!.partitionKey;
}

/** The CreateTable input for this design (DynamoDB Local and tests; CDK builds the same from `tableDesign`). */
export function createTableInput(tableName: string) {
  const attributeNames = new Set<string>([tableDesign.partitionKey, tableDesign.sortKey]);
  for (const gsi of tableDesign.globalSecondaryIndexes) {
    attributeNames.add(gsi.partitionKey);
    attributeNames.add(gsi.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributeNames].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDesign.stream },
  };
}
