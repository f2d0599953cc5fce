import { redactPersonalData } from './redaction.ts';
import { now } from './clock.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { Logger } from '@aws-lambda-powertools/logger';
import { SECRET_ID_VARIABLES } from './secret-ids.ts';

/**
 * Everything a handler depends on, created once per cold start. SDK clients find the local emulators
 * through the standard AWS_ENDPOINT_URL_<SERVICE> variables, so there is no local-only code here.
 * Tests replace parts (a fixed clock, say) with `overrideDeps`.
 */
export interface Deps {
  clock: () => Date;
  tableName: string;
  ddb: DynamoDBDocumentClient;
  ses: SESv2Client;
  sfn: SFNClient;
  logger: Logger;
  /** The address emails are sent from (a verified SES identity in AWS). */
  mailFrom: string;
  /**
   * The HMAC key that signs submission receipts, read at run time from the Secrets Manager secret named
   * by RECEIPT_SIGNING_KEY_SECRET_ID (its ARN in AWS; the local cloud serves it on its own Secrets Manager
   * endpoint) through Powertools Parameters, cached (secrets-client.ts). The value is never in the
   * environment. The module that calls it imports `shared/runtime/secrets-client.ts`.
   */
  receiptKey: () => Promise<Buffer>;
  /** The HMAC key that turns a client reference into the key of its one-active-trajectory marker (CLIENT_PSEUDONYM_KEY_SECRET_ID). */
  pseudonymKey: () => Promise<Buffer>;
  /** Where reports for the department go (failed notices). */
  departmentEmail: string;
  /** The department's portal (PORTAL_URL), linked from every email when configured. */
  portalUrl?: string;
  /**
   * Envelope encryption of participants' identities (the AWS Encryption SDK; participant-cipher.ts, which
   * the module that uses it imports). Built on first use.
   */
  participantCipher: ParticipantCipher;
}

/** Encrypts and decrypts one field's value under an encryption context (purpose and record id, never personal data). */
export interface ParticipantCipher {
  encrypt(plaintext: Uint8Array, context: Record<string, string>): Promise<Uint8Array>;
  decrypt(ciphertext: Uint8Array, context: Record<string, string>): Promise<Uint8Array>;
}

/** Reads a secret's SecretString by id; registered by secrets-client.ts (Powertools Parameters, cached). */
export type SecretReader = (secretId: string) => Promise<string>;

/** An HMAC key held in the secret the variable names (base64, at least 32 bytes), read on each use through the cache. */
function secretKey(env: NodeJS.ProcessEnv, variable: string, reader: () => SecretReader): () => Promise<Buffer> {
  return async () => {
    const secretId = env[variable];
    if (!secretId) throw new Error(`${variable} is not configured`);
    const key = Buffer.from(await reader()(secretId), 'base64');
    if (key.length < 32) throw new Error(`the secret named by ${variable} must hold at least 32 bytes`);
    return key;
  };
}

/** Which DynamoDB client limits: the API's, or the background functions' (longer waits). */
export type DdbLimits = 'api' | 'background';

/**
 * The DynamoDB, email, Step Functions and Secrets Manager clients are not imported here: a function bundles
 * them only when one of its modules imports `ddb-client.ts` (every store does), `ses-client.ts`,
 * `sfn-client.ts` or `secrets-client.ts`, which register how to build them. A function whose routes never
 * touch the table (the rules' reference function) then bundles no SDK at all.
 */
const clientFactories: {
  ddb?: (limits: DdbLimits, decorate: <C extends object>(client: C) => C) => DynamoDBDocumentClient;
  ses?: () => SESv2Client;
  sfn?: () => SFNClient;
  secrets?: () => SecretReader;
  participantCipher?: () => ParticipantCipher;
} = {};

export function registerClientFactory<K extends keyof typeof clientFactories>(
  name: K,
  factory: NonNullable<(typeof clientFactories)[K]>,
): void {
  clientFactories[name] = factory;
}

