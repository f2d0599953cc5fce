import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { principalFromClaims } from './principal.ts';
import { accepts, toResult } from './reply.ts';
import { readBuiltJson } from '../runtime/built-file.ts';
import { problemTypeHtml, type ProblemTypePage } from './problem-page.ts';

/**
 * The Reference function's answers, computed at build time (infra/reference-answers.ts, written to
 * shared/reference-answers.json by `npm run reference:write`; a test fails when that file is stale):
 * the rules in force and the processing register for every period in which they stay the same, and every
 * problem type's page. `answerFromBuiltData` answers the requests these settle (today's rules, the register,
 * a known problem type, each for a caller the route admits) without middy, zod or the logger, so the
 * function starts in about the time of an empty handler. Every other request (a query string, no or the
 * wrong role, an unknown slug) goes to the routes' own handlers (functions/reference-routes.ts), which answer
 * it as any route does; a test holds the two to the same answers.
 */
export interface ReferenceRoute {
  operationId: 'listRules' | 'privacyRegister' | 'getProblemType';
  /** The route table's rule: `public`, or the roles that may call it. */
  auth: 'public' | readonly string[];
  /** Its Cache-Control when not `no-store` (the problem pages'). */
  cacheControl?: string;
}

/** Each route the function serves, by API Gateway's route key (`GET /rules`). */
export type ReferenceRoutes = Readonly<Record<string, ReferenceRoute>>;

export interface ReferenceAnswers {
  /** The distinct rules (as `GET /rules` lists them) and register lines, referred to by index below. */
  rules: readonly unknown[];
  registerLines: readonly unknown[];
  /** Oldest first; each holds from its `from` (a Brussels date) until the next one's. */
  periods: readonly { from: string; rules: readonly number[]; register?: readonly number[] }[];
  /** Every problem type's page (its HTML is rendered from it, as the route's handler renders it). */
  problems: Readonly<Record<string, ProblemTypePage>>;
}

/** Reads the answers, a file beside the bundle (`#reference-answers`), on the first request that needs them. */
export async function readReferenceAnswers(): Promise<ReferenceAnswers> {
  return (await readBuiltJson('#reference-answers')) as ReferenceAnswers;
}

/** The period `on` falls in: the last one that starts on or before it. */
export function periodOn(answers: ReferenceAnswers, on: string): ReferenceAnswers['periods'][number] {
  let current = answers.periods[0];
  for (const period of answers.periods) {
    if (period.from > on) break;
    current = period;
  }
  if (!current) throw new Error('the reference answers have no period');
  return current;
}

/**
 * The route whose answer the built data can give to `event`, decided before the data is read: a route of
 * the function, no query string (a query is input, checked by the route's schema: `?on=`), and a caller
 * the route admits (without one the route's handler answers 401 or 403). Undefined: the caller sends the
 * request to the routes' own handlers.
 */
export function builtAnswerRoute(routes: ReferenceRoutes, event: APIGatewayProxyEventV2WithJWTAuthorizer): ReferenceRoute | undefined {
  const route = Object.hasOwn(routes, event.routeKey) ? routes[event.routeKey] : undefined;
  if (!route) return undefined;
  if (event.rawQueryString || Object.keys(event.queryStringParameters ?? {}).length > 0) return undefined;
  if (route.auth !== 'public') {
    const principal = principalFromClaims(event.requestContext?.authorizer?.jwt?.claims);
    const admitted = route.auth;
    if (!principal?.roles.some((role) => admitted.includes(role))) return undefined;
  }
  return route;
}

/**
 * The answer to `event` on `route` (from `builtAnswerRoute`) from the built data, or undefined when the data
 * does not hold it (an unknown problem type: the route's handler answers 404). `today` is the Brussels date
 * of the clock.
 */
export function answerFromBuiltData(
  route: ReferenceRoute,
  answers: ReferenceAnswers,
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  today: string,
): APIGatewayProxyStructuredResultV2 | undefined {
  const headers = route.cacheControl ? { 'cache-control': route.cacheControl } : undefined;
  switch (route.operationId) {
    case 'listRules': {
      const items = periodOn(answers, today).rules.map((i) => answers.rules[i]);
      return toResult({ status: 200, body: { on: today, items } });
    }
    case 'privacyRegister': {
      const register = periodOn(answers, today).register;
      if (!register) return undefined;
      const items = register.map((i) => answers.registerLines[i]);
      return toResult({ status: 200, body: { on: today, items } });
    }
    case 'getProblemType': {
      const slug = event.pathParameters?.slug;
      const page = slug !== undefined && Object.hasOwn(answers.problems, slug) ? answers.problems[slug] : undefined;
      if (!page) return undefined;
      if (accepts(event, 'text/html')) {
        return toResult({ status: 200, body: problemTypeHtml(page), contentType: 'text/html; charset=utf-8', ...(headers ? { headers } : {}) });
      }
      return toResult({ status: 200, body: page, ...(headers ? { headers } : {}) });
    }
  }
}
