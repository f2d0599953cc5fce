import { lazy } from '../zod.ts';
import * as z from '../zod.ts';
import { withMeta } from '../zod.ts';

export const ProblemTypeParams = lazy(() => z.strictObject({ slug: z.string().check(z.minLength(1), z.maxLength(100)) }));

/** A problem type's page (shared/http/problem-types.ts), as JSON. */
export const ProblemTypePage = lazy(() => withMeta(
  z.object({
    slug: z.string(),
    type: z.string(),
    status: z.optional(z.number().check(z.int())),
    title: z.string(),
    meaning: z.string(),
    whatToDo: z.string(),
    rule: z.optional(z.string()),
  }),
  { id: 'ProblemTypePage' },
));
