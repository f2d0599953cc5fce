/**
 * The problem types the API answers with, one page each at `GET /problems/{slug}` (the `type` of every problem
 * document resolves to it): what the problem means and what to do about it. Kept apart from
 * `shared/http/problem.ts`, which every function imports, so this text is only in the bundle that serves the
 * pages (Reference) and in the OpenAPI document.
 *
 * A refusal by a rule of the registry (`problems.refusedBy`) has the rule's id as its slug: its page is made
 * from the registry (shared/domain/rules/registry.ts), so it is never listed here. A slug that is not a rule
 * but stands for one (RULE_OF_PROBLEM) names the rule on its page. A test checks that every slug the code
 * can emit has a page.
 */
import { ruleById, type RuleDefinition } from '../domain/rules/registry.ts';
import { problemType, RULE_OF_PROBLEM } from './problem.ts';
import type { ProblemTypeDoc, ProblemTypePage } from './problem-page.ts';

export { PROBLEM_PAGE_CACHE_CONTROL, problemTypeHtml, type ProblemTypeDoc, type ProblemTypePage } from './problem-page.ts';


const RETRY_READ = 'Read the record again (GET), check that your change still makes sense, and send it again.';

export const PROBLEM_TYPES = {
  'malformed-json': {
    status: 400,
    title: 'Malformed JSON',
    meaning: 'The request body is not valid JSON, so nothing in it could be read.',
    whatToDo: 'Send a well-formed JSON document (check quotes, commas and brackets) with `content-type: application/json`.',
  },
  'bad-request': {
    status: 400,
    title: 'Bad request',
    meaning: 'A query parameter could not be read; most often a `cursor` this list did not give out, or one that was changed.',
    whatToDo:
      'Pass `nextCursor` exactly as the previous page returned it, with the same filters, or leave `cursor` out to start again.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    meaning: 'The request carries no bearer token, or one that is expired, malformed or not issued by our user pool.',
    whatToDo: 'Sign in again and send `Authorization: Bearer <token>` with a current token.',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    meaning: 'Your role may not use this operation (the operation description says who may).',
    whatToDo: 'Ask a user with the role the operation needs; if you believe your account lacks a role, contact the department.',
  },
  'not-the-lead': {
    status: 403,
    title: 'Not the lead',
    meaning: 'Only the lead facility (penhouder) may change an application; its partners may read it.',
    whatToDo: 'Ask the lead facility to make the change.',
  },
  'not-a-partner': {
    status: 403,
    title: 'Not a partner',
    meaning: 'Only a facility named as partner in the application answers for its part; the lead takes part by leading.',
    whatToDo: 'Answer as the facility that is named as partner, or ask the lead to change the partners.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    meaning:
      'The resource does not exist, or it is not yours to see: the API never reveals whether something exists that you may not read.',
    whatToDo: 'Check the id in the path and that you are signed in as the facility or role that owns it.',
  },
  'stale-etag': {
    status: 412,
    title: 'Precondition failed',
    meaning: 'The `If-Match` ETag does not match the current version: someone changed the resource since you read it.',
    whatToDo: 'GET the resource again, reapply your change to what it is now, and send it with the new ETag.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Payload too large',
    meaning: 'The request body is larger than 64 KB.',
    whatToDo: 'Send less: long texts belong in documents kept outside the API.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    meaning: 'The request body is not sent as `application/json`.',
    whatToDo: 'Send the body as JSON with `content-type: application/json`.',
  },
  'validation-error': {
    status: 422,
    title: 'Validation error',
    meaning:
      'The JSON is well-formed but breaks one or more rules: a wrong type, a value out of range, an unknown property, a bad check digit, or a rule of the registry. `errors` has one entry per offending field (`path`, `message`, and `rule` when a rule refused it).',
    whatToDo: 'Correct each field named in `errors` and send the request again; nothing was stored.',
  },
  'not-eligible': {
    status: 422,
    title: 'Not eligible',
    meaning:
      'The application does not meet every eligibility rule of its call, so it was not submitted. `report` is the whole eligibility report, rule by rule; `errors` names each rule that failed.',
    whatToDo:
      'Fix what the failing rules explain (partners, recognitions, criteria…), or have the partners confirm, then submit again before the deadline.',
  },
  'if-match-required': {
    status: 428,
    title: 'Precondition required',
    meaning: 'This update needs an `If-Match` header, so that it cannot overwrite a change you have not seen.',
    whatToDo: 'GET the resource, and send its `ETag` as `If-Match` with your update.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal server error',
    meaning: 'Something went wrong on our side; it is never caused by your input. The error was logged.',
    whatToDo: 'Try again later; if it persists, contact the department with the time of the request.',
  },
  'service-unavailable': {
    status: 503,
    title: 'Service unavailable',
    meaning: 'A service we depend on (the table, the mail service, the workflow engine) did not answer in time.',
    whatToDo: 'Wait the seconds in `Retry-After` and try again; a later read shows whether the change was made.',
  },
  'concurrent-change': {
    status: 409,
    title: 'Changed at the same time',
    meaning: 'Another request changed the same record while this one was being handled; this one was not applied.',
    whatToDo: RETRY_READ,
  },
  'application-changed': {
    status: 409,
    title: 'Application changed',
    meaning: 'The application changed while your answer was being recorded; your answer was not stored.',
    whatToDo: 'Read the application again and answer again.',
  },
  'state-conflict': {
    status: 409,
    title: 'State conflict',
    meaning: 'The record is not in a state that allows this change (for instance a recognition that was already withdrawn).',
    whatToDo: 'GET the record to see where it stands.',
  },
  'redecision-conflict': {
    status: 409,
    title: 'Re-decision conflict',
    meaning: 'The call, the objection or a network changed while the re-decision was being written; nothing was changed.',
    whatToDo: 'Read the call, the objection and the networks again, and decide again.',
  },
  'idempotency-key-in-use': {
    status: 409,
    title: 'Idempotency key in use',
    meaning: 'A request with this `Idempotency-Key` is still being handled.',
    whatToDo: 'Retry in a moment with the same key and body: you then get the first response.',
  },
  'facility-exists': {
    status: 409,
    title: 'Facility exists',
    meaning: 'A facility with this enterprise number is already registered.',
    whatToDo: 'GET /facilities/{enterpriseNumber} and change that one instead.',
  },
  'already-leading': {
    status: 409,
    title: 'Already leading',
    meaning: 'Your facility already leads an application to this call for this region: one per lead, call and region.',
    whatToDo: 'Change your existing application for that region, or choose another region.',
  },
  'deadline-passed': {
    status: 409,
    title: 'Deadline passed',
    meaning:
      'The submission deadline of the call has passed: applications can no longer be started, changed, submitted, reopened or withdrawn.',
    whatToDo: 'Nothing can be changed any more; the last version submitted in time is the one evaluated.',
  },
  'not-a-draft': {
    status: 409,
    title: 'Not a draft',
    meaning: 'Only a DRAFT application can be changed or submitted.',
    whatToDo: 'Reopen the application first (POST …/reopen) before the deadline.',
  },
  'invalid-transition': {
    status: 409,
    title: 'Invalid transition',
    meaning:
      'The application is not in a status this action starts from (reopen: SUBMITTED or WITHDRAWN; withdraw: DRAFT or SUBMITTED).',
    whatToDo: 'GET the application to see its status.',
  },
  'application-withdrawn': {
    status: 409,
    title: 'Application withdrawn',
    meaning: 'The lead withdrew this application; partners no longer answer for it.',
    whatToDo: 'Nothing to do unless the lead reopens it.',
  },
  'call-frozen': {
    status: 409,
    title: 'Call frozen',
    meaning: 'The call is no longer a DRAFT: once published its content is frozen.',
    whatToDo: 'Only the deadline can still change (POST …/deadline-extension) while the call is open.',
  },
  'call-not-published': {
    status: 409,
    title: 'Call not published',
    meaning: 'This needs a published call (its deadline extended, or its selection started).',
    whatToDo: 'Publish the call first (POST /calls/{callId}/publish).',
  },
  'call-decided': {
    status: 409,
    title: 'Call decided',
    meaning: 'The selection of this call has decided it; it does not run again.',
    whatToDo: 'Act on an upheld objection with a re-decision of its region instead.',
  },
  'deadline-not-passed': {
    status: 409,
    title: 'Deadline not passed',
    meaning: 'The selection starts only after the submission deadline.',
    whatToDo: 'Start it after the deadline (a dry run, `{"dryRun": true}`, has the same condition).',
  },
  'reviews-missing': {
    status: 409,
    title: 'Reviews missing',
    meaning: "Some submitted applications have fewer reviews than the call's `minReviewsPerApplication`; `errors` lists them.",
    whatToDo: 'Have reviewers score those applications, then start the selection again.',
  },
  'selection-running': {
    status: 409,
    title: 'Selection running',
    meaning: 'A selection is already running for this call, or the call changed while it was being started.',
    whatToDo: 'Follow it with GET /calls/{callId}/selection.',
  },
  'review-not-open': {
    status: 409,
    title: 'Review not open',
    meaning: "Reviews start after the call's submission deadline, on submitted applications.",
    whatToDo: 'Review after the deadline.',
  },
  'review-closed': {
    status: 409,
    title: 'Review closed',
    meaning: 'The selection has started: reviews can no longer be added or changed.',
    whatToDo: 'Nothing; the reviews on record are the ones used.',
  },
  'declaration-required': {
    status: 409,
    title: 'Declaration required',
    meaning: 'A reviewer first declares that they have no conflict of interest with the lead or the partners.',
    whatToDo: 'POST …/reviews/me/declaration with `{"noConflictOfInterest": true}`, then score.',
  },
  'no-outcome': {
    status: 409,
    title: 'No outcome',
    meaning: 'The application has no outcome that was notified yet, so there is nothing to object to.',
    whatToDo: 'Wait for the outcome email of the selection.',
  },
  'objection-period-over': {
    status: 409,
    title: 'Objection period over',
    meaning: 'Objections are possible within 30 days of the outcome email.',
    whatToDo: 'Nothing can be lodged through the API any more.',
  },
  'objection-exists': {
    status: 409,
    title: 'Objection exists',
    meaning: 'An objection to this outcome was already lodged; one per outcome.',
    whatToDo: 'GET the application to follow it.',
  },
  'objection-decided': {
    status: 409,
    title: 'Objection decided',
    meaning: 'This objection was already answered.',
    whatToDo: 'GET the application to read the decision.',
  },
  'already-decided': {
    status: 409,
    title: 'Already decided',
    meaning: 'This request was already granted, refused or withdrawn.',
    whatToDo: 'GET it to read the decision.',
  },
  'no-valid-recognition': {
    status: 409,
    title: 'No valid recognition',
    meaning: 'A mandate can only be granted to a facility with a recognition valid on the decision date.',
    whatToDo: 'Record the recognition first (POST /facilities/{enterpriseNumber}/recognitions), or refuse the request.',
  },
  'client-has-active-trajectory': {
    status: 409,
    title: 'Client has an active trajectory',
    meaning: 'A client has at most one active trajectory at a time.',
    whatToDo: 'Close the active trajectory first, or ask its case managers.',
  },
  'not-closed': {
    status: 409,
    title: 'Not closed',
    meaning: 'The trajectory is not closed; there is nothing to reopen.',
    whatToDo: 'Nothing.',
  },
  'not-a-recognised-begeleider': {
    status: 409,
    title: 'Not a recognised begeleider',
    meaning:
      'Only a facility recognised as begeleider AMA on the date that counts registers werkposten and draws up or submits agreements.',
    whatToDo: 'Ask for the recognition (POST /facilities/{enterpriseNumber}/mandate-requests, kind BEGELEIDER_AMA).',
  },
  'trajectory-not-ama': {
    status: 409,
    title: 'Trajectory not AMA',
    meaning: 'An AMA agreement follows from a trajectory closed with outcome AMA.',
    whatToDo: 'Name such a trajectory, or leave the trajectory out.',
  },
  'werkpost-full': {
    status: 409,
    title: 'Werkpost full',
    meaning: 'The werkpost has no free place, or it is closed to new agreements.',
    whatToDo: 'Choose another werkpost, or end an agreement to free a place.',
  },
  'werkpost-in-use': {
    status: 409,
    title: 'Werkpost in use',
    meaning: 'Agreements name this werkpost (running or ended ones, whose documents refer to it), so it cannot be removed.',
    whatToDo: 'Close it to new agreements instead (PATCH with `closed: true`).',
  },
  'agreement-not-draft': {
    status: 409,
    title: 'Agreement not a draft',
    meaning: 'Only a DRAFT agreement can change its content.',
    whatToDo: 'End the agreement and draw up a new one.',
  },
  'agreement-ended': {
    status: 409,
    title: 'Agreement ended',
    meaning: 'The agreement has already ended.',
    whatToDo: 'Nothing.',
  },
  'not-draft': {
    status: 409,
    title: 'Agreement not a draft',
    meaning: 'Signatures are added to a DRAFT agreement only.',
    whatToDo: 'GET the agreement to see its status.',
  },
  'already-signed': {
    status: 409,
    title: 'Already signed',
    meaning: 'This party has already signed the agreement.',
    whatToDo: 'Nothing; a change of the draft voids the signatures, after which each party signs again.',
  },
  'not-submitted': {
    status: 409,
    title: 'Not submitted',
    meaning: 'Only applications submitted before the deadline (and not withdrawn) are reviewed.',
    whatToDo: 'Review the submitted applications of the call (GET /calls/{callId}/applications?status=SUBMITTED).',
  },
} as const satisfies Record<string, ProblemTypeDoc>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;


export function problemTypePage(slug: string): ProblemTypePage | undefined {
  if (Object.hasOwn(PROBLEM_TYPES, slug)) {
    const doc: ProblemTypeDoc = PROBLEM_TYPES[slug as ProblemSlug];
    const rule = RULE_OF_PROBLEM[slug];
    return { slug, type: problemType(slug), ...doc, ...(rule ? { rule } : {}) };
  }
  const rule = ruleById(slug);
  return rule ? rulePage(rule) : undefined;
}

function rulePage(rule: RuleDefinition): ProblemTypePage {
  return {
    slug: rule.id,
    type: problemType(rule.id),
    title: `Refused by a rule: ${rule.title.en}`,
    meaning: `The request breaks the rule \`${rule.id}\`: ${rule.title.en} (${rule.title.nl}). Source: ${rule.source}. The problem's \`detail\` and \`errors\` say how; a refusal about the request's content comes as 422, one about the state of the record as 409.`,
    whatToDo: `Read the rule, its source and its parameters in GET /rules, and change the request (or wait for the state it needs) so that it meets it.`,
    rule: rule.id,
  };
}
