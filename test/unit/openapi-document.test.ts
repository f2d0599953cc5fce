import { describe, expect, it } from 'vitest';
import { referenceDocument } from '../../infra/openapi/document.ts';
import { readBuiltJson } from '../../shared/runtime/built-file.ts';

describe('the OpenAPI document the OpenAPI function serves', () => {
  it('is the one the route table generates (after a change to a route or schema: npm run openapi:write)', async () => {
    // Read as the function reads it, through package.json "imports".
    const committed = await readBuiltJson('#openapi-document');
    const generated = JSON.parse(JSON.stringify(referenceDocument())) as unknown;
    expect(committed, 'shared/openapi-document.json is stale: run npm run openapi:write').toEqual(generated);
  });
});
