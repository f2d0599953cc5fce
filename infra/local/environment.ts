import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { LOCAL_DIR, LOCAL_REGION } from './paths.ts';

/** A key under `.local/`, generated on first use (base64, 32 random bytes): receipts, client pseudonyms. */
export function localKey(name: 'receipt-signing-key' | 'client-pseudonym-key', dir = LOCAL_DIR): string {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The environment the local cloud gives the handlers: the standard AWS_ENDPOINT_URL_<SERVICE> variables
 * point the SDK clients at the emulators, so the handlers carry no local-only code.
 */
export function localAwsEnvironment(options: {
  dynamoDbEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  /** Base64 HMAC keys for receipts and client pseudonyms; fresh random ones when not given. */
  receiptSigningKey?: string;
  clientPseudonymKey?: string;
}) {
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
    RECEIPT_SIGNING_KEY: options.receiptSigningKey ?? randomBytes(32).toString('base64'),
    CLIENT_PSEUDONYM_KEY: options.clientPseudonymKey ?? randomBytes(32).toString('base64'),
    DEPARTMENT_EMAIL: 'werkenzorg@departement-wvg.example',
  };
}
