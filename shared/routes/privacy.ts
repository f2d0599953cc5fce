import { route, type RouteSpec } from '../http/route.ts';
import { PrivacyRegister, PrivacyRequestAnswer, PrivacyRequestBody } from '../schemas/privacy.ts';

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
  privacyRequest: route({
    operationId: 'privacyRequest',
    method: 'POST',
    path: '/privacy/requests',
    handler: 'functions/privacy/request.ts',
    summary:
      "A data subject's request (department): ACCESS exports everything held about one client (trajectories, who read them and when, retention); ERASURE removes their client data from every closed trajectory, listing what cannot be erased and why; both audited without the person's data",
    tag: 'Rules',
    auth: ['department'],
    table: 'write',
    pseudonymizesClients: true,
    nodeModules: ['pdfkit'],
    body: PrivacyRequestBody,
    responses: {
      200: {
        description: 'The export (as a Dutch PDF with `Accept: application/pdf`), or what was erased and what was not.',
        schema: PrivacyRequestAnswer,
        alsoAs: ['application/pdf'],
      },
    },
  }),
} satisfies Record<string, RouteSpec>;
