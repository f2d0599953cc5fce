/** The department's work queue: reads. Routes and access: shared/functions.ts (DepartmentRead). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as queue } from './department/queue.ts';
import { handler as queueSummary } from './department/queue-summary.ts';

export const handler = dispatch(queue, queueSummary);
