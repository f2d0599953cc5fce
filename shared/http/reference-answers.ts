import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { principalFromClaims } from './principal.ts';
import { accepts, toResult } from './reply.ts';
import { readBrotliFile } from '../runtime/built-file.ts';

/**
 * The Reference function's answers, computed at build time (infra/reference-answers.ts, written to
 * shared/reference-answers.json.br by `npm run reference:write`; a test fails when that file is stale):
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
  /** Every problem type's page, as JSON and as HTML. */
  problems: Readonly<Record<string, { page: unknown; html: string }>>;
}

/** Reads the answers, a file beside the bundle (`#reference-answers`), on the first request. */
export async function readReferenceAnswers(): Promise<ReferenceAnswers> {
  return JSON.parse(await readBrotliFile('#reference-answers')) as ReferenceAnswers;
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
 * The answer to `event` when the built data settles it, or undefined: the caller then sends the request to
 * the routes' own handlers. `today` is the Brussels date of the clock.
 */
export function answerFromBuiltData(
  routes: ReferenceRoutes,
  answers: ReferenceAnswers,
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  today: string,
): APIGatewayProxyStructuredResultV2 | undefined {
  const route = Object.hasOwn(routes, event.routeKey) ? routes[event.routeKey] : undefined;
  if (!route) return undefined;
  // A query string is input: it is checked (and `on` read) by the route's schema.
  if (event.rawQueryString || Object.keys(event.queryStringParameters ?? {}).length > 0) return undefined;
  if (route.auth !== 'public') {
    const principal = principalFromClaims(event.requestContext?.authorizer?.jwt?.claims);
    const admitted = route.auth;
    if (!principal?.roles.some((role) => admitted.includes(role))) return undefined;
  }
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
      const problem = slug !== undefined && Object.hasOwn(answers.problems, slug) ? answers.problems[slug] : undefined;
      if (!problem) return undefined;
      if (accepts(event, 'text/html')) {
        return toResult({ status: 200, body: problem.html, contentType: 'text/html; charset=utf-8', ...(headers ? { headers } : {}) });
      }
      return toResult({ status: 200, body: problem.page, ...(headers ? { headers } : {}) });
    }
  }
}
