import { describe, expect, it } from 'vitest';
import { parseGroups, principalFromClaims } from '../../shared/http/principal.ts';
import { fieldErrorsOf, formatPath } from '../../shared/http/zod-errors.ts';
import { versionFromIfMatch, etagOf } from '../../shared/http/etag.ts';
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
  it('round-trip a version, weak or strong', () => {
    expect(versionFromIfMatch(etagOf(7))).toBe(7);
    expect(versionFromIfMatch('W/"7"')).toBe(7);
    expect(versionFromIfMatch('*')).toBeUndefined();
    expect(versionFromIfMatch('"abc"')).toBeUndefined();
  });
});
