import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/openapi.ts';
import { REPO_ROOT } from '../../infra/local/paths.ts';

describe('the OpenAPI document the OpenAPI function serves', () => {
  it('is the one the route table generates (after a change to a route or schema: npm run openapi:write)', () => {
    const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'shared/openapi.generated.json'), 'utf8')) as unknown;
    const generated = JSON.parse(JSON.stringify(buildOpenApiDocument())) as unknown;
    expect(committed, 'shared/openapi.generated.json is stale: run npm run openapi:write').toEqual(generated);
  });
});
