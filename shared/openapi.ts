import * as z from './zod.ts';
import { routeList } from './routes.ts';
import { ROLES } from './domain/reference-data.ts';
import { ruleById } from './domain/rules/registry.ts';
import { acceptsIdempotencyKey, errorStatuses, type ResponseMediaType, type RouteSpec } from './http/route.ts';
import { PROBLEM_CONTENT_TYPE, problemType } from './http/problem.ts';
import { ProblemSchema } from './schemas/common.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed JSON, or a tampered cursor.',
  401: 'No token, or a token that is expired or not ours.',
  403: 'Your role may not use this operation.',
  404: 'Not found, or not yours (existence is never revealed).',
  409: 'The change conflicts with the current state.',
  412: 'The If-Match ETag is stale: GET again and retry.',
  413: 'The request body is larger than 64 KB.',
  415: 'The request body is not application/json.',
  422: 'Valid JSON that breaks a rule; `errors` has one entry per offending field.',
  428: 'This update requires an If-Match header.',
  500: 'An error on our side (never caused by your input).',
  503: 'A service we depend on did not answer in time; try again after the seconds in Retry-After.',
};

/** The 429 of the stage's throttle (infra/stack.ts), the same for every operation: one shared response. */
const TOO_MANY_REQUESTS = 'TooManyRequests';

/** How a response in another media type than JSON is described. */
const MEDIA_SCHEMAS: Record<ResponseMediaType, JsonSchema> = {
  'application/pdf': { type: 'string', contentMediaType: 'application/pdf', description: 'A PDF document (binary).' },
  'text/csv': { type: 'string', contentMediaType: 'text/csv', description: 'CSV (RFC 4180), UTF-8, with a header row.' },
  'text/html': { type: 'string', contentMediaType: 'text/html', description: 'An HTML page.' },
};

const ROLE_TEXT: Record<string, string> = {
  department: '`department` (civil servants of the department WVG)',
  facility: '`facility` (users of a facility, `custom:facility`)',
  'casemanager-zorg': '`casemanager-zorg`',
  'casemanager-werk': '`casemanager-werk` (VDAB)',
};

/**
 * The description of an operation, generated from its route-table entry: what the entry says of itself, who
 * may call it, what it changes, the rules that can refuse it and its errors. Viewers show it; they do not
 * show `x-roles`.
 */
export function describeOperation(spec: RouteSpec): string {
  const parts: string[] = [];
  if (spec.description) parts.push(spec.description);
  if (spec.auth === 'public') {
    parts.push('**Who may call it:** anyone; no token needed.');
  } else {
    const everyone = ROLES.every((role) => spec.auth.includes(role));
    const roles = spec.auth.map((role) => ROLE_TEXT[role] ?? `\`${role}\``).join(', ');
    parts.push(
      everyone
        ? `**Who may call it:** any signed-in user (${roles}).`
        : `**Who may call it:** ${roles}; any other role gets 403.${errorStatuses(spec).includes(404) ? ' What belongs to another facility or trajectory is a 404 to you, as if it did not exist.' : ''}`,
    );
  }
  parts.push(`**What it changes:** ${changesOf(spec)}`);
  const rules = (spec.refusedBy ?? []).map((id) => {
    const rule = ruleById(id);
    if (!rule) throw new Error(`${spec.operationId} names a rule that is not in the registry: ${id}`);
    return `- [\`${id}\`](${problemType(id)}): ${rule.title.en}`;
  });
  if (rules.length > 0) {
    parts.push(
      `**Rules that can refuse it** (a refusal names the rule as \`rule\`; its source and parameters: \`GET /rules\`):\n\n${rules.join('\n')}`,
    );
  }
  const errors = errorStatuses(spec).map((status) => `- ${status}: ${STATUS_TEXT[status] ?? 'Error.'}`);
  parts.push(
    `**Errors** (RFC 9457 problem documents, whose \`type\` is a page at \`/problems/{slug}\` saying what it means and what to do):\n\n${errors.join('\n')}\n- 429: the stage's throttle; retry later.`,
  );
  return parts.join('\n\n');
}

