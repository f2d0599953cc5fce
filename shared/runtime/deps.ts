import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { Logger } from '@aws-lambda-powertools/logger';

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
  logger: Logger;
  /** The address emails are sent from (a verified SES identity in AWS). */
  mailFrom: string;
}

function createDeps(env: NodeJS.ProcessEnv): Deps {
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    clock: () => new Date(),
    tableName: env.TABLE_NAME ?? 'werk-en-zorg',
    ddb,
    ses: new SESv2Client({}),
    logger: new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'werk-en-zorg' }),
    mailFrom: env.MAIL_FROM ?? 'no-reply@werkenzorg.vlaanderen.be',
  };
}

let current: Deps | undefined;

export function getDeps(): Deps {
  current ??= createDeps(process.env);
  return current;
}

/** For tests and the local cloud: replace some dependencies (e.g. a fixed clock). */
export function overrideDeps(partial: Partial<Deps>): Deps {
  current = { ...getDeps(), ...partial };
  return current;
}

/** Forget the dependencies so the next `getDeps` reads the environment again. */
export function resetDeps(): void {
  current = undefined;
}
