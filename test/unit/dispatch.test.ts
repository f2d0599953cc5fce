import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { apiFunctions, type ApiFunctionId } from '../../shared/functions.ts';
import { dispatch, routeKeyOf, type DispatchHandler } from '../../shared/http/dispatch.ts';
import type { RouteHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/routes.ts';
import { lambdaContext } from '../../infra/local/api-event.ts';
import { REPO_ROOT } from '../../infra/local/paths.ts';
import { dispatchTasks } from '../../shared/workflows/task.ts';
import { SELECTION_TASKS, SELECTION_TASKS_FUNCTION } from '../../shared/workflows/selection.ts';

async function entryOf(id: ApiFunctionId): Promise<DispatchHandler> {
  const module = (await import(pathToFileURL(path.join(REPO_ROOT, apiFunctions[id].entry)).href)) as { handler: DispatchHandler };
  return module.handler;
}

function fakeRoute(operationId: string, method: 'GET' | 'POST', routePath: string, answer: number): RouteHandler {
  return Object.assign(() => Promise.resolve({ statusCode: answer, body: operationId }), {
    route: { operationId, method, path: routePath },
  });
}

function eventFor(routeKey: string): APIGatewayProxyEventV2WithJWTAuthorizer {
  const [method, rawPath] = routeKey.split(' ') as [string, string];
  return { routeKey, rawPath, requestContext: { http: { method } } } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

describe('the function entries', () => {
  it.each(Object.keys(apiFunctions) as ApiFunctionId[])(
    '%s dispatches exactly the routes shared/functions.ts gives it',
    async (id) => {
      const handler = await entryOf(id);
      expect([...handler.operationIds].sort()).toEqual([...apiFunctions[id].routes].sort());
    },
  );

  it("Reference's routes module dispatches the same routes as its entry answers from data", async () => {
    const { handler } = (await import('../../functions/reference-routes.ts')) as { handler: DispatchHandler };
    expect([...handler.operationIds].sort()).toEqual([...apiFunctions.Reference.routes].sort());
  });

  it.each([
    ['health', routes.getHealth],
    ['openapi', routes.getOpenApi],
  ] as const)('the hand-written %s handler serves its route-table entry', async (name, spec) => {
    const { handler } = (await import(`../../functions/system/${name}.ts`)) as { handler: RouteHandler };
    expect(routeKeyOf(handler.route)).toBe(routeKeyOf(spec));
    expect(handler.route.operationId).toBe(spec.operationId);
  });
});

describe('dispatch', () => {
  const handler = dispatch(fakeRoute('a', 'GET', '/things/{id}', 200), fakeRoute('b', 'POST', '/things/{id}', 201));

  it('sends each event to the handler of its route key, method included', async () => {
    const context = lambdaContext('Things');
    expect(await handler(eventFor('GET /things/{id}'), context)).toMatchObject({ statusCode: 200, body: 'a' });
    expect(await handler(eventFor('POST /things/{id}'), context)).toMatchObject({ statusCode: 201, body: 'b' });
  });

  it('answers 404 problem+json to a route it does not serve', async () => {
    const result = await handler(eventFor('DELETE /things/{id}'), lambdaContext('Things'));
    expect(result.statusCode).toBe(404);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(result.body as string)).toMatchObject({ status: 404, type: '/problems/not-found' });
  });

  it('refuses two handlers for one route key', () => {
    expect(() => dispatch(fakeRoute('a', 'GET', '/x', 200), fakeRoute('b', 'GET', '/x', 200))).toThrow(
      /two handlers for GET \/x/,
    );
  });
});

describe('the selection tasks function', () => {
  it('runs every task of the workflow, by the name its task state passes, and nothing else', async () => {
    const { handler } = (await import(pathToFileURL(path.join(REPO_ROOT, SELECTION_TASKS_FUNCTION.handler)).href)) as {
      handler: ReturnType<typeof dispatchTasks>;
    };
    expect([...handler.taskNames].sort()).toEqual(Object.values(SELECTION_TASKS).map((t) => t.stateName).sort());
  });

  it('passes the input and context to the named task, and fails on a name it does not know', async () => {
    const seen: unknown[] = [];
    const handler = dispatchTasks({
      A: (input: never) => Promise.resolve({ ran: 'A', input }),
      B: (input: never, context) => {
        seen.push(context.functionName);
        return Promise.resolve({ ran: 'B', input });
      },
    });
    const context = lambdaContext('tasks', 1000);
    await expect(handler({ task: 'B', input: { callId: 'c1' } }, context)).resolves.toEqual({ ran: 'B', input: { callId: 'c1' } });
    expect(seen).toEqual([context.functionName]);
    await expect(handler({ task: 'toString' as 'A', input: {} }, context)).rejects.toThrow('unknown workflow task toString');
  });
});
