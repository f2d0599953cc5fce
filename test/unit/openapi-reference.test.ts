import { describe, expect, it } from 'vitest';
import * as z from '../../shared/zod.ts';
import { referenceDocument, propertiesOf } from '../../infra/openapi/document.ts';
import { COMPONENT_DOCS, INLINE_DOCS, PARAMETER_DOCS, PROPERTY_DOCS, TAGS } from '../../infra/openapi/descriptions.ts';
import { mediaExamples, OPERATIONS_WITH_EXAMPLES } from '../../infra/openapi/examples.ts';
import { routes, routeList, type RouteId } from '../../shared/routes.ts';
import { errorStatuses } from '../../shared/http/route.ts';
import { ProblemSchema } from '../../shared/schemas/common.ts';
import { ruleById } from '../../shared/domain/rules/registry.ts';

type Json = Record<string, any>;
const document = referenceDocument() as unknown as Json;
const components = document.components.schemas as Record<string, Json>;
const operations = Object.values(document.paths as Record<string, Record<string, Json>>).flatMap((item) => Object.values(item));

function isDescribed(schema: Json): boolean {
  if (typeof schema.description === 'string' && schema.description.length > 0) return true;
  const ref = schema.$ref as string | undefined;
  return ref !== undefined && typeof components[ref.split('/').pop()!]?.description === 'string';
}

