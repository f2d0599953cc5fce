import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { registerClientFactory } from './deps.ts';
import { BACKGROUND_CLIENT_CONFIG, SDK_CLIENT_CONFIG } from './client-config.ts';

// Imported by every module that reads or writes the table (the stores), so a function whose routes never
// touch it bundles no DynamoDB client (test/unit/bundles.test.ts checks both ways).
registerClientFactory('ddb', (limits, decorate) =>
  DynamoDBDocumentClient.from(decorate(new DynamoDBClient(limits === 'api' ? SDK_CLIENT_CONFIG : BACKGROUND_CLIENT_CONFIG)), {
    marshallOptions: { removeUndefinedValues: true },
  }),
);
