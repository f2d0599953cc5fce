import { describe, expect, it } from 'vitest';
import { parseGroups, principalFromClaims } from '../../shared/http/principal.ts';
import { fieldErrorsOf, formatPath } from '../../shared/http/zod-errors.ts';
import { etagOf, ifNoneMatchHolds, versionFromIfMatch } from '../../shared/http/etag.ts';
import * as z from 'zod';

describe('claims', () => {
  it('reads groups as API Gateway flattens them and as arrays', () => {
    expect(parseGroups('[department facility]')).toEqual(['department', 'facility']);
    expect(parseGroups(['casemanager-zorg'])).toEqual(['casemanager-zorg']);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('builds a principal and ignores unknown groups', () => {
    expect(
      principalFromClaims({ sub: 'u1', email: 'a@b.be', 'cognito:groups': '[facility admins]', 'custom:facility': '0123456749' }),
    ).toEqual({ userId: 'u1', email: 'a@b.be', roles: ['facility'], facility: '0123456749' });
  });

  it('has no principal without a subject', () => {
    expect(principalFromClaims({ 'cognito:groups': '[department]' })).toBeUndefined();
    expect(principalFromClaims(undefined)).toBeUndefined();
  });
});

describe('field errors', () => {
  it('formats paths with indexes', () => {
    expect(formatPath(['partners', 0, 'role'])).toBe('partners[0].role');
    expect(formatPath([])).toBe('');
  });

  it('reports each unknown property at its own path', () => {
    const result = z.strictObject({ a: z.string() }).safeParse({ a: 'x', b: 1, c: 2 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrorsOf(result.error).map((e) => e.path)).toEqual(['b', 'c']);
    }
  });
});

describe('ETags', () => {
  it('If-Match compares strongly: the current ETag, `*` or a list holding it match; a weak tag never does', () => {
    expect(versionFromIfMatch(etagOf(7), 7)).toBe(7);
    expect(versionFromIfMatch('"6"', 7)).toBeUndefined();
    expect(versionFromIfMatch('W/"7"', 7)).toBeUndefined();
    expect(versionFromIfMatch('*', 7)).toBe(7);
    expect(versionFromIfMatch(' "5", "7" ', 7)).toBe(7);
    expect(versionFromIfMatch('"5", W/"7"', 7)).toBeUndefined();
    expect(versionFromIfMatch('"abc"', 7)).toBeUndefined();
    expect(versionFromIfMatch('*', undefined)).toBeUndefined();
    expect(versionFromIfMatch(undefined, 7)).toBeUndefined();
  });

  it('If-None-Match compares weakly: `*`, or a tag with or without W/ naming the current ETag', () => {
    expect(ifNoneMatchHolds('"7"', etagOf(7))).toBe(true);
    expect(ifNoneMatchHolds('W/"7"', etagOf(7))).toBe(true);
    expect(ifNoneMatchHolds('"6", "7"', etagOf(7))).toBe(true);
    expect(ifNoneMatchHolds('*', etagOf(7))).toBe(true);
    expect(ifNoneMatchHolds('"6"', etagOf(7))).toBe(false);
  });
});
