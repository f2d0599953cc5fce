import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES, clientTypesSource } from '../../infra/local/print-client.ts';

describe("the typed client's types (client/api-types.ts)", () => {
  it('are the ones the committed OpenAPI document generates (after npm run openapi:write, or: npm run client)', async () => {
    const committed = readFileSync(CLIENT_TYPES, 'utf8');
    expect(committed === (await clientTypesSource()), 'client/api-types.ts is stale: run npm run client').toBe(true);
  });
});
