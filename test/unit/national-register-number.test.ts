import { describe, expect, it } from 'vitest';
import {
  centuryOfNationalRegisterNumber,
  formatNationalRegisterNumber,
  nationalRegisterNumberViolation,
  normalizeNationalRegisterNumber,
} from '../../shared/domain/national-register-number.ts';

// Check digits worked out by hand: 97 − (850730033 mod 97) = 97 − 69 = 28; for 2001, 97 − (2010203001 mod 97) = 70.
describe('national-register-number', () => {
  it('accepts the 11 digits or the identity card’s written form, nothing else', () => {
    expect(normalizeNationalRegisterNumber('85073003328')).toBe('85073003328');
    expect(normalizeNationalRegisterNumber(' 85.07.30-033.28 ')).toBe('85073003328');
    for (const bad of ['8507300332', '850730033280', '85.07.30.033.28', '85 07 30 033 28', '8507300332a']) {
      expect(normalizeNationalRegisterNumber(bad), bad).toBeUndefined();
      expect(nationalRegisterNumberViolation(bad, '1985-07-30'), bad).toMatch(/11 digits/);
    }
  });

  it('checks the check digits: 97 − (the first nine digits mod 97), with a 2 before them for births from 2000', () => {
    expect(centuryOfNationalRegisterNumber('85073003328')).toBe(1900);
    expect(centuryOfNationalRegisterNumber('85073003327')).toBeUndefined();
    expect(centuryOfNationalRegisterNumber('85073003329')).toBeUndefined();
    expect(centuryOfNationalRegisterNumber('01020300170')).toBe(2000);
    expect(centuryOfNationalRegisterNumber('01020300141')).toBe(1900);
    // The nine digits a multiple of 97: the check digits are 97, never 00.
    expect(centuryOfNationalRegisterNumber('85073006197')).toBe(1900);
    expect(centuryOfNationalRegisterNumber('85073006100')).toBeUndefined();
    expect(centuryOfNationalRegisterNumber('01020307197')).toBe(2000);
  });

  it('agrees with the birth date, century included', () => {
    expect(nationalRegisterNumberViolation('85073003328', '1985-07-30')).toBeUndefined();
    expect(nationalRegisterNumberViolation('85.07.30-033.28', '1985-07-30')).toBeUndefined();
    expect(nationalRegisterNumberViolation('85073003328', '1985-07-31')).toMatch(/birth date/);
    expect(nationalRegisterNumberViolation('85073003328', '2085-07-30')).toMatch(/birth date/);
    expect(nationalRegisterNumberViolation('01020300170', '2001-02-03')).toBeUndefined();
    expect(nationalRegisterNumberViolation('01020300141', '2001-02-03')).toMatch(/birth date/);
    expect(nationalRegisterNumberViolation('01020300141', '1901-02-03')).toBeUndefined();
  });

  it('a bis number (month + 20 or + 40) and a partly unknown date (00) agree with the birth date', () => {
    // 854700001: month 47 = 7 + 40, day unknown; 97 − (854700001 mod 97) = 76.
    expect(nationalRegisterNumberViolation('85470000176', '1985-07-14')).toBeUndefined();
    expect(nationalRegisterNumberViolation('85470000176', '1985-08-14')).toMatch(/birth date/);
    // 852730033: month 27 = 7 + 20.
    const bis20 = `852730033${String(97 - (852730033 % 97)).padStart(2, '0')}`;
    expect(nationalRegisterNumberViolation(bis20, '1985-07-30')).toBeUndefined();
    // 850000001: month and day unknown: only the year counts.
    const unknown = `850000001${String(97 - (850000001 % 97)).padStart(2, '0')}`;
    expect(nationalRegisterNumberViolation(unknown, '1985-12-31')).toBeUndefined();
    expect(nationalRegisterNumberViolation(unknown, '1986-01-01')).toMatch(/birth date/);
  });

  it('never repeats the number in its messages', () => {
    for (const [input, birthDate] of [
      ['85073003329', '1985-07-30'],
      ['85073003328', '1985-07-31'],
      ['8507300332', '1985-07-30'],
    ] as const) {
      expect(nationalRegisterNumberViolation(input, birthDate)).not.toContain(input.slice(0, 6));
    }
  });

  it('is written as on the identity card', () => {
    expect(formatNationalRegisterNumber('85073003328')).toBe('85.07.30-033.28');
  });
});
