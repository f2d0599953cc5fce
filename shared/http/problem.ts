/**
 * RFC 9457 problem details. Every error the API returns is one of these, with one entry in `errors`
 * per offending field where the problem is about the input.
 */
export interface FieldError {
  path: string;
  message: string;
  /** The rule (shared/domain/rules/registry.ts) that refused the field, when one did. */
  rule?: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are relative URI references resolved against the API's base (RFC 9457 §3.1.1). */
export function problemType(slug: string): string {
  return `/problems/${slug}`;
}

/**
 * The rule (shared/domain/rules/registry.ts) behind a refusal whose problem slug is not the rule's own id:
 * such a problem carries it as `rule`, like every refusal by a rule. Kept next to the problems so a new
 * refusal is mapped where it is written; a test checks every id is in the registry.
 */
export const RULE_OF_PROBLEM: Readonly<Record<string, string>> = {
  'deadline-passed': 'call-open',
  'review-not-open': 'review-phase',
  'review-closed': 'review-phase',
  'selection-running': 'selection-start',
  'call-not-published': 'selection-start',
  'call-decided': 'selection-start',
  'deadline-not-passed': 'selection-start',
  'reviews-missing': 'selection-start',
  'objection-period-over': 'objection-period',
  'client-has-active-trajectory': 'one-active-trajectory-per-client',
  'no-valid-recognition': 'mandate-conditions',
  'werkpost-full': 'ama-werkpost-places',
  'not-a-recognised-begeleider': 'ama-begeleider-recognised',
  'trajectory-not-ama': 'ama-follows-trajectory',
  'not-a-draft': 'status-transitions',
  'already-decided': 'status-transitions',
  'agreement-not-draft': 'status-transitions',
  'agreement-ended': 'status-transitions',
  'objection-exists': 'status-transitions',
  'objection-decided': 'status-transitions',
  'not-submitted': 'status-transitions',
  'call-frozen': 'status-transitions',
  'not-closed': 'status-transitions',
  'no-outcome': 'status-transitions',
};

export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly extensions: Record<string, unknown>;
  /** Response headers that go with the problem (e.g. Retry-After on a 503). */
  readonly headers: Record<string, string>;

  constructor(options: {
    status: number;
    slug: string;
    title: string;
    detail: string;
    errors?: FieldError[];
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
  }) {
    super(options.detail);
    this.name = 'HttpProblem';
    this.status = options.status;
    this.type = problemType(options.slug);
    this.title = options.title;
    this.detail = options.detail;
    this.errors = options.errors ?? [];
    const rule = RULE_OF_PROBLEM[options.slug];
    this.extensions = rule ? { rule, ...options.extensions } : (options.extensions ?? {});
    this.headers = options.headers ?? {};
  }

  toBody(): ProblemBody {
    return {
      ...this.extensions,
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      errors: this.errors,
    };
  }

  /**
   * The problem as an answer given outside the route pipeline (which also sets its headers: see
   * middlewares/problem-responses.ts): a function's dispatcher, a handler without middy.
   */
  toResult(): { statusCode: number; headers: Record<string, string>; body: string } {
    return { statusCode: this.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body: JSON.stringify(this.toBody()) };
  }
}

export const problems = {
  malformedJson: (detail: string) => new HttpProblem({ status: 400, slug: 'malformed-json', title: 'Malformed JSON', detail }),
  badRequest: (detail: string, errors: FieldError[]) =>
    new HttpProblem({ status: 400, slug: 'bad-request', title: 'Bad request', detail, errors }),
  unauthorized: () =>
    new HttpProblem({
      status: 401,
      slug: 'unauthorized',
      title: 'Unauthorized',
      detail: 'A valid bearer token is required.',
      // RFC 9110 §11.6.1 / RFC 6750: a 401 names the scheme it wants.
      headers: { 'www-authenticate': 'Bearer' },
    }),
  forbidden: () =>
    new HttpProblem({
      status: 403,
      slug: 'forbidden',
      title: 'Forbidden',
      detail: 'Your role may not use this operation.',
    }),
  notFound: (what = 'The resource') =>
    new HttpProblem({ status: 404, slug: 'not-found', title: 'Not found', detail: `${what} does not exist.` }),
  conflict: (slug: string, detail: string, errors: FieldError[] = []) =>
    new HttpProblem({ status: 409, slug, title: 'Conflict', detail, errors }),
  preconditionFailed: () =>
    new HttpProblem({
      status: 412,
      slug: 'stale-etag',
      title: 'Precondition failed',
      detail: 'The resource changed since you read it: GET it again and reapply your change with the new ETag.',
    }),
  payloadTooLarge: (limit: number) =>
    new HttpProblem({
      status: 413,
      slug: 'payload-too-large',
      title: 'Payload too large',
      detail: `The request body is larger than ${limit} bytes.`,
    }),
  unsupportedMediaType: () =>
    new HttpProblem({
      status: 415,
      slug: 'unsupported-media-type',
      title: 'Unsupported media type',
      detail: 'Send the request body as application/json.',
    }),
  validation: (errors: FieldError[], detail = 'The request breaks one or more rules; see errors.') =>
    new HttpProblem({
      status: 422,
      slug: 'validation-error',
      title: 'Validation error',
      detail,
      errors,
      // A refusal by rules names them: the first as `rule`, each on its field.
      extensions: errors.some((e) => e.rule) ? { rule: errors.find((e) => e.rule)!.rule } : {},
    }),
  /** A 409 or 422 that one rule of the registry causes: its id is the problem's slug and its `rule`. */
  refusedBy: (rule: string, status: 409 | 422, detail: string, errors: FieldError[] = []) =>
    new HttpProblem({ status, slug: rule, title: 'Refused by a rule', detail, errors, extensions: { rule } }),
  preconditionRequired: () =>
    new HttpProblem({
      status: 428,
      slug: 'if-match-required',
      title: 'Precondition required',
      detail: 'This update needs an If-Match header with the ETag from your last GET.',
    }),
  serviceUnavailable: (retryAfterSeconds: number) =>
    new HttpProblem({
      status: 503,
      slug: 'service-unavailable',
      title: 'Service unavailable',
      detail: `A service we depend on did not answer in time. Nothing was changed by this request unless a later read shows it; please try again in ${retryAfterSeconds} seconds.`,
      headers: { 'retry-after': String(retryAfterSeconds) },
    }),
  internal: () =>
    new HttpProblem({
      status: 500,
      slug: 'internal-error',
      title: 'Internal server error',
      detail: 'Something went wrong on our side. The error was logged; please try again later.',
    }),
};
