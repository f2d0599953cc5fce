import * as z from 'zod';
import { isCalendarDate } from '../domain/calendar.ts';
import { parseEnterpriseNumber } from '../domain/enterprise-number.ts';
import { PROVINCES, REGIONS } from '../domain/reference-data.ts';

/** The regions of calls and werkingsgebieden, and the provinces of facilities: shared by every area. */
export const Region = z.enum(REGIONS).meta({ id: 'Region' });
export const Province = z.enum(PROVINCES).meta({ id: 'Province' });

/** A calendar date, YYYY-MM-DD, Europe/Brussels. */
export const CalendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'Must be a calendar date written YYYY-MM-DD.' })
  .meta({ description: 'Calendar date (Europe/Brussels), YYYY-MM-DD.', example: '2026-01-15', format: 'date' });

/** An instant in ISO 8601 with an offset. */
export const Instant = z.iso.datetime({ offset: true }).meta({ example: '2026-11-25T09:30:00.000Z' });

/** `0123.456.749` or `0123456749`; normalized to 10 digits. A bad check digit is a field error. */
export const EnterpriseNumber = z
  .string()
  .superRefine((value, ctx) => {
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
  })
  .transform((value) => value.trim().replaceAll('.', ''))
  .meta({
    description: 'Belgian enterprise number (KBO/BCE), 10 digits with or without dots; answered as 10 digits.',
    example: '0123456749',
  });

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
export const CriterionId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and dashes, starting with a letter (max 40).')
  .refine((key) => !RESERVED_KEYS.has(key), { message: 'This name is reserved; choose another criterion id.' })
  .meta({
    description: 'Criterion id: lower-case letters, digits and dashes, starting with a letter (max 40).',
    example: 'approach',
  });

/**
 * One line of text (a name, a title, a role, a user id): trimmed, not empty, at most `max` characters, no
 * tab or line break. Control characters are refused in every field already (shared/http/text-hygiene.ts).
 */
export function oneLine(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\t\n\r\u2028\u2029]*$/, 'One line: no tab or line break.');
}

export const Actor = z.string().meta({ description: 'User id (`sub`) of who did it.' });

/** Audit fields every stored record carries. */
export const AuditFields = {
  version: z.number().int().positive().meta({ description: 'Optimistic-concurrency version; the ETag carries it.' }),
  createdAt: Instant,
  createdBy: Actor,
  updatedAt: Instant,
  updatedBy: Actor,
};

export const PaginationQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25).meta({ description: 'Page size, 1–100.' }),
  cursor: z.string().min(1).max(2048).optional().meta({ description: 'Opaque cursor from the previous page.' }),
};

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` to get the next page; null on the last.' }),
    })
    .meta({ id });
}

export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: '/problems/validation-error' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(
      z.object({
        path: z.string(),
        message: z.string(),
        rule: z.string().optional().meta({ description: 'The rule that refused this field (GET /rules).' }),
      }),
    ),
    rule: z
      .string()
      .optional()
      .meta({ description: 'The id of the rule that refused the request (GET /rules lists them with their sources).' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });
