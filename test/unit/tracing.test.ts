import { afterEach, describe, expect, it } from 'vitest';
import { bundledInputs as bundledPackages } from '../helpers/bundled-packages.ts';
import { apiFunctions } from '../../shared/functions.ts';
import { deployedFunctions } from '../../bench/functions.ts';
import { getBackgroundDeps, getDeps, registerClientDecorator, resetDeps } from '../../shared/runtime/deps.ts';
import '../../shared/runtime/ddb-client.ts';

const tracer = (inputs: string[]) => inputs.some((input) => input.includes('@aws-lambda-powertools/tracer'));

describe('tracing of SDK calls', () => {
  afterEach(() => {
    registerClientDecorator((client) => client);
    resetDeps();
  });

  it('every SDK client built for a function passes through the registered decorator (tracing.ts registers the tracer)', () => {
    const seen: string[] = [];
    registerClientDecorator((client) => {
      seen.push(client.constructor.name);
      return client;
    });
    resetDeps();
    getDeps();
    getBackgroundDeps();
    expect(seen).toEqual(['DynamoDBClient', 'DynamoDBClient']);
  });

  it('background functions bundle the tracer; API functions do not (it would lengthen every cold start)', async () => {
    for (const entry of [
      'functions/jobs/outbox-sweep.ts',
      'functions/outbox/stream-sender.ts',
      'functions/selection/tasks/commit.ts',
    ]) {
      expect(tracer(await bundledPackages(entry)), entry).toBe(true);
    }
    for (const id of ['FacilitiesRead', 'CallsWrite'] as const) {
      expect(tracer(await bundledPackages(apiFunctions[id].entry)), id).toBe(false);
    }
  }, 60_000);

  it("the bench compares exactly the functions that bundle the tracer with a bare handler whose clients are traced too", async () => {
    for (const fn of deployedFunctions()) {
      expect(fn.clients.includes('xray'), fn.name).toBe(tracer(await bundledPackages(fn.entry)));
    }
  }, 120_000);
});
