import { readFileSync } from 'node:fs';
import type * as Fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { changeDays, referenceAnswers, referenceRoutes, staleBuiltFiles } from '../../infra/reference-answers.ts';
import { servedDocument } from '../../infra/openapi/document.ts';
import { lambdaContext, toApiGatewayEvent } from '../../infra/local/api-event.ts';
import { apiFunctions } from '../../shared/functions.ts';
import { ROLES } from '../../shared/domain/reference-data.ts';
import { rulesInForce } from '../../shared/domain/rules/registry.ts';
import { addDays } from '../../shared/domain/trajectory-dates.ts';
import { answerFromBuiltData, builtAnswerRoute, periodOn, readReferenceAnswers, type ReferenceRoute } from '../../shared/http/reference-answers.ts';
import { useClock } from '../../shared/runtime/clock.ts';
import { processingRegister } from '../../shared/store/processing-register.ts';
import { REFERENCE_ROUTES } from '../../shared/reference-answers.generated.ts';
import { handler as lean } from '../../functions/reference.ts';
import { handler as routes } from '../../functions/reference-routes.ts';

// A pass-through, so that one test can make the answers file unreadable (fault injection only).
vi.mock('node:fs', async (original) => {
  const real = await original<typeof Fs>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

const answers = referenceAnswers();

afterEach(() => useClock(() => new Date()));

function event(
  method: string,
  routePath: string,
  url: string,
  options: { roles?: readonly string[]; accept?: string; pathParameters?: Record<string, string> } = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  return toApiGatewayEvent({
    method,
    url: new URL(url, 'http://127.0.0.1:3000'),
    headers: options.accept ? { accept: options.accept } : {},
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    domainName: '127.0.0.1:3000',
    routePath,
    pathParameters: options.pathParameters ?? {},
    ...(options.roles ? { claims: { sub: 'user-1', 'cognito:groups': `[${options.roles.join(' ')}]` } } : {}),
  });
}

describe('the answers built for the Reference function', () => {
  it('are the ones the rules registry, the register, the problem types and the route table give (npm run reference:write)', async () => {
    const committed = await readReferenceAnswers();
    const stale = 'shared/reference-answers.json or .generated.ts is stale: run npm run reference:write';
    expect(committed, stale).toEqual(JSON.parse(JSON.stringify(answers)));
    expect(REFERENCE_ROUTES, stale).toEqual(referenceRoutes());
    expect(Object.values(REFERENCE_ROUTES).map((r) => r.operationId).sort()).toEqual([...apiFunctions.Reference.routes].sort());
  });

  it('are checked at synth (infra/app.ts): nothing stale now; a document that differs is named, with its command', () => {
    expect(staleBuiltFiles(servedDocument)).toEqual([]);
    expect(staleBuiltFiles(() => ({ ...servedDocument(), info: { title: 'other' } }))).toEqual([
      'shared/openapi-document.json (npm run openapi:write)',
    ]);
  });

  it('give, for every day of 2000–2050, the rules in force and the register of that day', () => {
    // The periods are cut at the registry's dates (changeDays); every day between them must agree.
    expect(changeDays().length).toBeGreaterThan(10);
    for (let day = '2000-01-01'; day <= '2050-12-31'; day = addDays(day, 1)) {
      const period = periodOn(answers, day);
      expect(period.rules.map((i) => answers.rules[i]), day).toEqual(rulesInForce(day));
      let register: unknown;
      try {
        register = processingRegister(day);
      } catch {
        register = undefined;
      }
      expect(period.register?.map((i) => answers.registerLines[i]), day).toEqual(register);
    }
  });

  it('hold each rule and register line once, however many periods list it', () => {
    const keys = answers.rules.map((rule) => JSON.stringify(rule));
    expect(new Set(keys).size).toBe(keys.length);
    expect(answers.periods.length).toBeGreaterThan(2);
  });
});

/**
 * Every request the built data answers is answered exactly as the routes' own handlers answer it (status,
 * headers, body), on a clock in each period; every other request is left to them.
 */
describe('functions/reference.ts', () => {
  const someRule = 'trajectory-duration';
  const answered: [string, APIGatewayProxyEventV2WithJWTAuthorizer][] = [
    ...ROLES.map((role) => [`GET /rules as ${role}`, event('GET', '/rules', '/rules', { roles: [role] })] as [string, APIGatewayProxyEventV2WithJWTAuthorizer]),
    ['GET /rules with two roles', event('GET', '/rules', '/rules', { roles: ['facility', 'department'] })],
    ['GET /privacy/register as department', event('GET', '/privacy/register', '/privacy/register', { roles: ['department'] })],
    ...Object.keys(answers.problems).flatMap((slug) => [
      [`GET /problems/${slug} as JSON`, event('GET', '/problems/{slug}', `/problems/${slug}`, { pathParameters: { slug } })],
      [
        `GET /problems/${slug} as HTML`,
        event('GET', '/problems/{slug}', `/problems/${slug}`, { pathParameters: { slug }, accept: 'text/html,application/xhtml+xml' }),
      ],
    ] as [string, APIGatewayProxyEventV2WithJWTAuthorizer][]),
  ];
  const leftToTheRoutes: [string, APIGatewayProxyEventV2WithJWTAuthorizer][] = [
    ['GET /rules?on=2023-07-01', event('GET', '/rules', '/rules?on=2023-07-01', { roles: ['department'] })],
    ['GET /rules?on=2023-02-30 (not a date)', event('GET', '/rules', '/rules?on=2023-02-30', { roles: ['department'] })],
    ['GET /rules?other=1 (an unknown parameter)', event('GET', '/rules', '/rules?other=1', { roles: ['department'] })],
    ['GET /rules without a token', event('GET', '/rules', '/rules')],
    ['GET /rules with no role of ours', event('GET', '/rules', '/rules', { roles: ['guest'] })],
    ...ROLES.filter((role) => role !== 'department').map(
      (role) =>
        [`GET /privacy/register as ${role}`, event('GET', '/privacy/register', '/privacy/register', { roles: [role] })] as [
          string,
          APIGatewayProxyEventV2WithJWTAuthorizer,
        ],
    ),
    ['GET /privacy/register?x=1', event('GET', '/privacy/register', '/privacy/register?x=1', { roles: ['department'] })],
    ['GET /problems/no-such-problem', event('GET', '/problems/{slug}', '/problems/no-such-problem', { pathParameters: { slug: 'no-such-problem' } })],
    ['GET /problems/ a slug of 101 characters', event('GET', '/problems/{slug}', `/problems/${'x'.repeat(101)}`, { pathParameters: { slug: 'x'.repeat(101) } })],
    ['GET /problems/__proto__', event('GET', '/problems/{slug}', '/problems/__proto__', { pathParameters: { slug: '__proto__' } })],
    ['a route key it does not serve', event('GET', '/calls', '/calls', { roles: ['department'] })],
  ];

  // A clock in each period, at an instant whose Brussels date is the next UTC day (23:30 UTC in winter).
  const clocks = answers.periods.filter((p) => p.from >= '2018-01-01').map((p) => `${addDays(p.from, 1)}T12:00:00.000Z`);
  clocks.push('2026-11-25T23:30:00.000Z');

  it.each(answered)('answers %s from the built data, as the route answers it', async (_name, request) => {
    const route = builtAnswerRoute(REFERENCE_ROUTES, request) as ReferenceRoute;
    expect(route, 'decided before the data is read').toBeDefined();
    expect(answerFromBuiltData(route, answers, request, '2026-11-26'), 'answered from the built data').toBeDefined();
    for (const instant of clocks) {
      useClock(() => new Date(instant));
      const fromData = await lean(request, lambdaContext('Reference'));
      const fromRoute = await routes(request, lambdaContext('Reference'));
      expect({ instant, ...fromData }).toEqual({ instant, ...fromRoute });
    }
  });

  it.each(leftToTheRoutes)('leaves %s to the routes, and answers as they do', async (_name, request) => {
    const route = builtAnswerRoute(REFERENCE_ROUTES, request);
    expect(route && answerFromBuiltData(route, answers, request, '2026-11-26')).toBeUndefined();
    useClock(() => new Date('2026-11-25T23:30:00.000Z'));
    const answer = await lean(request, lambdaContext('Reference'));
    expect(answer).toEqual(await routes(request, lambdaContext('Reference')));
    expect(answer.statusCode).not.toBe(500);
  });

  it('sends every request to the routes when the answers file cannot be read, and reads it again next time', async () => {
    const request = event('GET', '/problems/{slug}', '/problems/stale-etag', { pathParameters: { slug: 'stale-etag' } });
    const expected = await routes(request, lambdaContext('Reference'));
    vi.resetModules();
    const { handler: fresh } = (await import('../../functions/reference.ts')) as { handler: typeof lean };
    const reads = vi.mocked(readFileSync);
    reads.mockClear();
    reads.mockImplementationOnce(() => {
      throw Object.assign(new Error('gone'), { code: 'ENOENT' });
    });
    expect(await fresh(request, lambdaContext('Reference'))).toEqual(expected);
    // Read again on the next request (it succeeds now) and answered from the data.
    expect(await fresh(request, lambdaContext('Reference'))).toEqual(expected);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("gives today's Brussels date and that day's rules, which change with the clock", async () => {
    const request = event('GET', '/rules', '/rules', { roles: ['casemanager-werk'] });
    useClock(() => new Date('2023-06-30T21:59:59.000Z'));
    const before = JSON.parse((await lean(request, lambdaContext('Reference'))).body as string) as { on: string; items: { id: string }[] };
    useClock(() => new Date('2023-06-30T22:00:00.000Z'));
    const after = JSON.parse((await lean(request, lambdaContext('Reference'))).body as string) as { on: string; items: { id: string }[] };
    expect([before.on, after.on]).toEqual(['2023-06-30', '2023-07-01']);
    expect(before.items.map((r) => r.id)).not.toContain('cooperation-mandate-period');
    expect(after.items.map((r) => r.id)).toContain('cooperation-mandate-period');
    expect(after.items.map((r) => r.id)).toContain(someRule);
  });
});