function changesOf(spec: RouteSpec): string {
  const effects: string[] = [];
  switch (spec.table) {
    case 'none':
      effects.push('nothing; it reads no table');
      break;
    case 'read':
      effects.push('nothing; it only reads');
      break;
    case 'audit':
      effects.push('nothing but the audit trail: the read is recorded (who, when)');
      break;
    case 'write':
      effects.push(
        spec.method === 'GET'
          ? 'it reads'
          : 'it writes the table (conditionally, in one transaction where it changes several records)',
      );
      break;
  }
  if (spec.sendsEmail) effects.push('sends email through the outbox (written with the change, sent once it stands)');
  if (spec.startsSelection) effects.push('starts the network selection (a Step Functions execution)');
  if (spec.signsReceipts) effects.push('signs or checks receipts with the receipt signing key');
  if (spec.sealsParticipantIdentity) effects.push("seals the participant's identity (envelope encryption)");
  if (spec.opensParticipantIdentity) effects.push("opens the participant's sealed identity");
  if (acceptsIdempotencyKey(spec)) effects.push('a retry with the same `Idempotency-Key` creates nothing new');
  return `${effects.join('; ')}.`;
}

const IF_MATCH_HEADER = z.withMeta(z.string(), { description: 'The ETag from your last GET.' });
const IDEMPOTENCY_KEY_HEADER = z.withMeta(z.optional(z.string().check(z.minLength(1), z.maxLength(255))), {
  description:
    'A key of your choosing (a UUID) that makes a retry safe: the same key and body within 24 hours get the first response again (with `Idempotent-Replayed: true`) and create nothing; the same key with another body is a 422.',
  example: '8e0f4c1e-6f2a-4b5e-9a51-3d2c7b1f0a99',
});

type JsonSchema = Record<string, unknown>;
type Schema = z.core.$ZodType;

const COMPONENT_REF = '#/components/schemas/';
/** The id under which a schema without one is converted, to be inlined where it is used. */
const INLINE = '__inline';
/** The safe-integer bounds zod states on every `z.int()`: true of every JSON number a client sends, so left out. */
const SAFE_INTEGER_BOUNDS = { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };

/**
 * JSON Schema (2020-12, the dialect of OpenAPI 3.1) for the route table's zod schemas, with zod's own
 * `z.toJSONSchema`: every schema with an `id` (`withMeta(…, { id })`) becomes a component that the others
 * refer to; the rest are inlined where they are used. Request and response schemas alike are described as
 * a client writes or reads them (zod's `input` view: a field with a default may be left out).
 */
class SchemaConverter {
  private readonly registry = z.registry<{ id: string }>();
  private readonly pending: Schema[] = [];
  private converted: Record<string, JsonSchema> | undefined;

  /** Registers a schema to convert; `toJson` answers its JSON Schema once `convert` has run. */
  add(schema: Schema): void {
    if (this.registry.has(schema)) return;
    const id = z.globalRegistry.get(schema)?.id ?? `${INLINE}${this.pending.length}`;
    this.registry.add(schema, { id });
    this.pending.push(schema);
  }

  convert(): void {
    // Every component, so that any schema referring to one gets a $ref (only those the paths reach are kept).
    for (const [id, schema] of z.globalRegistry._idmap) if (!this.registry.get(schema)) this.registry.add(schema, { id });
    const { schemas } = z.toJSONSchema(this.registry, {
      target: 'draft-2020-12',
      io: 'input',
      uri: (id) => `${COMPONENT_REF}${id}`,
      override: ({ zodSchema, jsonSchema }) => {
        addDiscriminator(zodSchema, jsonSchema, this.registry);
        keepDefault(zodSchema, jsonSchema);
      },
    });
    const converted = schemas as Record<string, JsonSchema>;
    // A schema registered here only to be inlined (one without an id) is a $ref where another schema holds it: inline it there.
    const inline = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(inline);
      if (node === null || typeof node !== 'object') return node;
      const { $ref, ...rest } = node as JsonSchema;
      if (typeof $ref === 'string' && $ref.startsWith(`${COMPONENT_REF}${INLINE}`)) {
        return inline({ ...converted[$ref.slice(COMPONENT_REF.length)], ...rest });
      }
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value)]));
    };
    this.converted = {};
    for (const [id, json] of Object.entries(converted)) this.converted[id] = tidy(inline(json)) as JsonSchema;
  }

  /** The schema where it is used: a $ref for a component, else the schema inline. */
  toJson(schema: Schema): JsonSchema {
    if (!this.converted) throw new Error('SchemaConverter.toJson before convert');
    const id = this.registry.get(schema)?.id;
    const json = id === undefined ? undefined : this.converted[id];
    if (!id || !json) throw new Error('SchemaConverter.toJson: a schema that was not added');
    return id.startsWith(INLINE) ? json : { $ref: `${COMPONENT_REF}${id}` };
  }

  /** The description of a schema where it is used, or of the component it refers to. */
  descriptionOf(json: JsonSchema): string | undefined {
    const ref = typeof json.$ref === 'string' ? this.converted?.[json.$ref.slice(COMPONENT_REF.length)] : undefined;
    const description = json.description ?? ref?.description;
    return typeof description === 'string' ? description : undefined;
  }

  /** The components `document` refers to, directly or through another component, in the order first met. */
  componentsOf(document: unknown): Record<string, JsonSchema> {
    const converted = this.converted ?? {};
    const components: Record<string, JsonSchema> = {};
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)) {
          const id = value.slice(COMPONENT_REF.length);
          const component = converted[id];
          if (!component) throw new Error(`the OpenAPI document refers to ${id}, which no schema has as its id`);
          if (!(id in components)) {
            components[id] = component;
            visit(component);
          }
        } else {
          visit(value);
        }
      }
    };
    visit(document);
    return components;
  }
}

