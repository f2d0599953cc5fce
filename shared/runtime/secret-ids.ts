/**
 * The environment variables that name the secrets a function may read: the secret's ARN in AWS, its name
 * in the local cloud. Never a value: handlers read the value at run time (deps.ts, secrets-client.ts).
 * The CDK app sets them on exactly the functions granted the secret.
 */
export const SECRET_ID_VARIABLES = {
  receiptKey: 'RECEIPT_SIGNING_KEY_SECRET_ID',
  pseudonymKey: 'CLIENT_PSEUDONYM_KEY_SECRET_ID',
} as const;
