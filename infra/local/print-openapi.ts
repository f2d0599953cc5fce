// `npm run -s openapi`: the OpenAPI 3.1 document, generated from the route table's zod schemas, with the
// reference's prose and examples (infra/openapi/).
// `npm run openapi:write`: writes it to shared/openapi.generated.ts, which the OpenAPI function serves
// (a test fails when that file is not the one the route table generates).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { referenceDocument } from '../openapi/document.ts';
import { REPO_ROOT } from './paths.ts';

export const GENERATED_DOCUMENT = path.join(REPO_ROOT, 'shared/openapi.generated.ts');

/**
 * The document as a module holding it Brotli-compressed, in base64 (about 12 KB for 170 KB of JSON). A bundle
 * that imports it starts in the time of an empty handler: V8 must scan every byte of a module at a cold
 * start, and 170 KB of JSON in a string literal cost about 6 ms more (an object literal about 15 ms). The
 * function decompresses it on its first request, in about a millisecond. Read it with `npm run -s openapi`.
 */
export function generatedModuleSource(documentJson: string): string {
  const packed = brotliCompressSync(documentJson).toString('base64');
  return [
    '// Generated from the route table by `npm run openapi:write`; do not edit (a test fails when it is stale).',
    '// To read the document: npm run -s openapi.',
    '/** The OpenAPI 3.1 document as JSON, Brotli-compressed, in base64. */',
    `export const OPENAPI_DOCUMENT_BROTLI_BASE64 =\n  '${packed}';`,
    '',
  ].join('\n');
}

if (process.argv.includes('--write')) {
  writeFileSync(GENERATED_DOCUMENT, generatedModuleSource(JSON.stringify(referenceDocument())));
  console.error(`written to ${path.relative(process.cwd(), GENERATED_DOCUMENT)}`);
} else {
  process.stdout.write(`${JSON.stringify(referenceDocument(), null, 2)}\n`);
}
