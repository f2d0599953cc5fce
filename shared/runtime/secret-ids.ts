/**
 * The environment variables that name the secrets a function may read: the secret's ARN in AWS, its name
 * in the local cloud. Never a value: handlers read the value at run time (deps.ts, secrets-client.ts).
 * The CDK app sets them on exactly the functions granted the secret.
 */
export const SECRET_ID_VARIABLES = {
  receiptKey: 'RECEIPT_SIGNING_KEY_SECRET_ID',
  pseudonymKey: 'CLIENT_PSEUDONYM_KEY_SECRET_ID',
} as const;

/**
 * The variables that name the key of participants' identities (participant-cipher.ts): the KMS key's ARN in
 * AWS; in the local cloud and the tests, the file holding a raw AES key. Neither holds key material.
 */
export const PARTICIPANT_KEY_VARIABLES = {
  kmsKeyArn: 'PARTICIPANT_KEY_ARN',
  localKeyFile: 'PARTICIPANT_KEY_FILE',
} as const;

/**
 * The encryption context's purpose of a sealed participant identity: bound to each ciphertext, and the
 * condition of the functions' KMS permissions on the participant identity key (infra/stack.ts).
 */
export const PARTICIPANT_IDENTITY_PURPOSE = 'ama-participant-identity';
