import { route, type RouteSpec } from '../http/route.ts';
import { QueuePage, QueueQuery, QueueSummary } from '../schemas/department.ts';

export const departmentRoutes = {
  departmentQueue: route({
    operationId: 'departmentQueue',
    method: 'GET',
    path: '/department/queue',
    handler: 'functions/department/queue.ts',
    summary: 'What waits for the department, one kind at a time, oldest first, with its age in days (department)',
    tag: 'Department',
    auth: ['department'],
    table: 'read',
    query: QueueQuery,
    responses: { 200: { description: 'A page of the queue.', schema: QueuePage } },
  }),
  departmentQueueSummary: route({
    operationId: 'departmentQueueSummary',
    method: 'GET',
    path: '/department/queue/summary',
    handler: 'functions/department/queue-summary.ts',
    summary: 'How much waits for the department per kind, and since when the oldest (department)',
    tag: 'Department',
    auth: ['department'],
    table: 'read',
    responses: { 200: { description: 'Counts per kind.', schema: QueueSummary } },
  }),
} satisfies Record<string, RouteSpec>;
