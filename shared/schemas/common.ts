import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { isCalendarDate } from '../domain/calendar.ts';
import { parseEnterpriseNumber } from '../domain/enterprise-number.ts';
import { PROVINCES, REGIONS } from '../domain/reference-data.ts';

/** The regions of calls and werkingsgebieden, and the provinces of facilities: shared by every area. */
export const Region = lazy(() => withMeta(z.enum(REGIONS), { id: 'Region' }));
export const Province = lazy(() => withMeta(z.enum(PROVINCES), { id: 'Province' }));

/** A calendar date, YYYY-MM-DD, Europe/Brussels. */
export const CalendarDate = lazy(() => withMeta(
  z.string().check(z.refine(isCalendarDate, { message: 'Must be a calendar date written YYYY-MM-DD.' })),
  { description: 'Calendar date (Europe/Brussels), YYYY-MM-DD.', example: '2026-01-15', format: 'date' },
));

/** An instant in ISO 8601 with an offset. */
export const Instant = lazy(() => withMeta(z.iso.datetime({ offset: true }), { example: '2026-11-25T09:30:00.000Z' }));

/** `0123.456.749` or `0123456749`; normalized to 10 digits. A bad check digit is a field error. */
export const EnterpriseNumber = lazy(() => withMeta(
  z.pipe(
    z.string().check(
      z.superRefine((value, ctx) => {
        const result = parseEnterpriseNumber(value);
        if (!result.ok) {
          ctx.addIssue({
            code: 'custom',
            message:
              result.reason === 'format'
                ? 'Must be an enterprise number of 10 digits, written 0123456749 or 0123.456.749.'
                : 'The check digits are wrong: the last two digits must be 97 minus the first eight digits modulo 97.',
          });
        }
      }),
    ),
    z.transform((value) => value.trim().replaceAll('.', '')),
  ),
  {
    description: 'Belgian enterprise number (KBO/BCE), 10 digits with or without dots; answered as 10 digits.',
    example: '0123456749',
  },
));

/**
 * Names that must never be a key of a map in a body: JavaScript gives them meaning on every object
 * (`__proto__` would replace the object's prototype and vanish, `constructor` trips the DynamoDB marshaller).
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The id of an award criterion, which is also the key of the maps that refer to it (an application's
 * criteria texts, a review's scores): lower-case letters, digits and dashes, starting with a letter, never
 * a reserved name.
 */
export const CriterionId = lazy(() => withMeta(
  z.string().check(
    z.regex(/^[a-z][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and dashes, starting with a letter (max 40).'),
    z.refine((key) => !RESERVED_KEYS.has(key), { message: 'This name is reserved; choose another criterion id.' }),
  ),
  {
    description: 'Criterion id: lower-case letters, digits and dashes, starting with a letter (max 40).',
    example: 'approach',
  },
));

/**
 * One line of text (a name, a title, a role, a user id): trimmed, not empty, at most `max` characters, no
 * tab or line break. Control characters are refused in every field already (shared/http/text-hygiene.ts).
 */
export function oneLine(max: number) {
  return z
    .string()
    .check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(/^[^\t\n\r\u2028\u2029]*$/, 'One line: no tab or line break.'));
}

export const Actor = lazy(() => withMeta(z.string(), { description: 'User id (`sub`) of who did it.' }));

/** Audit fields every stored record carries. */
export const AuditFields = lazy(() => ({
  version: withMeta(z.number().check(z.int(), z.positive()), {
    description: 'Optimistic-concurrency version; the ETag carries it.',
  }),
  createdAt: Instant(),
  createdBy: Actor(),
  updatedAt: Instant(),
  updatedBy: Actor(),
}));

export const PaginationQuery = lazy(() => ({
  limit: withMeta(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25), { description: 'Page size, 1–100.' }),
  cursor: withMeta(z.optional(z.string().check(z.minLength(1), z.maxLength(2048))), {
    description: 'Opaque cursor from the previous page.',
  }),
}));

export function pageOf<T extends z.core.$ZodType>(item: T, id: string) {
  return withMeta(
    z.object({
      items: z.array(item),
      nextCursor: withMeta(z.nullable(z.string()), { description: 'Pass as `cursor` to get the next page; null on the last.' }),
    }),
    { id },
  );
}

export const ProblemSchema = lazy(() => withMeta(
  z.object({
    type: withMeta(z.string(), { example: '/problems/validation-error' }),
    title: z.string(),
    status: z.number().check(z.int()),
    detail: z.string(),
    errors: z.array(
      z.object({
        path: z.string(),
        message: z.string(),
        rule: withMeta(z.optional(z.string()), { description: 'The rule that refused this field (GET /rules).' }),
      }),
    ),
    rule: withMeta(z.optional(z.string()), {
      description: 'The id of the rule that refused the request (GET /rules lists them with their sources).',
    }),
  }),
  { id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' },
));
