import * as z from 'zod';
import { QUEUE_KINDS } from '../domain/queue.ts';
import { Instant, pageOf, PaginationQuery, Province, Region } from './common.ts';

const QueueKind = z.enum(QUEUE_KINDS).meta({
  id: 'QueueKind',
  description:
    '`MANDATE_REQUEST`: a mandate or recognition request; `EXTENSION_REQUEST`: a trajectory extension; `OBJECTION`: an objection to a call’s outcome; `AMA_SUBMISSION`: a submitted AMA agreement; `CALL_REVIEW`: a call past its deadline whose applications wait for review and selection (or whose selection failed).',
});

export const QueueQuery = z.strictObject({
  ...PaginationQuery,
  kind: QueueKind,
  region: Region.optional().meta({ description: 'Only work that concerns this region (extensions, objections, calls).' }),
  province: Province.optional().meta({
    description: 'Only work of facilities in this province (mandate requests, AMA submissions).',
  }),
  subKind: z
    .string()
    .regex(/^[A-Z_]{1,40}$/)
    .optional()
    .meta({
      description:
        'A finer kind: the mandate’s kind (`CASEMANAGER_ZORG`, `BEGELEIDER_AMA`), `REVIEW` / `SELECTION_FAILED` for calls, `LODGED` / `UPHELD` for objections (an upheld one waits until its region is decided again).',
    }),
});

const QueueLine = z
  .object({
    kind: QueueKind,
    subjectId: z.string().meta({ description: 'The id of what waits: request, application, agreement or call.' }),
    since: Instant.meta({ description: 'Since when it waits.' }),
    ageInDays: z.number().int().meta({ description: 'Whole days it has waited (0 on the day it came in).' }),
    title: z.string().meta({ description: 'What waits, in Dutch, without personal data.' }),
    href: z.string().meta({ description: 'Where to read it in this API.' }),
    subKind: z.string().optional(),
    region: Region.optional(),
    regions: z.array(Region).optional(),
    province: Province.optional(),
    enterpriseNumber: z.string().optional(),
  })
  .meta({ id: 'QueueLine' });

export const QueuePage = pageOf(QueueLine, 'QueuePage');

export const QueueSummary = z
  .object({
    asOf: Instant,
    kinds: z.array(
      z.object({
        kind: QueueKind,
        count: z.number().int(),
        oldestSince: Instant.optional(),
        oldestAgeInDays: z.number().int().optional().meta({ description: 'How long the oldest item has waited, in whole days.' }),
      }),
    ),
  })
  .meta({ id: 'QueueSummary' });
