import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { GetParameterError } from '@aws-lambda-powertools/parameters/errors';
import { registerClientFactory } from './deps.ts';
import { SDK_CLIENT_CONFIG } from './client-config.ts';

/**
 * How long a secret read from Secrets Manager is kept in the function's memory (Powertools Parameters'
 * cache, per warm instance): a key changed by hand is picked up within this time.
 */
export const SECRET_MAX_AGE_SECONDS = 300;

// Imported by the modules that sign, verify or pseudonymise, so only their functions bundle the Secrets
// Manager client and Powertools Parameters. The client finds the local cloud's endpoint through
// AWS_ENDPOINT_URL_SECRETS_MANAGER, as every other client finds its emulator.
registerClientFactory('secrets', () => {
  const provider = new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient(SDK_CLIENT_CONFIG) });
  return async (secretId: string) => {
    // Powertools wraps the SDK's error; rethrow the SDK's own, so that Secrets Manager not answering is a
    // 503 with Retry-After like any other dependency (shared/http/service-unavailable.ts), not a 500.
    const value = await provider.get(secretId, { maxAge: SECRET_MAX_AGE_SECONDS }).catch((error: unknown) => {
      throw error instanceof GetParameterError && error.cause instanceof Error ? error.cause : error;
    });
    if (typeof value !== 'string') throw new Error(`secret ${secretId} holds no SecretString`);
    return value;
  };
});
