import { readFileSync } from 'node:fs';
import { KMS } from '@aws-sdk/client-kms';
import {
  buildClient,
  CommitmentPolicy,
  getClient,
  KmsKeyringNode,
  RawAesKeyringNode,
  RawAesWrappingSuiteIdentifier,
  type KeyringNode,
} from '@aws-crypto/client-node';
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
 *   PARTICIPANT_KEY_FILE (`.local/participant-identity.key`, generated on first start; a random one per test run).
 *
 * The encryption context (purpose and agreement id, never personal data) is bound to the ciphertext and
 * checked on decryption: a value copied onto another agreement does not decrypt.
 *
 * Imported only by the modules that seal or open an identity (shared/runtime/participant-identity.ts),
 * so only those functions bundle the Encryption SDK and the KMS client.
 */
const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

function keyringFrom(env: NodeJS.ProcessEnv): KeyringNode {
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
  let keyring: KeyringNode | undefined;
  const current = () => (keyring ??= keyringFrom(process.env));
  return {
    async encrypt(plaintext, context) {
      const { result } = await encrypt(current(), plaintext, { encryptionContext: context });
      return result;
    },
    async decrypt(ciphertext, context) {
      const { plaintext, messageHeader } = await decrypt(current(), ciphertext);
      for (const [name, value] of Object.entries(context)) {
        if (messageHeader.encryptionContext[name] !== value)
          throw new Error(`the ciphertext's encryption context differs in ${name}`);
      }
      return plaintext;
    },
  };
});
