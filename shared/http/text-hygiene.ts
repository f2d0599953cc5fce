import type { FieldError } from './problem.ts';
import { formatPath } from './zod-errors.ts';

/**
 * Characters no text of ours may hold, in any field: C0 controls but tab, line feed and carriage return
 * (NUL, ANSI escapes…), DEL and the C1 controls, the bidirectional overrides and isolates (which make an
 * audit line read other than it is), and lone surrogates (not text at all). Fields of one line (names,
 * titles, ids) also refuse tabs and line breaks: `oneLine` in shared/schemas/common.ts.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this rule
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'Contains a lone surrogate: not valid Unicode text.';
  const found = FORBIDDEN.exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  // The character is named by its code point; the text itself is never echoed (it may be personal data).
  return `Contains the control character U+${code}, which is not allowed.`;
}

/** One field error per string (keys included) holding a forbidden character, at its path. */
export function controlCharacterErrors(value: unknown, path: PropertyKey[] = []): FieldError[] {
  if (typeof value === 'string') {
    const message = problemOf(value);
    return message ? [{ path: formatPath(path), message }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => controlCharacterErrors(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const keyProblem = problemOf(key);
    return keyProblem
      ? [{ path: formatPath(path), message: `A key ${keyProblem.charAt(0).toLowerCase()}${keyProblem.slice(1)}` }]
      : controlCharacterErrors(item, [...path, key]);
  });
}
