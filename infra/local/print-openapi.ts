// `npm run -s openapi`: the OpenAPI 3.1 document, generated from the route table's zod schemas.
// `npm run openapi:write`: writes it to shared/openapi.generated.json, which the OpenAPI function serves
// (a test fails when that file is not the one the route table generates).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../../shared/openapi.ts';
import { REPO_ROOT } from './paths.ts';

export const GENERATED_DOCUMENT = path.join(REPO_ROOT, 'shared/openapi.generated.json');

const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
if (process.argv.includes('--write')) {
  writeFileSync(GENERATED_DOCUMENT, text);
  console.error(`written to ${path.relative(process.cwd(), GENERATED_DOCUMENT)}`);
} else {
  process.stdout.write(text);
}
