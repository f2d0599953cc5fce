import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDigitsFor, formatEnterpriseNumber, parseEnterpriseNumber } from '../../shared/domain/enterprise-number.ts';

describe('enterprise number', () => {
  it('accepts the dotted and the plain form and normalizes to 10 digits', () => {
    expect(parseEnterpriseNumber('0123.456.749')).toEqual({ ok: true, value: '0123456749' });
    expect(parseEnterpriseNumber('0123456749')).toEqual({ ok: true, value: '0123456749' });
  });

  it('rejects a wrong check digit', () => {
    expect(parseEnterpriseNumber('0123.456.748')).toEqual({ ok: false, reason: 'check-digits' });
    expect(parseEnterpriseNumber('0123456750')).toEqual({ ok: false, reason: 'check-digits' });
  });

  it('rejects other shapes', () => {
    for (const bad of ['123456749', '01234567490', '0123-456-749', '0123.456749', 'abcdefghij', '', '0123.456.7a9']) {
      expect(parseEnterpriseNumber(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('keeps a leading zero (0-prefixed numbers are the common case)', () => {
    // 00000001 mod 97 = 1 → check digits 96
    expect(parseEnterpriseNumber('0000.000.196')).toEqual({ ok: true, value: '0000000196' });
  });

  it('uses 97 as check digits when the first eight digits are a multiple of 97', () => {
    // 00000097 mod 97 = 0 → 97 - 0 = 97
    expect(checkDigitsFor('00000097')).toBe(97);
    expect(parseEnterpriseNumber('0000009797')).toEqual({ ok: true, value: '0000009797' });
    expect(parseEnterpriseNumber('0000009700')).toEqual({ ok: false, reason: 'check-digits' });
  });

  it('single-digit check values are written with a leading zero', () => {
    // 00000096 mod 97 = 96 → 97 - 96 = 1 → "01"
    expect(checkDigitsFor('00000096')).toBe(1);
    expect(parseEnterpriseNumber('0000009601')).toEqual({ ok: true, value: '0000009601' });
    expect(parseEnterpriseNumber('0000009610')).toEqual({ ok: false, reason: 'check-digits' });
  });

  it('formats as 0123.456.749', () => {
    expect(formatEnterpriseNumber('0123456749')).toBe('0123.456.749');
  });

  it('property: any eight digits with their check digits are valid, any other two digits are not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (first, other) => {
        const head = String(first).padStart(8, '0');
        const check = checkDigitsFor(head);
        const valid = `${head}${String(check).padStart(2, '0')}`;
        expect(parseEnterpriseNumber(valid)).toEqual({ ok: true, value: valid });
        expect(parseEnterpriseNumber(formatEnterpriseNumber(valid))).toEqual({ ok: true, value: valid });
        if (other !== check) {
          expect(parseEnterpriseNumber(`${head}${String(other).padStart(2, '0')}`).ok).toBe(false);
        }
      }),
    );
  });
});
