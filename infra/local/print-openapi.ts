// `npm run -s openapi`: the OpenAPI 3.1 document, generated from the route table's zod schemas, with the
// reference's prose and examples (infra/openapi/).
// `npm run openapi:write`: writes it, Brotli-compressed, to the file `#openapi-document` names in package.json
// "imports" (shared/openapi-document.json.br), which the OpenAPI function serves (a test fails when that file
// is not the one the route table generates).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { referenceDocument } from '../openapi/document.ts';
import { subpathImportFile } from './paths.ts';

/**
 * The document as the OpenAPI function reads it: JSON, Brotli-compressed (about 27 kB for 300 kB of JSON),
 * a file beside the function's bundle, read on its first request. Carried in the bundle as a string it
 * cost every cold start about 1.3 ms (V8 scans every byte of a module's source; 36 kB of base64), which
 * put the function over 1.25x the empty handler.
 */
export const OPENAPI_DOCUMENT_FILE = subpathImportFile('#openapi-document');

if (process.argv.includes('--write')) {
  writeFileSync(OPENAPI_DOCUMENT_FILE, brotliCompressSync(JSON.stringify(referenceDocument())));
  console.error(`written to ${path.relative(process.cwd(), OPENAPI_DOCUMENT_FILE)}`);
} else {
  process.stdout.write(`${JSON.stringify(referenceDocument(), null, 2)}\n`);
}
