import type { RecognitionAuthority } from './reference-data.ts';

/**
 * A recognition (erkenning) of a facility by a sector authority, valid from `validFrom` up to and
 * including `validUntil` (open-ended when absent). A withdrawn recognition stays on record; it stops
 * counting from the Brussels calendar date of its withdrawal (`withdrawnOn`).
 */
export interface Recognition {
  recognitionId: string;
  authority: RecognitionAuthority;
  reference: string;
  validFrom: string;
  validUntil?: string;
  withdrawnOn?: string;
}

/** Is this one recognition in force on calendar date `date` (YYYY-MM-DD)? */
export function isRecognitionValidOn(recognition: Recognition, date: string): boolean {
  if (date < recognition.validFrom) return false;
  if (recognition.validUntil !== undefined && date > recognition.validUntil) return false;
  if (recognition.withdrawnOn !== undefined && date >= recognition.withdrawnOn) return false;
  return true;
}

/** "Is recognised by X on date D": at least one recognition by `authority` in force on `date`. */
export function isRecognisedBy(recognitions: readonly Recognition[], authority: RecognitionAuthority, date: string): boolean {
  return recognitions.some((r) => r.authority === authority && isRecognitionValidOn(r, date));
}

/** The authorities among `wanted` that recognise the facility on `date`, in the order of `wanted`. */
export function authoritiesRecognisingOn(
  recognitions: readonly Recognition[],
  wanted: readonly RecognitionAuthority[],
  date: string,
): RecognitionAuthority[] {
  return wanted.filter((authority) => isRecognisedBy(recognitions, authority, date));
}
