import { RESERVED_KEYS } from '../schemas/common.ts';
import type { FieldError } from './problem.ts';
import { formatPath } from './zod-errors.ts';

/**
 * Keys named `__proto__`, `constructor` or `prototype` anywhere in a parsed JSON body. JSON.parse keeps
 * them as own properties, but a validator that copies them would set a prototype or trip the DynamoDB
 * marshaller, and zod drops `__proto__` without a word: each one is refused at its own path instead.
 */
export function reservedKeyErrors(value: unknown, path: PropertyKey[] = []): FieldError[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => reservedKeyErrors(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => [
    ...(RESERVED_KEYS.has(key)
      ? [{ path: formatPath([...path, key]), message: `"${key}" is a reserved name and cannot be a key.` }]
      : []),
    ...reservedKeyErrors((value as Record<string, unknown>)[key], [...path, key]),
  ]);
}
