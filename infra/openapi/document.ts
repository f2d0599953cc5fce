/**
 * The API reference as published: the OpenAPI document generated from the route table
 * (shared/openapi.ts) with the reference's prose and examples applied, at build time
 * (`npm run openapi:write` writes it to shared/openapi-document.json, which the OpenAPI function serves). The
 * prose (infra/openapi/descriptions.ts) and the examples (infra/openapi/examples.ts, from the demo data) are
 * in no function's bundle.
 */
import { buildOpenApiDocument } from '../../shared/openapi.ts';
import { COMPONENT_DOCS, INLINE_DOCS, PARAMETER_DOCS, PROPERTY_DOCS, TAGS } from './descriptions.ts';
import { mediaExamples } from './examples.ts';

type Json = Record<string, unknown>;

export const CONTACT = {
  name: 'Departement Zorg, team werk- en zorgtrajecten',
  url: 'https://www.departementwvg.be/nieuwe-regelgeving-werk-zorgtrajecten',
};

export const LICENSE = {
  name: 'Proprietary: Vlaamse overheid, Departement Zorg (no licence for reuse granted)',
  url: 'https://www.departementwvg.be/nieuwe-regelgeving-werk-zorgtrajecten',
};

/** A property's path inside its component: array items and map values are transparent. */
export interface PropertyAt {
  component: string;
  path: string;
  name: string;
  schema: Json;
}

/** Every property of a schema, depth first, with its path. */
export function propertiesOf(component: string, schema: unknown, prefix = ''): PropertyAt[] {
  if (schema === null || typeof schema !== 'object') return [];
  const json = schema as Json;
  const found: PropertyAt[] = [];
  for (const [name, property] of Object.entries((json.properties as Record<string, Json> | undefined) ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    found.push({ component, path, name, schema: property });
    found.push(...propertiesOf(component, property, path));
  }
  for (const key of ['items', 'additionalProperties']) {
    if (json[key] && typeof json[key] === 'object') found.push(...propertiesOf(component, json[key], prefix));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const option of (json[key] as Json[] | undefined) ?? []) found.push(...propertiesOf(component, option, prefix));
  }
  return found;
}

/** The description a property gets: its own, else the component's entry for its path, else the one for its name. */
function describeProperty(property: PropertyAt): string | undefined {
  const own = property.component.startsWith('#')
    ? INLINE_DOCS[property.component.slice(1)]?.[property.path]
    : COMPONENT_DOCS[property.component]?.properties?.[property.path];
  return own ?? PROPERTY_DOCS[property.name];
}

function applyDescriptions(component: string, schema: Json, isComponent: boolean): void {
  if (isComponent && schema.description === undefined) {
    const doc = COMPONENT_DOCS[component];
    if (doc) schema.description = doc.description;
  }
  for (const property of propertiesOf(component, schema)) {
    // A $ref is described by its component.
    if (property.schema.description !== undefined || property.schema.$ref !== undefined) continue;
    const description = describeProperty(property);
    if (description !== undefined) property.schema.description = description;
  }
}

/** Each schema written inline in an operation (a parameter's, a body's, a response's). */
function inlineSchemasOf(paths: Record<string, Record<string, Json>>): Array<{ operationId: string; schema: Json }> {
  const found: Array<{ operationId: string; schema: Json }> = [];
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const operationId = String(operation.operationId);
      const media = [
        ...Object.values(((operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined) ?? {}),
        ...Object.values((operation.responses as Record<string, Json>) ?? {}).flatMap((response) =>
          Object.values((response.content as Record<string, Json> | undefined) ?? {}),
        ),
      ];
      for (const medium of media) {
        const schema = medium.schema as Json | undefined;
        if (schema && schema.$ref === undefined) found.push({ operationId, schema });
      }
    }
  }
  return found;
}

/** The OpenAPI document with the reference's tags, contact, licence, descriptions and examples. */
export function referenceDocument(options: { serverUrl?: string } = {}) {
  const document = buildOpenApiDocument(options);
  const schemas = document.components.schemas as Record<string, Json>;
  for (const [name, schema] of Object.entries(schemas)) applyDescriptions(name, schema, true);
  const paths = document.paths as Record<string, Record<string, Json>>;
  for (const { operationId, schema } of inlineSchemasOf(paths)) applyDescriptions(`#${operationId}`, schema, false);

  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      for (const parameter of (operation.parameters as Json[] | undefined) ?? []) {
        if (parameter.description !== undefined) continue;
        const name = String(parameter.name);
        const description =
          PARAMETER_DOCS[`${String(operation.operationId)}.${name}`] ?? PARAMETER_DOCS[name] ?? PROPERTY_DOCS[name];
        if (description !== undefined) parameter.description = description;
      }
      const examples = mediaExamples(String(operation.operationId));
      const body = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      if (examples.request && body?.['application/json']) body['application/json'].examples = examples.request;
      for (const [status, named] of Object.entries(examples.responses)) {
        const content = ((operation.responses as Record<string, Json>)[status]?.content ?? undefined) as
          Record<string, Json> | undefined;
        const medium = content?.['application/json'] ?? content?.['application/problem+json'];
        if (!medium) throw new Error(`examples for ${String(operation.operationId)} ${status}: no such JSON response`);
        medium.examples = named;
      }
    }
  }

  return {
    ...document,
    info: { ...document.info, contact: CONTACT, license: LICENSE },
    tags: TAGS.map((tag) => ({ ...tag })),
  };
}

/**
 * The document as the OpenAPI function holds it (`npm run openapi:write`, shared/openapi-document.json):
 * without `servers`, which the function puts first in each answer, set to the address the request came in
 * on (functions/system/openapi.ts), without parsing the document.
 */
export function servedDocument(): Omit<ReturnType<typeof referenceDocument>, 'servers'> {
  const { servers: _servers, ...served } = referenceDocument();
  return served;
}
