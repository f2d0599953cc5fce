/**
 * Rule `national-register-number`: the Belgian national register number (rijksregisternummer) is
 * 11 digits: the birth date as YYMMDD, a 3-digit serial, and 2 check digits equal to
 * 97 − (the first nine digits mod 97); for people born from 2000 on, a 2 is put before the nine digits
 * before taking mod 97. Written `85.07.30-033.28` or `85073003328`.
 *
 * The date part may be partly unknown (month or day 00), and a bis number (for people not in the
 * register) adds 20 or 40 to the month. The messages never repeat the number itself: they end up in
 * problem documents, and the number is personal data.
 */

const WRITTEN_FORMS = /^(\d{11}|\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2})$/;

/** `85.07.30-033.28` → `85073003328`; undefined when it is written neither way. */
export function normalizeNationalRegisterNumber(input: string): string | undefined {
  const trimmed = input.trim();
  return WRITTEN_FORMS.test(trimmed) ? trimmed.replace(/[.-]/g, '') : undefined;
}

/** `85073003328` → `85.07.30-033.28`, the way the identity card writes it. */
export function formatNationalRegisterNumber(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

/** The check digits of the first nine digits, for a birth before 2000 or from 2000 on. */
export function nationalRegisterCheckDigits(firstNine: string, bornFrom2000: boolean): number {
  return 97 - Number(BigInt((bornFrom2000 ? '2' : '') + firstNine) % 97n);
}

/** The century the check digits point to (1900 or 2000), or undefined when they match neither. */
export function centuryOfNationalRegisterNumber(digits: string): 1900 | 2000 | undefined {
  const firstNine = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  if (nationalRegisterCheckDigits(firstNine, false) === check) return 1900;
  if (nationalRegisterCheckDigits(firstNine, true) === check) return 2000;
  return undefined;
}

/**
 * Why `input` is not the national register number of someone born on `birthDate` (YYYY-MM-DD), or
 * undefined when it is. Checks the form, the check digits (both centuries) and that its date part agrees
 * with the birth date (a part written 00 is unknown and agrees with any; a bis number's month is
 * offset by 20 or 40).
 */
export function nationalRegisterNumberViolation(input: string, birthDate: string): string | undefined {
  const digits = normalizeNationalRegisterNumber(input);
  if (!digits)
    return 'A national register number is 11 digits, written as digits only or as on the identity card (YY.MM.DD-SSS.CC).';
  const century = centuryOfNationalRegisterNumber(digits);
  if (!century) return 'The check digits of this national register number are wrong: check it against the identity card.';
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const numberYear = century + Number(digits.slice(0, 2));
  const rawMonth = Number(digits.slice(2, 4));
  const numberMonth = rawMonth >= 40 ? rawMonth - 40 : rawMonth >= 20 ? rawMonth - 20 : rawMonth;
  const numberDay = Number(digits.slice(4, 6));
  const agrees =
    numberYear === year &&
    (numberMonth === 0 || numberMonth === month) &&
    (numberDay === 0 || numberMonth === 0 || numberDay === day);
  return agrees ? undefined : 'The birth date in the national register number differs from participant.birthDate: check both.';
}
