import { describe, expect, it } from 'vitest';
import { referenceDocument } from '../../infra/openapi/document.ts';
import { brotliDecompressSync } from 'node:zlib';
import { OPENAPI_DOCUMENT_BROTLI_BASE64 } from '../../shared/openapi.generated.ts';

describe('the OpenAPI document the OpenAPI function serves', () => {
  it('is the one the route table generates (after a change to a route or schema: npm run openapi:write)', () => {
    const committed = JSON.parse(
      brotliDecompressSync(Buffer.from(OPENAPI_DOCUMENT_BROTLI_BASE64, 'base64')).toString('utf8'),
    ) as unknown;
    const generated = JSON.parse(JSON.stringify(referenceDocument())) as unknown;
    expect(committed, 'shared/openapi.generated.ts is stale: run npm run openapi:write').toEqual(generated);
  });
});