describe('the API reference', () => {
  it('every component schema and every property has a description', () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(components)) {
      if (!isDescribed(schema)) missing.push(name);
      for (const property of propertiesOf(name, schema))
        if (!isDescribed(property.schema)) missing.push(`${name}.${property.path}`);
    }
    for (const operation of operations) {
      const bodies = [
        ...Object.values(operation.requestBody?.content ?? {}),
        ...Object.values(operation.responses as Record<string, Json>).flatMap((r) => Object.values(r.content ?? {})),
      ] as Json[];
      for (const body of bodies) {
        for (const property of propertiesOf(operation.operationId, body.schema)) {
          if (!isDescribed(property.schema)) missing.push(`${operation.operationId}: ${property.path}`);
        }
      }
      for (const parameter of operation.parameters ?? []) {
        if (!parameter.description && !isDescribed(parameter.schema))
          missing.push(`${operation.operationId}: parameter ${parameter.name}`);
      }
    }
    expect(missing, 'add them to infra/openapi/descriptions.ts').toEqual([]);
  });

  it('names no component or property in its descriptions that the document does not have', () => {
    const stale: string[] = [];
    for (const [name, doc] of Object.entries(COMPONENT_DOCS)) {
      if (!components[name]) {
        stale.push(name);
        continue;
      }
      const paths = new Set(propertiesOf(name, components[name]).map((p) => p.path));
      for (const path of Object.keys(doc.properties ?? {})) if (!paths.has(path)) stale.push(`${name}.${path}`);
    }
    const names = new Set(
      [
        ...Object.entries(components).flatMap(([name, schema]) => propertiesOf(name, schema)),
        ...operations.flatMap((operation) =>
          Object.values(operation.responses as Record<string, Json>).flatMap((r) =>
            Object.values(r.content ?? {}).flatMap((m: any) => propertiesOf('', m.schema)),
          ),
        ),
      ].map((p) => p.name),
    );
    const parameters = operations.flatMap((operation) =>
      ((operation.parameters ?? []) as Json[]).flatMap((p) => [p.name as string, `${operation.operationId}.${p.name}`]),
    );
    for (const name of Object.keys(PROPERTY_DOCS))
      if (!names.has(name) && !parameters.includes(name)) stale.push(`property ${name}`);
    for (const key of Object.keys(PARAMETER_DOCS)) if (!parameters.includes(key)) stale.push(`parameter ${key}`);
    for (const operationId of Object.keys(INLINE_DOCS)) if (!(operationId in routes)) stale.push(`operation ${operationId}`);
    expect(stale).toEqual([]);
  });

  it('has a contact, a licence, and a described tag for each tag an operation has (and no other)', () => {
    expect(document.info.contact.url).toMatch(/^https:\/\//);
    expect(document.info.license.name).toBeTruthy();
    const used = new Set(operations.flatMap((operation) => operation.tags as string[]));
    expect(TAGS.map((tag) => tag.name).sort()).toEqual([...used].sort());
    for (const tag of document.tags as Json[]) expect(tag.description.length).toBeGreaterThan(20);
  });

  it('describes each operation from its route: who may call it, what it changes, the rules that can refuse it, its errors', () => {
    for (const spec of routeList.filter((r) => !r.localOnly)) {
      const operation = document.paths[spec.path][spec.method.toLowerCase()] as Json;
      const description = operation.description as string;
      if (spec.auth === 'public') expect(description, spec.operationId).toContain('no token needed');
      else for (const role of spec.auth) expect(description, spec.operationId).toContain(`\`${role}\``);
      expect(description, spec.operationId).toMatch(/\*\*What it changes:\*\*/);
      if (spec.sendsEmail) expect(description, spec.operationId).toContain('sends email');
      for (const rule of spec.refusedBy ?? []) {
        expect(description, spec.operationId).toContain(`[\`${rule}\`](/problems/${rule}): ${ruleById(rule)!.title.en}`);
      }
      for (const status of errorStatuses(spec)) expect(description, spec.operationId).toContain(`- ${status}: `);
      expect(operation.responses['429'], spec.operationId).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    }
    expect(document.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
  });

  it('documents the PDF, CSV and HTML answers, and the eligibility report on a refused submit', () => {
    expect(Object.keys(document.paths['/ama-agreements/{agreementId}/document'].get.responses['200'].content)).toEqual([
      'application/pdf',
    ]);
    expect(Object.keys(document.paths['/privacy/requests'].post.responses['200'].content)).toEqual([
      'application/json',
      'application/pdf',
    ]);
    expect(Object.keys(document.paths['/statistics/calls'].get.responses['200'].content)).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect(Object.keys(document.paths['/problems/{slug}'].get.responses['200'].content)).toEqual([
      'application/json',
      'text/html',
    ]);
    const submit = document.paths['/calls/{callId}/applications/{applicationId}/submit'].post;
    expect(submit.responses['422'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/NotEligibleProblem',
    });
    expect(components.NotEligibleProblem!.properties.report).toEqual({ $ref: '#/components/schemas/EligibilityReport' });
  });

  it('uses OpenAPI 3.1 `examples`, never the deprecated `example`', () => {
    expect(JSON.stringify(document)).not.toMatch(/"example":/);
    expect(components.Problem!.properties.type.examples).toEqual(['/problems/validation-error']);
  });

  it('each example, taken from the demo data, is what its route accepts or answers (parsed with its zod schema)', () => {
    let parsed = 0;
    for (const operationId of OPERATIONS_WITH_EXAMPLES) {
      const spec = routes[operationId as RouteId];
      const examples = mediaExamples(operationId);
      const operation = document.paths[spec.path][spec.method.toLowerCase()] as Json;
      for (const example of Object.values(examples.request ?? {})) {
        expect(spec.body, operationId).toBeDefined();
        const result = z.safeParse(spec.body!(), example.value);
        expect(result.success, `${operationId} request: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        expect(operation.requestBody.content['application/json'].examples).toEqual(examples.request);
        parsed++;
      }
      for (const [status, named] of Object.entries(examples.responses)) {
        const schema = (spec.responses[Number(status)]?.schema ?? spec.problemSchemas?.[Number(status)] ?? ProblemSchema)();
        if (!spec.responses[Number(status)]) expect(errorStatuses(spec), `${operationId} ${status}`).toContain(Number(status));
        for (const example of Object.values(named)) {
          const result = z.safeParse(schema, example.value);
          expect(result.success, `${operationId} ${status}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
          parsed++;
        }
      }
    }
    expect(parsed).toBeGreaterThan(20);
  });
});
