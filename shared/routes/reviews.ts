import * as z from '../zod.ts';
import { lazy } from '../zod.ts';
import { route, type RouteSpec } from '../http/route.ts';
import { ApplicationParams, DeclarationBody, Review, ReviewBody } from '../schemas/calls.ts';

export const reviewRoutes = {
  declareNoConflict: route({
    operationId: 'declareNoConflict',
    method: 'POST',
    path: '/calls/{callId}/applications/{applicationId}/reviews/me/declaration',
    handler: 'functions/reviews/declare.ts',
    summary: 'Declare no conflict of interest with the lead or partners (before scoring)',
    tag: 'Reviews',
    auth: ['department'],
    table: 'write',
    refusedBy: ['review-phase', 'status-transitions'],
    params: ApplicationParams,
    body: DeclarationBody,
    responses: {
      201: { description: 'Declared.', schema: lazy(() => z.object({ declaredAt: z.string() })) },
      200: { description: 'Already declared.', schema: lazy(() => z.object({ declaredAt: z.string() })) },
    },
    errors: [404, 409],
  }),
  putReview: route({
    operationId: 'putReview',
    method: 'PUT',
    path: '/calls/{callId}/applications/{applicationId}/reviews/me',
    handler: 'functions/reviews/put.ts',
    summary: 'Score the application per criterion (your own review; editable until the selection starts)',
    tag: 'Reviews',
    auth: ['department'],
    table: 'write',
    refusedBy: ['review-phase', 'status-transitions'],
    params: ApplicationParams,
    body: ReviewBody,
    responses: {
      201: { description: 'Review created.', schema: Review, etag: true },
      200: { description: 'Review replaced.', schema: Review, etag: true },
    },
    errors: [404, 409],
  }),
  listReviews: route({
    operationId: 'listReviews',
    method: 'GET',
    path: '/calls/{callId}/applications/{applicationId}/reviews',
    handler: 'functions/reviews/list.ts',
    summary: 'All reviews of an application (department only)',
    tag: 'Reviews',
    auth: ['department'],
    table: 'read',
    params: ApplicationParams,
    responses: { 200: { description: 'The reviews.', schema: lazy(() => z.object({ items: z.array(Review()) })) } },
    errors: [404],
  }),
} satisfies Record<string, RouteSpec>;
