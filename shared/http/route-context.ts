import type { Context } from 'aws-lambda';
import type { Principal } from './principal.ts';

/** What the middlewares put on the Lambda context for the route's code: the input as parsed, and the caller. */
export interface ParsedInput {
  params: unknown;
  query: unknown;
  body: unknown;
  ifMatch: string | undefined;
}

export interface RouteContext extends Context {
  principal?: Principal;
  input?: ParsedInput;
}
