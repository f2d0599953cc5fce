import * as z from '../zod.ts';
import { lazy, withMeta } from '../zod.ts';
import { Instant, Region } from './common.ts';

export const CallSubscriptionBody = lazy(() => withMeta(
  z
    .strictObject({
      allRegions: withMeta(z.boolean(), { description: 'true: every call; false: only calls for one of `regions`.' }),
      regions: z._default(z.array(Region()).check(z.maxLength(20)), []),
    })
    .check(
      z.refine((b) => b.allRegions || b.regions.length > 0, {
        message: 'Name at least one region, or set allRegions.',
        path: ['regions'],
      }),
    ),
  { id: 'CallSubscriptionInput' },
));

export const CallSubscription = lazy(() => withMeta(
  z.object({
    enterpriseNumber: z.string(),
    allRegions: z.boolean(),
    regions: z.array(Region()),
    updatedAt: Instant(),
    updatedBy: z.string(),
  }),
  { id: 'CallSubscription' },
));
