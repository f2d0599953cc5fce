// `npm run -s openapi`: the OpenAPI 3.1 document, generated from the route table's zod schemas, with the
// reference's prose and examples (infra/openapi/).
// `npm run openapi:write`: writes it to the file `#openapi-document` names in package.json "imports"
// (shared/openapi-document.json), which the OpenAPI function serves (a test fails when that file is not the
// one the route table generates).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDocument, servedDocument } from '../openapi/document.ts';
import { subpathImportFile } from './paths.ts';

/**
 * The document as the OpenAPI function reads it: compact JSON without `servers` (`servedDocument`), a file
 * beside the function's bundle read on its first request (shared/runtime/built-file.ts) and answered with
 * `servers` put in front, never parsed. Carried in the bundle, even Brotli-compressed as a base64 string
 * (36 kB), it cost every cold start about 1.3 ms, and the first request 5–10 ms more to load node:zlib and
 * about 25 ms to parse and serialize it again.
 */
export const OPENAPI_DOCUMENT_FILE = subpathImportFile('#openapi-document');

if (process.argv.includes('--write')) {
  // Compact: half the bytes of the indented form, so half the time to parse (to read it: npm run -s openapi).
  writeFileSync(OPENAPI_DOCUMENT_FILE, `${JSON.stringify(servedDocument())}\n`);
  console.error(`written to ${path.relative(process.cwd(), OPENAPI_DOCUMENT_FILE)}`);
} else {
  process.stdout.write(`${JSON.stringify(referenceDocument(), null, 2)}\n`);
}
