import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson, contentHash } from './canonical-json.ts';

/**
 * A submission receipt: what was submitted (the SHA-256 of its canonical JSON), when, under which tracking
 * number, and a signature over those four that the department can verify later.
 */
export interface ReceiptFields {
  applicationId: string;
  trackingNumber: string;
  submittedAt: string;
  contentHash: string;
}

export interface Receipt extends ReceiptFields {
  signature: string;
}

const SIGNATURE_PREFIX = 'hmac-sha256:';

/** The exact bytes that are signed: the canonical JSON of the four fields. */
export function signedPayload(fields: ReceiptFields): string {
  return canonicalJson({
    applicationId: fields.applicationId,
    trackingNumber: fields.trackingNumber,
    submittedAt: fields.submittedAt,
    contentHash: fields.contentHash,
  });
}

export function signReceipt(fields: ReceiptFields, key: Buffer): Receipt {
  const mac = createHmac('sha256', key).update(signedPayload(fields), 'utf8').digest('base64url');
  return { ...fields, signature: `${SIGNATURE_PREFIX}${mac}` };
}

/**
 * The receipt for submitting `content` (what the application says at submission: its submittedContent) at
 * `submittedAt`: its hash, the time and the tracking number, signed.
 */
export function issueReceipt(
  application: { applicationId: string; trackingNumber: string },
  content: unknown,
  submittedAt: Date,
  key: Buffer,
): Receipt {
  return signReceipt(
    {
      applicationId: application.applicationId,
      trackingNumber: application.trackingNumber,
      submittedAt: submittedAt.toISOString(),
      contentHash: contentHash(content),
    },
    key,
  );
}

export function verifyReceipt(receipt: Receipt, key: Buffer): boolean {
  const expected = Buffer.from(signReceipt(receipt, key).signature, 'utf8');
  const given = Buffer.from(receipt.signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The receipt's fields in their documented order (stored maps come back in any order). */
export function receiptView(receipt: Receipt): Receipt {
  return {
    applicationId: receipt.applicationId,
    trackingNumber: receipt.trackingNumber,
    submittedAt: receipt.submittedAt,
    contentHash: receipt.contentHash,
    signature: receipt.signature,
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A human-readable tracking number such as `WZ-2026-7K3M-Q9XD` (Crockford base32: no I, L, O, U). */
export function newTrackingNumber(year: number, random: Buffer = randomBytes(8)): string {
  const chars = [...random.subarray(0, 8)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `WZ-${year}-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}
