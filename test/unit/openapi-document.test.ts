import { describe, expect, it } from 'vitest';
import { servedDocument } from '../../infra/openapi/document.ts';
import { readBuiltJson } from '../../shared/runtime/built-file.ts';

describe('the OpenAPI document the OpenAPI function serves', () => {
  it('is the one the route table generates (after a change to a route or schema: npm run openapi:write)', async () => {
    // Read as the function reads it, through package.json "imports".
    const committed = await readBuiltJson('#openapi-document');
    const generated = JSON.parse(JSON.stringify(servedDocument())) as unknown;
    expect(committed, 'shared/openapi-document.json is stale: run npm run openapi:write').toEqual(generated);
    // The function puts `servers` in front of the committed text: it must be a compact object without one.
    expect(committed).not.toHaveProperty('servers');
  });
});
