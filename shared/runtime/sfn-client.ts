import { SFNClient } from '@aws-sdk/client-sfn';
import { registerClientFactory } from './deps.ts';
import { SDK_CLIENT_CONFIG } from './client-config.ts';

// Imported by the modules that start executions, so only their functions bundle the Step Functions client.
registerClientFactory('sfn', () => new SFNClient(SDK_CLIENT_CONFIG));
