import type { RouteSpec, TableAccess } from './http/route.ts';
import { ENCRYPTION_SDK_PACKAGE } from './runtime/encryption-sdk.ts';
import { routes, type RouteId } from './routes.ts';

/**
 * The Lambda functions of the API, defined once: which routes each serves. API Gateway keeps one route per
 * route-table entry (with its authorizer); CDK integrates each route with the function listed here, and the
 * local API sends each request to the same function entry, whose dispatcher (shared/http/dispatch.ts)
 * picks the route's handler by route key.
 *
 * The grouping was chosen by measurement (`npm run bench`, README "Function topology"): one function per
 * area and access level. Fewer, busier functions are warm far more often than one per route; splitting by
 * access level keeps least privilege (a read function cannot write; an audited read may only add audit
 * entries); and each bundle holds only the schemas and code of its own routes.
 *
 * Areas: `facilities` (facilities, recognitions, mandates), `calls` (calls, applications, reviews,
 * selection, objections, networks as appointed), `trajectories` (trajectories, extensions, statistics,
 * networks registered by hand; the department's work queue, read with its other reads without client data), `ama` (werkposten, agreements). `health` and `openapi` stand alone: the
 * health check needs nothing, and only the OpenAPI function carries the document generator.
 */
export interface ApiFunctionSpec {
  /** The entry module (relative to the repository root); it exports `handler = dispatch(...)`. */
  entry: string;
  description: string;
  routes: readonly RouteId[];
  /**
   * Modules of this function bundled into a file of their own beside its bundle and imported on first use, or
   * data files put there and read on first use: subpath imports of package.json "imports"
   * (`#reference-routes`, `#openapi-document`), which locally resolve to the repository's files.
   */
  separateModules?: readonly string[];
}

export const apiFunctions = {
  Health: {
    entry: 'functions/health.ts',
    description: 'Liveness check; imports nothing it does not need',
    routes: ['getHealth'],
  },
  OpenApi: {
    entry: 'functions/openapi.ts',
    description: 'The OpenAPI document, generated from the route table',
    routes: ['getOpenApi'],
    // The document, generated at build time: a file beside the bundle, read on the first request.
    separateModules: ['#openapi-document'],
  },
  Reference: {
    entry: 'functions/reference.ts',
    description:
      'The rules in force, with their sources, the processing register and the problem type pages: reads nothing from the table',
    routes: ['listRules', 'privacyRegister', 'getProblemType'],
    // Its entry answers today's rules, the register and the problem pages from build-time data, a file beside
    // the bundle; the routes' handlers (middy, zod, the logger) are imported on the first request that data
    // does not answer.
    separateModules: ['#reference-answers', '#reference-routes'],
  },
  FacilitiesRead: {
    entry: 'functions/facilities-read.ts',
    description: 'Facilities, mandate requests and samenwerkingsverbanden Zorg: reads',
    routes: [
      'listFacilities',
      'getFacility',
      'listMandateRequests',
      'listAllMandateRequests',
      'listCooperations',
      'getCooperation',
      'getCallSubscription',
    ],
  },
  FacilitiesWrite: {
    entry: 'functions/facilities-write.ts',
    description: 'Facilities, recognitions, mandates and samenwerkingsverbanden Zorg: changes',
    routes: [
      'createFacility',
      'updateFacility',
      'addRecognition',
      'withdrawRecognition',
      'requestMandate',
      'decideMandate',
      'withdrawMandate',
      'registerCooperation',
      'renewCooperation',
      'withdrawCooperation',
      'putCallSubscription',
      'deleteCallSubscription',
    ],
  },
  CallsRead: {
    entry: 'functions/calls-read.ts',
    description: 'Calls, applications, reviews, selection and networks: reads',
    routes: [
      'listCalls',
      'getCall',
      'listApplications',
      'getApplication',
      'getEligibility',
      'getReceipt',
      'listVersions',
      'verifyReceipt',
      'listReviews',
      'getSelection',
      'listNetworks',
      'getNetwork',
      'callStatistics',
    ],
  },
  CallsWrite: {
    entry: 'functions/calls-write.ts',
    description: 'Calls, applications, reviews, selection and objections: changes',
    routes: [
      'createCall',
      'updateCall',
      'publishCall',
      'extendDeadline',
      'createApplication',
      'updateApplication',
      'submitApplication',
      'reopenApplication',
      'withdrawApplication',
      'answerAsPartner',
      'declareNoConflict',
      'putReview',
      'startSelection',
      'lodgeObjection',
      'decideObjection',
      'redecideRegion',
    ],
  },
  TrajectoriesRead: {
    entry: 'functions/trajectories-read.ts',
    description: "The department's reads without client data: trajectory audit trails, the report, the extension and work queues",
    routes: ['trajectoryAudit', 'trajectoryStatistics', 'listExtensionRequests', 'departmentQueue', 'departmentQueueSummary'],
  },
  TrajectoriesAudited: {
    entry: 'functions/trajectories-audited.ts',
    description: 'Trajectories: reads, each recorded in the audit trail',
    routes: ['listTrajectories', 'getTrajectory'],
  },
  TrajectoriesWrite: {
    entry: 'functions/trajectories-write.ts',
    description: 'Trajectories, extensions and networks registered by hand: changes',
    routes: [
      'createTrajectory',
      'patchTrajectory',
      'closeTrajectory',
      'confirmPlan',
      'reopenTrajectory',
      'reassignTrajectory',
      'requestExtension',
      'decideExtension',
      'registerNetwork',
      'withdrawNetwork',
      'privacyRequest',
    ],
  },
  AmaRead: {
    entry: 'functions/ama-read.ts',
    description: 'Werkposten and agreement audit trails: reads',
    routes: ['listWerkposten', 'listAgreements', 'agreementAudit'],
  },
  AmaAudited: {
    entry: 'functions/ama-audited.ts',
    description: 'AMA agreements and their PDF: reads, each recorded in the audit trail',
    routes: ['getAgreement', 'agreementDocument'],
  },
  AmaWrite: {
    entry: 'functions/ama-write.ts',
    description: 'Werkposten and AMA agreements: changes',
    routes: [
      'createWerkpost',
      'updateWerkpost',
      'deleteWerkpost',
      'createAgreement',
      'updateAgreement',
      'signAgreement',
      'endAgreement',
      'submitAgreement',
      'decideSubmission',
    ],
  },
} as const satisfies Record<string, ApiFunctionSpec>;

