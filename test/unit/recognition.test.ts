import { describe, expect, it } from 'vitest';
import {
  authoritiesRecognisingOn,
  isRecognisedBy,
  isRecognitionValidOn,
  type Recognition,
} from '../../shared/domain/recognition.ts';

const vaph: Recognition = {
  recognitionId: 'r1',
  authority: 'VAPH',
  reference: 'V-1',
  validFrom: '2018-01-01',
  validUntil: '2027-12-31',
};
const jw: Recognition = { recognitionId: 'r2', authority: 'JONGERENWELZIJN', reference: 'J-1', validFrom: '2020-06-15' };

describe('recognition validity on a date', () => {
  it('counts from validFrom up to and including validUntil', () => {
    expect(isRecognitionValidOn(vaph, '2017-12-31')).toBe(false);
    expect(isRecognitionValidOn(vaph, '2018-01-01')).toBe(true);
    expect(isRecognitionValidOn(vaph, '2027-12-31')).toBe(true);
    expect(isRecognitionValidOn(vaph, '2028-01-01')).toBe(false);
  });

  it('is open-ended without validUntil', () => {
    expect(isRecognitionValidOn(jw, '2099-01-01')).toBe(true);
    expect(isRecognitionValidOn(jw, '2020-06-14')).toBe(false);
  });

  it('a withdrawal counts from its own date, not before', () => {
    const withdrawn = { ...jw, withdrawnOn: '2026-11-25' };
    expect(isRecognitionValidOn(withdrawn, '2026-11-24')).toBe(true);
    expect(isRecognitionValidOn(withdrawn, '2026-11-25')).toBe(false);
  });

  it('is recognised by X on D when any recognition by X is in force', () => {
    const expired = { ...vaph, recognitionId: 'r0', validFrom: '2010-01-01', validUntil: '2012-12-31' };
    expect(isRecognisedBy([expired, vaph], 'VAPH', '2011-05-05')).toBe(true);
    expect(isRecognisedBy([expired, vaph], 'VAPH', '2015-05-05')).toBe(false);
    expect(isRecognisedBy([vaph], 'JONGERENWELZIJN', '2020-01-01')).toBe(false);
  });

  it('names which of the wanted authorities recognise on a date', () => {
    expect(authoritiesRecognisingOn([vaph, jw], ['JONGERENWELZIJN', 'VAPH'], '2019-01-01')).toEqual(['VAPH']);
    expect(authoritiesRecognisingOn([vaph, jw], ['JONGERENWELZIJN', 'VAPH'], '2021-01-01')).toEqual(['JONGERENWELZIJN', 'VAPH']);
    expect(authoritiesRecognisingOn([], ['VAPH'], '2021-01-01')).toEqual([]);
  });
});
