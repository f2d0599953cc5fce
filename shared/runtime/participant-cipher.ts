import { readFileSync } from 'node:fs';
import type * as EncryptionSdkModule from '@aws-crypto/client-node';
import type { KeyringNode } from '@aws-crypto/client-node';
import type { ENCRYPTION_SDK_EXPORTS } from './encryption-sdk.ts';
import type * as KmsModule from '@aws-sdk/client-kms';
import { registerClientFactory, type ParticipantCipher } from './deps.ts';
import { SDK_CLIENT_CONFIG } from './client-config.ts';
import { PARTICIPANT_KEY_VARIABLES } from './secret-ids.ts';

/**
 * Field-level envelope encryption of participants' identities with the AWS Encryption SDK: each value gets
 * its own data key, wrapped by the keyring.
 * - In AWS: a KMS keyring on the customer-managed key named by PARTICIPANT_KEY_ARN (an ARN, not a secret).
 *   The functions that write agreements may only generate data keys; those that render the PDF or serve
 *   the submission may only decrypt (infra/stack.ts), both on this purpose's encryption context.
 * - In the local cloud and the tests: a raw AES-256 keyring whose key is read from the file named by
 *   PARTICIPANT_KEY_FILE (`.local/participant-identity-key`, generated on first start; a random one per test run).
 *
 * The encryption context (purpose and agreement id, never personal data) is bound to the ciphertext and
 * checked on decryption: a value copied onto another agreement does not decrypt.
 *
 * Imported only by the modules that seal or open an identity (shared/runtime/participant-identity.ts),
 * so only those functions carry the Encryption SDK (in a file of its own next to their bundle:
 * shared/runtime/encryption-sdk.ts) and the KMS client. Both are loaded on the first
 * request that seals or opens an identity (creating or updating an agreement, its PDF, the department's
 * read of a submission), not at every cold start: evaluating them took about 100 ms of each cold import
 * of AmaAudited and AmaWrite, whose other requests never use them (README, Benchmarks).
 */
/** Only what ENCRYPTION_SDK_EXPORTS lists: the separate bundle CDK builds holds nothing else. */
type EncryptionSdk = Pick<typeof EncryptionSdkModule, (typeof ENCRYPTION_SDK_EXPORTS)[number]>;
type Sdk = { kms: typeof KmsModule; crypto: EncryptionSdk };

let sdk: Promise<Sdk> | undefined;
const loadSdk = (): Promise<Sdk> =>
  (sdk ??= Promise.all([import('@aws-sdk/client-kms'), import('@aws-crypto/client-node')]).then(([kms, crypto]) => ({
    kms,
    crypto,
  })));

function keyringFrom({ kms, crypto }: Sdk, env: NodeJS.ProcessEnv): KeyringNode {
  const { getClient, KmsKeyringNode, RawAesKeyringNode, RawAesWrappingSuiteIdentifier } = crypto;
  const { KMS } = kms;
  const keyArn = env[PARTICIPANT_KEY_VARIABLES.kmsKeyArn];
  if (keyArn) {
    return new KmsKeyringNode({ generatorKeyId: keyArn, clientProvider: getClient(KMS, SDK_CLIENT_CONFIG) });
  }
  const keyFile = env[PARTICIPANT_KEY_VARIABLES.localKeyFile];
  if (!keyFile) {
    throw new Error(`neither ${PARTICIPANT_KEY_VARIABLES.kmsKeyArn} nor ${PARTICIPANT_KEY_VARIABLES.localKeyFile} is configured`);
  }
  // The SDK wants the key on an ArrayBuffer of its own (a decoded Buffer may sit in Node's shared pool).
  const key = new Uint8Array(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
  if (key.length !== 32)
    throw new Error(`the key file named by ${PARTICIPANT_KEY_VARIABLES.localKeyFile} must hold 32 bytes (base64)`);
  return new RawAesKeyringNode({
    keyNamespace: 'werk-en-zorg-local',
    keyName: 'participant-identity',
    unencryptedMasterKey: key,
    wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
  });
}

registerClientFactory('participantCipher', (): ParticipantCipher => {
  let client: Promise<{ keyring: KeyringNode } & ReturnType<EncryptionSdk['buildClient']>> | undefined;
  const current = () =>
    (client ??= loadSdk().then((loaded) => ({
      keyring: keyringFrom(loaded, process.env),
      ...loaded.crypto.buildClient(loaded.crypto.CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT),
    })));
  return {
    async encrypt(plaintext, context) {
      const { keyring, encrypt } = await current();
      const { result } = await encrypt(keyring, plaintext, { encryptionContext: context });
      return result;
    },
    async decrypt(ciphertext, context) {
      const { keyring, decrypt } = await current();
      const { plaintext, messageHeader } = await decrypt(keyring, ciphertext);
      for (const [name, value] of Object.entries(context)) {
        if (messageHeader.encryptionContext[name] !== value)
          throw new Error(`the ciphertext's encryption context differs in ${name}`);
      }
      return plaintext;
    },
  };
});
