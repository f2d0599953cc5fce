import { SESv2Client } from '@aws-sdk/client-sesv2';
import { registerClientFactory } from './deps.ts';
import { SDK_CLIENT_CONFIG } from './client-config.ts';

// Imported by the modules that send email, so only their functions bundle the SES client.
registerClientFactory('ses', () => new SESv2Client(SDK_CLIENT_CONFIG));
