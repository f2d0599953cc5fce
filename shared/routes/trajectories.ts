import * as z from 'zod';
import { route, type RouteSpec } from '../http/route.ts';
import { Network } from '../schemas/selection.ts';
import {
  AuditEntry,
  CloseTrajectoryBody,
  CreateTrajectoryBody,
  ExtensionDecisionBody,
  ExtensionParams,
  ExtensionRequest,
  ExtensionRequestBody,
  ListTrajectoriesQuery,
  PatchTrajectoryBody,
  ReassignBody,
  RegisterNetworkBody,
  Trajectory,
  TrajectoryPage,
  TrajectoryParams,
  TrajectoryStatistics,
} from '../schemas/trajectories.ts';

const CASE_MANAGERS = ['casemanager-zorg', 'casemanager-werk'] as const;
const WITH_DEPARTMENT = ['department', 'casemanager-zorg', 'casemanager-werk'] as const;

const trajectoryRoute = <B extends z.ZodType>(spec: {
  operationId: string;
  method: 'POST' | 'PATCH';
  suffix: string;
  file: string;
  summary: string;
  auth: RouteSpec['auth'];
  body: B;
  ifMatch?: boolean;
  status?: number;
  schema?: z.ZodType;
  sendsEmail?: boolean;
}) =>
  route({
    operationId: spec.operationId,
    method: spec.method,
    path: `/trajectories/{trajectoryId}${spec.suffix}`,
    handler: `functions/trajectories/${spec.file}.ts`,
    summary: spec.summary,
    tag: 'Trajectories',
    auth: spec.auth,
    table: 'write',
    ...(spec.sendsEmail ? { sendsEmail: true } : {}),
    params: TrajectoryParams,
    body: spec.body,
    ...(spec.ifMatch ? { ifMatch: true } : {}),
    responses: { [spec.status ?? 200]: { description: 'Done.', schema: spec.schema ?? Trajectory, etag: !spec.schema } },
    errors: [404, 409],
  });

export const trajectoryRoutes = {
  createTrajectory: route({
    operationId: 'createTrajectory',
    method: 'POST',
    path: '/trajectories',
    handler: 'functions/trajectories/create.ts',
    summary: 'Open an activation trajectory (casemanager Zorg of a mandated network member)',
    tag: 'Trajectories',
    auth: ['casemanager-zorg'],
    table: 'write',
    pseudonymizesClients: true,
    body: CreateTrajectoryBody,
    responses: { 201: { description: 'Opened, ACTIVE.', schema: Trajectory, etag: true } },
    errors: [404, 409],
  }),
  listTrajectories: route({
    operationId: 'listTrajectories',
    method: 'GET',
    path: '/trajectories',
    handler: 'functions/trajectories/list.ts',
    summary: 'Your trajectories (case managers) or all of them (department)',
    tag: 'Trajectories',
    auth: WITH_DEPARTMENT,
    table: 'audit',
    query: ListTrajectoriesQuery,
    responses: { 200: { description: 'A page of trajectories.', schema: TrajectoryPage } },
  }),
  getTrajectory: route({
    operationId: 'getTrajectory',
    method: 'GET',
    path: '/trajectories/{trajectoryId}',
    handler: 'functions/trajectories/get.ts',
    summary: 'One trajectory (its two case managers and the department; the read is audited)',
    tag: 'Trajectories',
    auth: WITH_DEPARTMENT,
    table: 'audit',
    params: TrajectoryParams,
    responses: { 200: { description: 'The trajectory.', schema: Trajectory, etag: true } },
    errors: [404],
  }),
  patchTrajectory: trajectoryRoute({
    operationId: 'patchTrajectory',
    method: 'PATCH',
    suffix: '',
    file: 'patch',
    summary: 'Change the plan or the planned end date (never past maxEndDate); If-Match',
    auth: CASE_MANAGERS,
    body: PatchTrajectoryBody,
    ifMatch: true,
  }),
  closeTrajectory: trajectoryRoute({
    operationId: 'closeTrajectory',
    method: 'POST',
    suffix: '/close',
    file: 'close',
    summary: 'Close with an end date and an outcome; closed trajectories are read-only',
    auth: CASE_MANAGERS,
    body: CloseTrajectoryBody,
  }),
  reassignTrajectory: trajectoryRoute({
    operationId: 'reassignTrajectory',
    method: 'POST',
    suffix: '/reassignment',
    file: 'reassign',
    summary: 'Change the casemanager Zorg or Werk (department; or a casemanager Zorg of the same facility taking over)',
    auth: ['department', 'casemanager-zorg'],
    body: ReassignBody,
  }),
  requestExtension: trajectoryRoute({
    operationId: 'requestExtension',
    method: 'POST',
    suffix: '/extension-requests',
    file: 'request-extension',
    summary: 'Ask to run beyond 18 months (exceptional): a new planned end and the reason',
    auth: CASE_MANAGERS,
    body: ExtensionRequestBody,
    status: 201,
    schema: ExtensionRequest,
  }),
  trajectoryAudit: route({
    operationId: 'trajectoryAudit',
    method: 'GET',
    path: '/trajectories/{trajectoryId}/audit',
    handler: 'functions/trajectories/audit.ts',
    summary: 'The audit trail: who read or changed it, when (department)',
    tag: 'Trajectories',
    auth: ['department'],
    table: 'read',
    params: TrajectoryParams,
    responses: { 200: { description: 'Oldest first.', schema: z.object({ items: z.array(AuditEntry) }) } },
    errors: [404],
  }),
  decideExtension: route({
    operationId: 'decideExtension',
    method: 'POST',
    path: '/extension-requests/{requestId}/decision',
    handler: 'functions/trajectories/decide-extension.ts',
    summary: 'Grant or refuse an extension, with a motivation; both case managers are emailed',
    tag: 'Trajectories',
    auth: ['department'],
    table: 'write',
    sendsEmail: true,
    params: ExtensionParams,
    body: ExtensionDecisionBody,
    responses: { 200: { description: 'Decided.', schema: ExtensionRequest } },
    errors: [404, 409],
  }),
  trajectoryStatistics: route({
    operationId: 'trajectoryStatistics',
    method: 'GET',
    path: '/statistics/trajectories',
    handler: 'functions/trajectories/statistics.ts',
    summary: 'Counts per network, status and outcome (no client data)',
    tag: 'Trajectories',
    auth: ['department'],
    table: 'read',
    responses: { 200: { description: 'The counts.', schema: TrajectoryStatistics } },
  }),
  registerNetwork: route({
    operationId: 'registerNetwork',
    method: 'POST',
    path: '/networks',
    handler: 'functions/networks/register.ts',
    summary: 'Register a network appointed outside this system (department)',
    tag: 'Networks',
    auth: ['department'],
    table: 'write',
    body: RegisterNetworkBody,
    responses: { 201: { description: 'Registered.', schema: Network } },
    errors: [404],
  }),
} satisfies Record<string, RouteSpec>;
