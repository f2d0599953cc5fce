import { describe, expect, it } from 'vitest';
import { apiFunctions, needsOf, routeSpecsOf, type ApiFunctionId } from '../../shared/functions.ts';
import { acceptsIdempotencyKey } from '../../shared/http/route.ts';
import { bundledInputs } from '../helpers/bundled-packages.ts';
import { deployedFunctions } from '../../bench/functions.ts';

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

  it('zod/mini, never zod classic, in every function CDK deploys (classic costs tens of ms of each cold start)', async () => {
    for (const fn of deployedFunctions()) {
      const inputs = await bundledInputs(fn.entry);
      expect(
        inputs.filter((input) => input.includes('node_modules/zod/v4/classic/')),
        `${fn.name} bundles zod classic (import zod from shared/zod.ts)`,
      ).toEqual([]);
      expect(
        inputs.some((input) => input.includes('node_modules/zod/v4/mini/')),
        `${fn.name} bundles zod/mini`,
      ).toBe(inputs.some((input) => input.includes('node_modules/zod/')));
    }
  }, 240_000);
});
