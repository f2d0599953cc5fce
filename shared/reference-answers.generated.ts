// Generated from the route table by `npm run reference:write`; do not edit (a test fails when it is stale).
import type { ReferenceRoutes } from './http/reference-answers.ts';

/** The Reference function's routes, by route key. */
export const REFERENCE_ROUTES: ReferenceRoutes = {
  "GET /rules": {
    "operationId": "listRules",
    "auth": [
      "department",
      "facility",
      "casemanager-zorg",
      "casemanager-werk"
    ]
  },
  "GET /privacy/register": {
    "operationId": "privacyRegister",
    "auth": [
      "department"
    ]
  },
  "GET /problems/{slug}": {
    "operationId": "getProblemType",
    "auth": "public",
    "cacheControl": "public, max-age=3600"
  }
};