export type ApiFunctionId = keyof typeof apiFunctions;

const ACCESS_ORDER: readonly TableAccess[] = ['none', 'read', 'audit', 'write'];

/** What a function may do: the union of what its routes declare (CDK grants exactly this). */
export interface FunctionNeeds {
  table: TableAccess;
  sendsEmail: boolean;
  signsReceipts: boolean;
  pseudonymizesClients: boolean;
  sealsParticipantIdentity: boolean;
  opensParticipantIdentity: boolean;
  startsSelection: boolean;
  nodeModules: readonly string[];
  /** Packages bundled into a file of their own next to the function's bundle, imported on first use. */
  separateBundles: readonly string[];
}

export function needsOf(specs: readonly RouteSpec[]): FunctionNeeds {
  const identity = specs.some((s) => s.sealsParticipantIdentity === true || s.opensParticipantIdentity === true);
  const table = specs.reduce<TableAccess>(
    (widest, spec) => (ACCESS_ORDER.indexOf(spec.table) > ACCESS_ORDER.indexOf(widest) ? spec.table : widest),
    'none',
  );
  return {
    table,
    sendsEmail: specs.some((s) => s.sendsEmail === true),
    signsReceipts: specs.some((s) => s.signsReceipts === true),
    pseudonymizesClients: specs.some((s) => s.pseudonymizesClients === true),
    sealsParticipantIdentity: specs.some((s) => s.sealsParticipantIdentity === true),
    opensParticipantIdentity: specs.some((s) => s.opensParticipantIdentity === true),
    startsSelection: specs.some((s) => s.startsSelection === true),
    nodeModules: [...new Set(specs.flatMap((s) => s.nodeModules ?? []))].sort(),
    // The Encryption SDK is parsed by no cold start: the first request that seals or opens an identity imports it.
    separateBundles: identity ? [ENCRYPTION_SDK_PACKAGE] : [],
  };
}

/** What CDK bundles into files of their own beside a function's bundle: its routes' packages and its own modules. */
export function separateBundlesOf(id: ApiFunctionId, needs: FunctionNeeds = needsOf(routeSpecsOf(id))): string[] {
  const spec: ApiFunctionSpec = apiFunctions[id];
  return [...needs.separateBundles, ...(spec.separateModules ?? [])];
}

/** The route-table entries a function serves. */
export function routeSpecsOf(id: ApiFunctionId): RouteSpec[] {
  return (apiFunctions[id].routes as readonly RouteId[]).map((routeId) => routes[routeId]);
}

/** The function that serves a route (by operationId, which is also its key in the route table). */
export function functionOfRoute(operationId: string): ApiFunctionId {
  for (const [id, fn] of Object.entries(apiFunctions) as [ApiFunctionId, ApiFunctionSpec][]) {
    if ((fn.routes as readonly string[]).includes(operationId)) return id;
  }
  throw new Error(`no function serves ${operationId}`);
}
