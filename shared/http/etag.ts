/** ETags carry the record's version: `"7"`. They are strong: a version is one exact representation. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The entity tags of an If-Match / If-None-Match field: `*`, or the list of tags as written. */
function tagsOf(field: string): '*' | string[] {
  const value = field.trim();
  if (value === '*') return '*';
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/**
 * RFC 9110 §13.1.1 If-Match with the strong comparison: `*` matches the current representation, a list
 * matches when one of its tags is the current ETag; a weak tag (`W/"4"`) never matches.
 */
export function ifMatchAllows(ifMatch: string, currentVersion: number): boolean {
  const tags = tagsOf(ifMatch);
  return tags === '*' || tags.includes(etagOf(currentVersion));
}

/**
 * The version a conditional write must expect: the current one when If-Match allows it, otherwise
 * undefined (the write is then refused with 412).
 */
export function versionFromIfMatch(ifMatch: string | undefined, currentVersion: number | undefined): number | undefined {
  if (ifMatch === undefined || currentVersion === undefined) return undefined;
  return ifMatchAllows(ifMatch, currentVersion) ? currentVersion : undefined;
}

/**
 * RFC 9110 §13.1.2 If-None-Match with the weak comparison: true (answer 304) when `*` or one of its tags,
 * with or without `W/`, is the current ETag.
 */
export function ifNoneMatchHolds(ifNoneMatch: string, etag: string): boolean {
  const tags = tagsOf(ifNoneMatch);
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  return tags === '*' || tags.some((tag) => opaque(tag) === opaque(etag));
}
