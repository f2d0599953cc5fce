/** ETags carry the record's version: `"7"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an `If-Match` header names; undefined when it names none (it then matches nothing). */
export function versionFromIfMatch(ifMatch: string | undefined): number | undefined {
  if (!ifMatch) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(ifMatch);
  return match ? Number(match[1]) : undefined;
}
