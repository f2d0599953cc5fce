// `npm run client`: writes client/api-types.ts, the TypeScript types of the API (openapi-typescript) from the
// committed OpenAPI document (shared/openapi-document.json), for openapi-fetch (client/client.ts). A test fails
// when the file is not the one the document generates; `npm run openapi:write` runs this too.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { REPO_ROOT, subpathImportFile } from './paths.ts';

export const CLIENT_TYPES = path.join(REPO_ROOT, 'client/api-types.ts');

/** The committed OpenAPI document, as the OpenAPI function serves it (without `servers`, set per request). */
export function committedOpenApiDocument(): OpenAPI3 {
  return JSON.parse(readFileSync(subpathImportFile('#openapi-document'), 'utf8')) as OpenAPI3;
}

/** The source of client/api-types.ts: `paths`, `operations` and `components` of the committed document. */
export async function clientTypesSource(): Promise<string> {
  // A field with a default may be left out (the document is zod's input view): openapi-typescript would make it required.
  const ast = await openapiTS(committedOpenApiDocument(), { silent: true, defaultNonNullable: false });
  return [
    '// Generated from the committed OpenAPI document by `npm run client`; do not edit (a test fails when it is stale).',
    '// Use it with openapi-fetch: client/client.ts, and README "A typed client".',
    COMMENT_HEADER + astToString(ast),
  ].join('\n');
}

if (process.argv.includes('--write')) {
  writeFileSync(CLIENT_TYPES, await clientTypesSource());
  console.error(`written to ${path.relative(process.cwd(), CLIENT_TYPES)}`);
}
