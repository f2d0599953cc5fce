import { LOCAL_REGION } from './paths.ts';

/**
 * The environment the local cloud gives the handlers: the standard AWS_ENDPOINT_URL_<SERVICE> variables
 * point the SDK clients at the emulators, so the handlers carry no local-only code.
 */
export function localAwsEnvironment(options: { dynamoDbEndpoint: string; sesEndpoint: string; tableName: string }) {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamoDbEndpoint,
    AWS_ENDPOINT_URL_SESV2: options.sesEndpoint,
    TABLE_NAME: options.tableName,
    MAIL_FROM: 'no-reply@werkenzorg.vlaanderen.be',
    POWERTOOLS_SERVICE_NAME: 'werk-en-zorg-local',
  };
}
