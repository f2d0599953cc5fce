// `npm run migrate:retention-keys`: gives trajectories closed and agreements ended before the retention index
// existed their RETENTION keys (shared/store/retention.ts#backfillRetentionKeys). Run once per table, with the
// table and credentials of the environment (TABLE_NAME; locally AWS_ENDPOINT_URL_DYNAMODB as `npm start` prints).
import { backfillRetentionKeys } from '../../shared/store/retention.ts';
import { getDeps } from '../../shared/runtime/deps.ts';

const deps = getDeps();
const result = await backfillRetentionKeys(deps);
process.stdout.write(
  `${deps.tableName}: ${result.read} trajectories and agreements read, ${result.keyed} given retention keys\n`,
);
deps.ddb.destroy();
