import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { QUEUE_KINDS } from '../domain/queue.ts';
import { Instant, pageOf, PaginationQuery, Province, Region } from './common.ts';

const QueueKind = lazy(() => withMeta(z.enum(QUEUE_KINDS), {
  id: 'QueueKind',
  description:
    '`MANDATE_REQUEST`: a mandate or recognition request; `EXTENSION_REQUEST`: a trajectory extension; `OBJECTION`: an objection to a call’s outcome; `AMA_SUBMISSION`: a submitted AMA agreement; `CALL_REVIEW`: a call past its deadline whose applications wait for review and selection (or whose selection failed).',
}));

export const QueueQuery = lazy(() => z.strictObject({
  ...PaginationQuery(),
  kind: QueueKind(),
  region: withMeta(z.optional(Region()), { description: 'Only work that concerns this region (extensions, objections, calls).' }),
  province: withMeta(z.optional(Province()), {
    description: 'Only work of facilities in this province (mandate requests, AMA submissions).',
  }),
  subKind: withMeta(z.optional(z.string().check(z.regex(/^[A-Z_]{1,40}$/))), {
    description:
      'A finer kind: the mandate’s kind (`CASEMANAGER_ZORG`, `BEGELEIDER_AMA`), `REVIEW` / `SELECTION_FAILED` for calls, `LODGED` / `UPHELD` for objections (an upheld one waits until its region is decided again).',
  }),
}));

const QueueLine = lazy(() => withMeta(
  z.object({
    kind: QueueKind(),
    subjectId: withMeta(z.string(), { description: 'The id of what waits: request, application, agreement or call.' }),
    since: withMeta(Instant(), { description: 'Since when it waits.' }),
    ageInDays: withMeta(z.number().check(z.int()), { description: 'Whole days it has waited (0 on the day it came in).' }),
    title: withMeta(z.string(), { description: 'What waits, in Dutch, without personal data.' }),
    href: withMeta(z.string(), { description: 'Where to read it in this API.' }),
    subKind: z.optional(z.string()),
    region: z.optional(Region()),
    regions: z.optional(z.array(Region())),
    province: z.optional(Province()),
    enterpriseNumber: z.optional(z.string()),
  }),
  { id: 'QueueLine' },
));

export const QueuePage = lazy(() => pageOf(QueueLine(), 'QueuePage'));

export const QueueSummary = lazy(() => withMeta(
  z.object({
    asOf: Instant(),
    kinds: z.array(
      z.object({
        kind: QueueKind(),
        count: z.number().check(z.int()),
        oldestSince: z.optional(Instant()),
        oldestAgeInDays: withMeta(z.optional(z.number().check(z.int())), {
          description: 'How long the oldest item has waited, in whole days.',
        }),
      }),
    ),
  }),
  { id: 'QueueSummary' },
));
