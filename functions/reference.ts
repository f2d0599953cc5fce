/**
 * Reference data: the rules in force (every signed-in user), the processing register (the department) and the
 * problem type pages (anyone). Routes and access: shared/functions.ts (Reference).
 *
 * Today's rules, the register and the problem pages are answered from data built at build time
 * (shared/http/reference-answers.ts, a file beside the bundle read on the first request that needs it), so
 * the function loads in about the time of an empty handler; any other request (a query string, a caller
 * without the role, an unknown page) goes to the routes' own handlers, imported on the first one. Should the
 * data file not be readable, every request goes to them: they compute the same answers.
 */
import type { Context } from 'aws-lambda';
import type { DispatchHandler } from '../shared/http/dispatch.ts';
import {
  answerFromBuiltData,
  builtAnswerRoute,
  readReferenceAnswers,
  type ReferenceAnswers,
} from '../shared/http/reference-answers.ts';
import { brusselsDateOf } from '../shared/domain/calendar.ts';
import { now } from '../shared/runtime/clock.ts';
import { REFERENCE_ROUTES } from '../shared/reference-answers.generated.ts';

let answers: Promise<ReferenceAnswers | undefined> | undefined;
let routes: Promise<DispatchHandler> | undefined;

/** The built answers, read once; undefined (and read again next time) when the file cannot be read. */
function builtAnswers(): Promise<ReferenceAnswers | undefined> {
  answers ??= readReferenceAnswers().catch(() => {
    answers = undefined;
    return undefined;
  });
  return answers;
}

/** The routes' own handlers, imported once; a failed import is tried again on the next request. */
function routeHandlers(): Promise<DispatchHandler> {
  routes ??= import('#reference-routes').then(
    (module) => module.handler,
    (error: unknown) => {
      routes = undefined;
      throw error;
    },
  );
  return routes;
}

async function reference(event: Parameters<DispatchHandler>[0], context: Context) {
  const route = builtAnswerRoute(REFERENCE_ROUTES, event);
  const data = route ? await builtAnswers() : undefined;
  const answer = route && data ? answerFromBuiltData(route, data, event, brusselsDateOf(now())) : undefined;
  return answer ?? (await routeHandlers())(event, context);
}

export const handler: DispatchHandler = Object.assign(reference, {
  operationIds: Object.values(REFERENCE_ROUTES).map((route) => route.operationId),
});
