import * as z from '../zod.ts';

/**
 * Page cursors: an opaque, base64url-encoded DynamoDB key. On the way back in a cursor is checked
 * against the query it is used with: exactly the key attributes of that index, all strings, and the same
 * partition. Anything else is a tampered cursor.
 */
export type PageKey = Record<string, string>;

export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this list gave out.');
    this.name = 'InvalidCursorError';
  }
}

const CURSOR_VERSION = 1;
const CursorShape = z.strictObject({
  v: z.literal(CURSOR_VERSION),
  k: z.record(z.string(), z.string().check(z.maxLength(1024))),
});

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, k: key }), 'utf8').toString('base64url');
}

export interface CursorScope {
  /** The key attributes the cursor must carry, no more and no fewer. */
  keyAttributes: readonly string[];
  /** The partition the query reads: the cursor must point into it. */
  partition: { attribute: string; value: string };
  /** When the query reads only sort keys with a prefix, the cursor's must have it too. */
  sortKeyPrefix?: { attribute: string; prefix: string };
}

export function decodeCursor(cursor: string, scope: CursorScope): PageKey {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const result = CursorShape.safeParse(parsed);
  if (!result.success) throw new InvalidCursorError();
  const key = result.data.k;
  const names = Object.keys(key).sort();
  const expected = [...scope.keyAttributes].sort();
  if (names.length !== expected.length || names.some((name, i) => name !== expected[i])) {
    throw new InvalidCursorError();
  }
  if (key[scope.partition.attribute] !== scope.partition.value) throw new InvalidCursorError();
  if (scope.sortKeyPrefix && !key[scope.sortKeyPrefix.attribute]?.startsWith(scope.sortKeyPrefix.prefix)) {
    throw new InvalidCursorError();
  }
  return key;
}
