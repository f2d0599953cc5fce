import { route, type RouteSpec } from '../http/route.ts';
import { PrivacyRegister } from '../schemas/privacy.ts';

export const privacyRoutes = {
  privacyRegister: route({
    operationId: 'privacyRegister',
    method: 'GET',
    path: '/privacy/register',
    handler: 'functions/privacy/register.ts',
    summary:
      'The processing register: each kind of personal data, where it is stored, who may read it, its purpose, legal basis and retention (department)',
    tag: 'Rules',
    auth: ['department'],
    table: 'none',
    responses: { 200: { description: 'The register.', schema: PrivacyRegister } },
  }),
} satisfies Record<string, RouteSpec>;