/** A discriminated union of components: the discriminator and its mapping, as OpenAPI tools read it. */
function addDiscriminator(zodSchema: Schema, json: JsonSchema, registry: z.core.$ZodRegistry<{ id: string }>): void {
  const def = zodSchema._zod.def as Partial<z.core.$ZodDiscriminatedUnionDef>;
  if (def.type !== 'union' || typeof def.discriminator !== 'string' || !def.options) return;
  const mapping: Record<string, string> = {};
  for (const option of def.options) {
    const id = z.globalRegistry.get(option)?.id;
    const values = option._zod.propValues?.[def.discriminator];
    if (!id || !registry.get(option) || !values) return;
    for (const value of values) mapping[String(value)] = `${COMPONENT_REF}${id}`;
  }
  json.discriminator = { propertyName: def.discriminator, mapping };
}

/**
 * zod leaves out the default of a schema with a transform inside (here: an array of objects holding an
 * enterprise number) in the input view, the default being an output value; ours are plain JSON, valid as input.
 */
function keepDefault(zodSchema: Schema, json: JsonSchema): void {
  const def = zodSchema._zod.def as Partial<z.core.$ZodDefaultDef>;
  if (def.type !== 'default' || 'default' in json) return;
  json.default = JSON.parse(JSON.stringify(def.defaultValue)) as unknown;
}

/**
 * What zod adds that says nothing to a client: `$schema` and `$id` on each component, the safe-integer bounds
 * of `z.int()`, its own regular expression next to `format: email` / `date-time`, `propertyNames` that only
 * say a key is a string; and `anyOf` of two bare types (a nullable integer) written as one `type` array.
 */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const json = node as JsonSchema;
  for (const value of Object.values(json)) tidy(value);
  delete json.$schema;
  delete json.$id;
  // OpenAPI 3.1 schemas are JSON Schema 2020-12: `examples` (an array); `example` is deprecated.
  if ('example' in json) {
    json.examples = [json.example];
    delete json.example;
  }
  if (json.pattern !== undefined && (json.format === 'email' || json.format === 'date-time')) delete json.pattern;
  const names = json.propertyNames as JsonSchema | undefined;
  if (names && Object.keys(names).length === 1 && names.type === 'string') delete json.propertyNames;
  const anyOf = json.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2 && anyOf.every((s) => Object.keys(s).length === 1 && typeof s.type === 'string')) {
    json.type = anyOf.map((s) => s.type);
    delete json.anyOf;
  }
  if (json.type === 'integer' || (Array.isArray(json.type) && json.type.includes('integer'))) {
    if (json.minimum === SAFE_INTEGER_BOUNDS.minimum) delete json.minimum;
    if (json.maximum === SAFE_INTEGER_BOUNDS.maximum) delete json.maximum;
  }
  return json;
}

/** The properties of an object schema (a route's params or query), each with whether it may be left out. */
function propertiesOf(schema: Schema): [string, Schema, boolean][] {
  const def = schema._zod.def as Partial<z.core.$ZodObjectDef>;
  if (def.type !== 'object' || !def.shape) throw new Error('route params and query must be object schemas');
  return Object.entries(def.shape).map(([name, property]) => [name, property, property._zod.optin !== undefined]);
}

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: Schema;
  required: boolean;
}