function registered<K extends Exclude<keyof typeof clientFactories, 'ddb'>>(
  name: K,
): ReturnType<NonNullable<(typeof clientFactories)[K]>> {
  const factory = clientFactories[name];
  if (!factory) throw new Error(`no ${name} client: the module that uses it must import the module that registers it`);
  const built = factory() as ReturnType<NonNullable<(typeof clientFactories)[K]>>;
  // Only SDK clients are decorated (traced); the secret reader and the cipher are plain functions over them.
  return 'middlewareStack' in built ? decorate(built) : built;
}

/**
 * What every SDK client passes through when it is built: nothing by default; tracing.ts registers
 * Powertools Tracer's capture there, in the functions that import it (background functions).
 */
let decorate: <C extends object>(client: C) => C = (client) => client;

export function registerClientDecorator(decorator: <C extends object>(client: C) => C): void {
  decorate = decorator;
}

/** The document client every function that touches the table uses, with the given client limits. */
function documentClient(limits: DdbLimits): DynamoDBDocumentClient {
  const factory = clientFactories.ddb;
  if (!factory) throw new Error('no ddb client: the module that uses it must import shared/runtime/ddb-client.ts');
  return factory(limits, decorate);
}

function createDeps(env: NodeJS.ProcessEnv): Deps {
  // Built on first use, as the others: a function that never touches the table never builds it.
  let ddb: DynamoDBDocumentClient | undefined;
  // Email and Step Functions clients are built on first use: most functions never need them.
  let ses: SESv2Client | undefined;
  let sfn: SFNClient | undefined;
  let secrets: SecretReader | undefined;
  let participantCipher: ParticipantCipher | undefined;
  const secretReader = () => (secrets ??= registered('secrets'));
  return {
    clock: now,
    tableName: env.TABLE_NAME ?? 'werk-en-zorg',
    get ddb() {
      return (ddb ??= documentClient('api'));
    },
    get ses() {
      return (ses ??= registered('ses'));
    },
    get sfn() {
      return (sfn ??= registered('sfn'));
    },
    logger: new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'werk-en-zorg', jsonReplacerFn: redactPersonalData }),
    mailFrom: env.MAIL_FROM ?? 'no-reply@werkenzorg.vlaanderen.be',
    receiptKey: secretKey(env, SECRET_ID_VARIABLES.receiptKey, secretReader),
    pseudonymKey: secretKey(env, SECRET_ID_VARIABLES.pseudonymKey, secretReader),
    departmentEmail: env.DEPARTMENT_EMAIL ?? 'werkenzorg@vlaanderen.be',
    ...(env.PORTAL_URL ? { portalUrl: env.PORTAL_URL } : {}),
    get participantCipher() {
      return (participantCipher ??= registered('participantCipher'));
    },
  };
}

let root: Deps | undefined;
let current: Deps | undefined;
let backgroundDdb: DynamoDBDocumentClient | undefined;

/**
 * For workflow tasks and scheduled jobs: the dependencies of `getDeps`, with a DynamoDB client that
 * waits longer (BACKGROUND_CLIENT_CONFIG): they write in batches for minutes and nobody waits on them,
 * so a slow answer is better than a retried batch. A client a test put in place is kept.
 */
export function getBackgroundDeps(): Deps {
  const deps = getDeps();
  if (deps.ddb !== root!.ddb) return deps;
  backgroundDdb ??= documentClient('background');
  return Object.create(deps, { ddb: { value: backgroundDdb, enumerable: true } }) as Deps;
}

export function getDeps(): Deps {
  root ??= createDeps(process.env);
  current ??= root;
  return current;
}

/** For tests and the local cloud: replace some dependencies (e.g. a fixed clock). */
export function overrideDeps(partial: Partial<Deps>): Deps {
  // Layer the given dependencies over the created ones (whose clients stay lazy); earlier overrides are replaced.
  getDeps();
  current = Object.defineProperties(Object.create(root!) as Deps, Object.getOwnPropertyDescriptors(partial));
  return current;
}

/** Forget the dependencies so the next `getDeps` reads the environment again. */
export function resetDeps(): void {
  root = undefined;
  current = undefined;
  backgroundDdb = undefined;
}
