import type { RouteSpec } from './http/route.ts';
import { systemRoutes } from './routes/system.ts';
import { facilityRoutes } from './routes/facilities.ts';
import { callRoutes } from './routes/calls.ts';
import { applicationRoutes } from './routes/applications.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { selectionRoutes } from './routes/selection.ts';
import { mandateRoutes } from './routes/mandates.ts';
import { trajectoryRoutes } from './routes/trajectories.ts';
import { amaRoutes } from './routes/ama.ts';
import { ruleRoutes } from './routes/rules.ts';
import { privacyRoutes } from './routes/privacy.ts';
import { cooperationRoutes } from './routes/cooperations.ts';
import { departmentRoutes } from './routes/department.ts';

/**
 * The route table, one file per area under `routes/`. CDK creates one Lambda function and one HTTP API
 * route per entry; the local API serves exactly these; the OpenAPI document is generated from them.
 */
export const routes = {
  ...systemRoutes,
  ...facilityRoutes,
  ...callRoutes,
  ...applicationRoutes,
  ...reviewRoutes,
  ...selectionRoutes,
  ...mandateRoutes,
  ...cooperationRoutes,
  ...trajectoryRoutes,
  ...amaRoutes,
  ...ruleRoutes,
  ...privacyRoutes,
  ...departmentRoutes,
} satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof routes;

export const routeList: readonly RouteSpec[] = Object.values(routes);
