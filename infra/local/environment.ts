import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { LOCAL_DIR, LOCAL_REGION } from './paths.ts';

type LocalKeyName = 'receipt-signing-key' | 'client-pseudonym-key' | 'participant-identity-key';

/** The file of a key under `.local/`, generated on first use (base64, 32 random bytes, readable by its owner only). */
export function localKeyFile(name: LocalKeyName, dir = LOCAL_DIR): string {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return file;
}

/** A key under `.local/` (receipts, client pseudonyms), generated on first use. */
export function localKey(name: LocalKeyName, dir = LOCAL_DIR): string {
  return readFileSync(localKeyFile(name, dir), 'utf8').trim();
}

/**
 * The environment the local cloud gives the handlers: the standard AWS_ENDPOINT_URL_<SERVICE> variables
 * point the SDK clients at the emulators, so the handlers carry no local-only code. The HMAC keys are not
 * here: handlers read them from the local Secrets Manager (secrets.ts), whose `environment` names them.
 */
export function localAwsEnvironment(options: { dynamoDbEndpoint: string; sesEndpoint: string; tableName: string }) {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamoDbEndpoint,
    // DynamoDB Local serves its tables' streams on the same endpoint (the local outbox sender reads one).
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: options.dynamoDbEndpoint,
    AWS_ENDPOINT_URL_SESV2: options.sesEndpoint,
    TABLE_NAME: options.tableName,
    MAIL_FROM: 'no-reply@werkenzorg.vlaanderen.be',
    POWERTOOLS_SERVICE_NAME: 'werk-en-zorg-local',
    DEPARTMENT_EMAIL: 'werkenzorg@departement-wvg.example',
  };
}
