/**
 * The AWS Encryption SDK as the participant cipher uses it (shared/runtime/participant-cipher.ts): the
 * package and the exports it needs, defined once. CDK bundles exactly these exports into a file of their
 * own next to the function's bundle (infra/constructs/route-function.ts, `separateBundles`): about 490 kB
 * that no cold start parses; the first request that seals or opens an identity imports it.
 */
export const ENCRYPTION_SDK_PACKAGE = '@aws-crypto/client-node';

export const ENCRYPTION_SDK_EXPORTS = [
  'buildClient',
  'CommitmentPolicy',
  'getClient',
  'KmsKeyringNode',
  'RawAesKeyringNode',
  'RawAesWrappingSuiteIdentifier',
] as const;
