import * as z from 'zod';
import { route, type RouteSpec } from '../http/route.ts';
import {
  FacilityParams,
  MandateDecisionBody,
  MandateRequest,
  MandateRequestBody,
  MandateRequestParams,
} from '../schemas/mandates.ts';

export const mandateRoutes = {
  requestMandate: route({
    operationId: 'requestMandate',
    method: 'POST',
    path: '/facilities/{enterpriseNumber}/mandate-requests',
    handler: 'functions/mandates/request.ts',
    summary: 'Ask the department for a mandate (casemanager Zorg) or a recognition as begeleider AMA',
    tag: 'Mandates',
    auth: ['facility', 'casemanager-zorg'],
    table: 'write',
    params: FacilityParams,
    body: MandateRequestBody,
    responses: { 201: { description: 'Requested.', schema: MandateRequest } },
    errors: [404],
  }),
  listMandateRequests: route({
    operationId: 'listMandateRequests',
    method: 'GET',
    path: '/facilities/{enterpriseNumber}/mandate-requests',
    handler: 'functions/mandates/list.ts',
    summary: "A facility's mandate requests and decisions",
    tag: 'Mandates',
    auth: ['department', 'facility', 'casemanager-zorg'],
    table: 'read',
    params: FacilityParams,
    responses: { 200: { description: 'The requests.', schema: z.object({ items: z.array(MandateRequest) }) } },
    errors: [404],
  }),
  decideMandate: route({
    operationId: 'decideMandate',
    method: 'POST',
    path: '/mandate-requests/{requestId}/decision',
    handler: 'functions/mandates/decide.ts',
    summary: 'Grant (needs a recognition valid on the decision date) or refuse; the facility is emailed',
    tag: 'Mandates',
    auth: ['department'],
    table: 'write',
    sendsEmail: true,
    params: MandateRequestParams,
    body: MandateDecisionBody,
    responses: { 200: { description: 'Decided.', schema: MandateRequest } },
    errors: [404, 409],
  }),
} satisfies Record<string, RouteSpec>;
