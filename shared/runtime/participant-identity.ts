import type { Deps } from './deps.ts';
import { normalizeNationalRegisterNumber } from '../domain/national-register-number.ts';
import './participant-cipher.ts';
import { PARTICIPANT_IDENTITY_PURPOSE } from './secret-ids.ts';

/** A participant's identity as the agreement and its submission need it; never stored in plain text. */
export interface ParticipantIdentity {
  name: string;
  nationalRegisterNumber: string;
}

/** The encryption context: what the ciphertext belongs to (no personal data; it is stored in the clear with it). */
const contextOf = (agreementId: string) => ({ purpose: PARTICIPANT_IDENTITY_PURPOSE, agreementId });

/** Encrypts an agreement's participant identity (one envelope, base64) for the agreement's record. */
export async function sealParticipantIdentity(deps: Deps, agreementId: string, identity: ParticipantIdentity): Promise<string> {
  const plaintext = Buffer.from(
    JSON.stringify({ name: identity.name, nationalRegisterNumber: identity.nationalRegisterNumber }),
    'utf8',
  );
  const ciphertext = await deps.participantCipher.encrypt(plaintext, contextOf(agreementId));
  return Buffer.from(ciphertext).toString('base64');
}

/** Decrypts what `sealParticipantIdentity` stored, for the PDF and for the department's view of the submission. */
export async function openParticipantIdentity(deps: Deps, agreementId: string, sealed: string): Promise<ParticipantIdentity> {
  const plaintext = await deps.participantCipher.decrypt(Buffer.from(sealed, 'base64'), contextOf(agreementId));
  const parsed = JSON.parse(Buffer.from(plaintext).toString('utf8')) as ParticipantIdentity;
  return { name: parsed.name, nationalRegisterNumber: parsed.nationalRegisterNumber };
}

type WithIdentity = { participant: { reference: string; birthDate: string; name: string; nationalRegisterNumber: string } };

/**
 * Splits an agreement's input into what is stored in the clear (the pseudonymous reference and the birth
 * date the age rules need) and the identity that is only stored sealed; the number in its 11-digit form.
 */
export function separateParticipantIdentity<T extends WithIdentity>(
  input: T,
): {
  content: Omit<T, 'participant'> & { participant: { reference: string; birthDate: string } };
  identity: ParticipantIdentity;
} {
  const { participant, ...rest } = input;
  return {
    content: { ...rest, participant: { reference: participant.reference, birthDate: participant.birthDate } },
    // Checked before (rule national-register-number), so it has one of its written forms.
    identity: {
      name: participant.name,
      nationalRegisterNumber:
        normalizeNationalRegisterNumber(participant.nationalRegisterNumber) ?? participant.nationalRegisterNumber,
    },
  };
}
