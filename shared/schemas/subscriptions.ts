import * as z from 'zod';
import { Instant, Region } from './common.ts';

export const CallSubscriptionBody = z
  .strictObject({
    allRegions: z.boolean().meta({ description: 'true: every call; false: only calls for one of `regions`.' }),
    regions: z.array(Region).max(20).default([]),
  })
  .refine((b) => b.allRegions || b.regions.length > 0, {
    message: 'Name at least one region, or set allRegions.',
    path: ['regions'],
  })
  .meta({ id: 'CallSubscriptionInput' });

export const CallSubscription = z
  .object({
    enterpriseNumber: z.string(),
    allRegions: z.boolean(),
    regions: z.array(Region),
    updatedAt: Instant,
    updatedBy: z.string(),
  })
  .meta({ id: 'CallSubscription' });