function parametersOf(spec: RouteSpec): Parameter[] {
  const parameters: Parameter[] = [];
  if (spec.params) {
    for (const [name, schema] of propertiesOf(spec.params())) parameters.push({ in: 'path', name, schema, required: true });
  }
  if (spec.query) {
    for (const [name, schema, optional] of propertiesOf(spec.query())) {
      parameters.push({ in: 'query', name, schema, required: !optional });
    }
  }
  if (spec.ifMatch) parameters.push({ in: 'header', name: 'If-Match', schema: IF_MATCH_HEADER, required: true });
  if (acceptsIdempotencyKey(spec)) {
    parameters.push({ in: 'header', name: 'Idempotency-Key', schema: IDEMPOTENCY_KEY_HEADER, required: false });
  }
  return parameters;
}

/** The OpenAPI 3.1 document, generated from the route table's zod schemas. */
export function buildOpenApiDocument(options: { serverUrl?: string } = {}) {
  const routes = routeList.filter((spec) => !spec.localOnly);
  const schemas = new SchemaConverter();
  schemas.add(ProblemSchema());
  for (const spec of routes) {
    for (const parameter of parametersOf(spec)) schemas.add(parameter.schema);
    if (spec.body) schemas.add(spec.body());
    for (const response of Object.values(spec.responses)) if (response.schema) schemas.add(response.schema());
    for (const schema of Object.values(spec.problemSchemas ?? {})) if (schema) schemas.add(schema());
  }
  schemas.convert();

  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(spec.responses)) {
      const content: Record<string, unknown> = {};
      if (response.schema) content['application/json'] = { schema: schemas.toJson(response.schema()) };
      for (const mediaType of response.alsoAs ?? []) content[mediaType] = { schema: MEDIA_SCHEMAS[mediaType] };
      responses[status] = {
        description: response.description,
        ...(response.etag
          ? { headers: { ETag: { description: 'Version of the resource, for If-Match.', schema: { type: 'string' } } } }
          : {}),
        ...(Object.keys(content).length > 0 ? { content } : {}),
      };
    }
    for (const status of errorStatuses(spec)) {
      const problemSchema = spec.problemSchemas?.[status]?.() ?? ProblemSchema();
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? 'Error.',
        ...(status === 503
          ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'string' } } } }
          : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: schemas.toJson(problemSchema) } },
      };
    }
    responses['429'] = { $ref: `#/components/responses/${TOO_MANY_REQUESTS}` };
    const parameters = parametersOf(spec).map((parameter) => {
      const schema = schemas.toJson(parameter.schema);
      const description = schemas.descriptionOf(schema);
      return {
        name: parameter.name,
        in: parameter.in,
        required: parameter.required,
        ...(description === undefined ? {} : { description }),
        schema,
      };
    });
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = {
      operationId: spec.operationId,
      summary: spec.summary,
      description: describeOperation(spec),
      tags: [spec.tag],
      security: spec.auth === 'public' ? [] : [{ bearerAuth: [] }],
      ...(spec.auth === 'public' ? {} : { 'x-roles': spec.auth }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemas.toJson(spec.body()) } } } }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Werk- en zorgtrajecten API',
      version: '0.1.0',
      description:
        'Backend for the Flemish work-and-care trajectories (Werk- en zorgdecreet): facilities and their recognitions, ' +
        'calls for networks, activation trajectories and AMA. Errors are RFC 9457 problem+json; the `type` of each is a page ' +
        '(`GET /problems/{slug}`) saying what it means and what to do. Each operation says who may call it, what it changes ' +
        'and the rules (`GET /rules`) that can refuse it.',
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID token (locally: `npm run token`). Claims used: sub, email, cognito:groups, custom:facility.',
        },
      },
      responses: {
        [TOO_MANY_REQUESTS]: {
          description:
            "Too many requests: the API's stage throttle (a steady rate and a burst, per account and stage) refused the request before any function ran, so nothing was changed. Wait and retry with exponential backoff. The body is API Gateway's own, not a problem document.",
          headers: {
            'Retry-After': {
              description:
                'Seconds to wait, when given; API Gateway does not always send it: then wait at least one second and back off.',
              schema: { type: 'string' },
            },
          },
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description: "API Gateway's throttling answer.",
                properties: {
                  message: { type: 'string', description: 'Always `Too Many Requests`.', examples: ['Too Many Requests'] },
                },
              },
            },
          },
        },
      },
      schemas: schemas.componentsOf(paths),
    },
    paths,
  };
}
