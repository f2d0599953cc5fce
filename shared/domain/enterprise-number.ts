/**
 * Belgian enterprise number (ondernemingsnummer, KBO/BCE): 10 digits, written `0123.456.749`.
 * The last two digits are the check digits: 97 - (first eight digits mod 97).
 */
export type EnterpriseNumberResult = { ok: true; value: string } | { ok: false; reason: 'format' | 'check-digits' };

const ACCEPTED_FORMAT = /^(\d{10}|\d{4}\.\d{3}\.\d{3})$/;

export function checkDigitsFor(firstEightDigits: string): number {
  return 97 - (Number(firstEightDigits) % 97);
}

/** Accepts `0123456749` or `0123.456.749`; returns the normalized 10-digit form. */
export function parseEnterpriseNumber(input: string): EnterpriseNumberResult {
  const trimmed = input.trim();
  if (!ACCEPTED_FORMAT.test(trimmed)) return { ok: false, reason: 'format' };
  const digits = trimmed.replaceAll('.', '');
  const expected = checkDigitsFor(digits.slice(0, 8));
  if (Number(digits.slice(8)) !== expected) return { ok: false, reason: 'check-digits' };
  return { ok: true, value: digits };
}

export function isValidEnterpriseNumber(input: string): boolean {
  return parseEnterpriseNumber(input).ok;
}

/** `0123456749` → `0123.456.749`, the way the KBO writes it. */
export function formatEnterpriseNumber(normalized: string): string {
  return `${normalized.slice(0, 4)}.${normalized.slice(4, 7)}.${normalized.slice(7)}`;
}
