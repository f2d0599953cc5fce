import type * as z from '../zod.ts';
import type { Role } from '../domain/reference-data.ts';
import type { RuleId } from '../domain/rules/registry.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a route may do with the table; CDK grants its function the union of its routes' access:
 * `read`: get and query; `audit`: read, and add audit entries (PutItem of an audit entry's attributes only,
 * in the partitions of audited records: shared/store/audit.ts); `write`: read and write.
 */
export type TableAccess = 'none' | 'read' | 'audit' | 'write';

export interface ResponseSpec {
  description: string;
  /** Built on first use (shared/zod.ts `lazy`): only the OpenAPI document needs response schemas. */
  schema?: () => z.core.$ZodType;
  /** Response carries an ETag header. */
  etag?: boolean;
  /**
   * Media types the response takes instead of JSON: with a `schema`, on request (`Accept`); without one, the
   * only one (a PDF). For the OpenAPI document.
   */
  alsoAs?: readonly ResponseMediaType[];
}

export type ResponseMediaType = 'application/pdf' | 'text/csv' | 'text/html';

/**
 * One entry of the route table: the single source of truth for CDK (one function and one route per
 * entry), the local API (serves exactly these) and the OpenAPI document.
 */
export interface RouteSpec<
  P extends z.core.$ZodType = z.core.$ZodType,
  Q extends z.core.$ZodType = z.core.$ZodType,
  B extends z.core.$ZodType = z.core.$ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/facilities/{enterpriseNumber}`. */
  path: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  handler: string;
  summary: string;
  description?: string;
  tag: string;
  /** `public`: no token needed. Otherwise the roles that may call it (others get 403). */
  auth: 'public' | readonly Role[];
  table: TableAccess;
  /**
   * The rules of the registry (shared/domain/rules/registry.ts, `GET /rules`) that can refuse this route: its
   * refusals name them as `rule`. For the OpenAPI document; a test checks that each exists.
   */
  refusedBy?: readonly RuleId[];
  /** Extra IAM needs beyond the table (e.g. sending email). */
  sendsEmail?: boolean;
  /** Signs or verifies submission receipts: may read the receipt signing key (Secrets Manager). */
  signsReceipts?: boolean;
  /** Turns a client reference into its pseudonym (the active-trajectory marker): may read the client pseudonym key. */
  pseudonymizesClients?: boolean;
  /** Seals an AMA participant's identity: may generate data keys with the participant identity key, for that purpose only. */
  sealsParticipantIdentity?: boolean;
  /** Opens a sealed participant identity (the PDF, the department's view of a submission): may decrypt with that key, for that purpose only. */
  opensParticipantIdentity?: boolean;
  /** Starts executions of the selection state machine (and nothing else in Step Functions). */
  startsSelection?: boolean;
  /** Packages installed next to the bundle instead of bundled (they load files at run time, e.g. pdfkit's fonts). */
  nodeModules?: readonly string[];
  /** The body may be left out entirely (then `{}` is validated). */
  bodyOptional?: boolean;
  /** Input schemas, each built on the route's first request (shared/zod.ts `lazy`), not at import. */
  params?: () => P;
  query?: () => Q;
  body?: () => B;
  /** Updates need `If-Match` (428 without it, 412 when stale). */
  ifMatch?: boolean;
  responses: Record<number, ResponseSpec>;
  /** A problem of this status carries more than the common members (e.g. the eligibility `report`): its schema, for the OpenAPI document. */
  problemSchemas?: Partial<Record<number, () => z.core.$ZodType>>;
  /** Error statuses this route can answer with beyond the ones derived from its inputs and auth. */
  errors?: readonly number[];
  /** The response is not JSON (e.g. an HTML page); only the local API serves such routes. */
  localOnly?: boolean;
}

export function route<P extends z.core.$ZodType, Q extends z.core.$ZodType, B extends z.core.$ZodType>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec<P, Q, B> {
  return spec;
}

/**
 * A creating POST (one that answers 201) accepts an `Idempotency-Key` header: a retry with the same key
 * and body gets the first response again instead of creating a second record (shared/http/middlewares/idempotency.ts).
 */
export function acceptsIdempotencyKey(spec: RouteSpec): boolean {
  return spec.method === 'POST' && 201 in spec.responses;
}

/** Every error status a route can give: the declared ones plus those its inputs and auth imply. */
export function errorStatuses(spec: RouteSpec): number[] {
  const statuses = new Set<number>(spec.errors ?? []);
  if (spec.auth !== 'public') {
    statuses.add(401);
    statuses.add(403);
  }
  if (spec.body) {
    statuses.add(400);
    statuses.add(413);
    statuses.add(415);
  }
  if (spec.body || spec.query || spec.params) statuses.add(422);
  if (spec.query) statuses.add(400);
  if (spec.ifMatch) {
    statuses.add(412);
    statuses.add(428);
  }
  if (acceptsIdempotencyKey(spec)) {
    statuses.add(409);
    statuses.add(422);
  }
  // A service that did not answer in time (shared/http/service-unavailable.ts).
  if (spec.table !== 'none') statuses.add(503);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}
