import type * as z from '../zod.ts';
import type { FieldError } from './problem.ts';

/** `['partners', 0, 'role']` → `partners[0].role`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out.length === 0 ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** One field error per offending field; an unknown property is reported at its own path. */
export function fieldErrorsOf(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: formatPath([...base, key]), message: 'Unknown property: not part of this request.' });
      }
    } else if (issue.code === 'invalid_key') {
      // A map key that does not fit the key schema: say what a key must be, not just "Invalid key".
      errors.push({ path: formatPath(base), message: `Not an allowed key: ${issue.issues[0]?.message ?? issue.message}` });
    } else {
      errors.push({ path: formatPath(base), message: issue.message });
    }
  }
  return errors;
}
