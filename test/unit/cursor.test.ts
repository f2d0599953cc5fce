import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCursor, encodeCursor, InvalidCursorError, type CursorScope } from '../../shared/store/cursor.ts';

const scope: CursorScope = {
  keyAttributes: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
  partition: { attribute: 'GSI1PK', value: 'FACILITIES' },
};
const key = { PK: 'FACILITY#0123456749', SK: 'PROFILE', GSI1PK: 'FACILITIES', GSI1SK: '0123456749' };

describe('page cursor', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(key), scope)).toEqual(key);
  });

  it('property: round-trips any string key values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.string({ maxLength: 50 }), (pk, sk) => {
        const k = { ...key, PK: pk, GSI1SK: sk };
        expect(decodeCursor(encodeCursor(k), scope)).toEqual(k);
      }),
    );
  });

  it('is opaque: no key text visible', () => {
    expect(encodeCursor(key)).not.toContain('FACILITY');
  });

  const tampered: Array<[string, string]> = [
    ['not base64url', 'abc$%^'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['wrong version', Buffer.from(JSON.stringify({ v: 2, k: key })).toString('base64url')],
    ['missing a key attribute', encodeCursor({ PK: key.PK, SK: key.SK, GSI1PK: key.GSI1PK })],
    ['an extra attribute', encodeCursor({ ...key, extra: 'x' })],
    ['another partition', encodeCursor({ ...key, GSI1PK: 'FACILITIES#PROVINCE#LIMBURG' })],
    ['a number value', Buffer.from(JSON.stringify({ v: 1, k: { ...key, SK: 5 } })).toString('base64url')],
    ['extra top-level field', Buffer.from(JSON.stringify({ v: 1, k: key, x: 1 })).toString('base64url')],
  ];
  it.each(tampered)('rejects a tampered cursor: %s', (_what, cursor) => {
    expect(() => decodeCursor(cursor, scope)).toThrow(InvalidCursorError);
  });

  it('rejects a flipped character', () => {
    const good = encodeCursor(key);
    const flipped = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
    expect(() => decodeCursor(flipped, scope)).toThrow(InvalidCursorError);
  });
});
