/**
 * Reference data: the rules in force (every signed-in user), the processing register (the department) and the
 * problem type pages (anyone). Routes and access: shared/functions.ts (Reference).
 *
 * Today's rules, the register and the problem pages are answered from build-time data
 * (shared/http/reference-answers.ts), so the function starts in about the time of an empty handler; any
 * other request goes to the routes' own handlers, imported on the first one that needs them.
 */
import type { Context } from 'aws-lambda';
import type { DispatchHandler } from '../shared/http/dispatch.ts';
import { answerFromBuiltData, readReferenceAnswers, type ReferenceAnswers } from '../shared/http/reference-answers.ts';
import { brusselsDateOf } from '../shared/domain/calendar.ts';
import { now } from '../shared/runtime/clock.ts';
import { REFERENCE_ROUTES } from '../shared/reference-answers.generated.ts';

let answers: Promise<ReferenceAnswers> | undefined;
let routes: Promise<DispatchHandler> | undefined;

async function reference(event: Parameters<DispatchHandler>[0], context: Context) {
  answers ??= readReferenceAnswers();
  const answer = answerFromBuiltData(REFERENCE_ROUTES, await answers, event, brusselsDateOf(now()));
  if (answer) return answer;
  routes ??= import('#reference-routes').then((module) => module.handler);
  return (await routes)(event, context);
}

export const handler: DispatchHandler = Object.assign(reference, {
  operationIds: Object.values(REFERENCE_ROUTES).map((route) => route.operationId),
});
