import { describe, expect, it } from 'vitest';
import { apiFunctions, needsOf, routeSpecsOf, type ApiFunctionId } from '../../shared/functions.ts';
import { acceptsIdempotencyKey } from '../../shared/http/route.ts';
import { bundledInputs } from '../helpers/bundled-packages.ts';

describe("what a function's bundle holds (each costs cold-import time: README, Benchmarks)", () => {
  it('Powertools Idempotency only in the functions that serve a route taking an Idempotency-Key', async () => {
    for (const id of Object.keys(apiFunctions) as ApiFunctionId[]) {
      const idempotent = routeSpecsOf(id).some(acceptsIdempotencyKey);
      const inputs = await bundledInputs(apiFunctions[id].entry);
      expect(
        inputs.some((input) => input.includes('@aws-lambda-powertools/idempotency')),
        id,
      ).toBe(idempotent);
    }
  }, 120_000);

  it('the DynamoDB client exactly in the functions whose routes touch the table, registered by shared/runtime/ddb-client.ts', async () => {
    for (const id of Object.keys(apiFunctions) as ApiFunctionId[]) {
      const touchesTable = needsOf(routeSpecsOf(id)).table !== 'none';
      const inputs = await bundledInputs(apiFunctions[id].entry);
      expect(
        inputs.some((input) => input.endsWith('shared/runtime/ddb-client.ts')),
        `${id} registers the DynamoDB client`,
      ).toBe(touchesTable);
      expect(
        inputs.some((input) => input.includes('@aws-sdk/client-dynamodb')),
        `${id} bundles the DynamoDB client`,
      ).toBe(touchesTable);
    }
  }, 120_000);
});
