import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from '../../zod.ts';
import type { RouteSpec } from '../route.ts';
import { problems, type FieldError } from '../problem.ts';
import { fieldErrorsOf } from '../zod-errors.ts';
import { reservedKeyErrors } from '../reserved-keys.ts';
import { controlCharacterErrors } from '../text-hygiene.ts';
import type { RouteContext } from '../route-context.ts';
import { headerOf } from '../reply.ts';

export const MAX_BODY_BYTES = 64 * 1024;

function rawBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function validatePart(schema: z.core.$ZodType | undefined, value: unknown, errors: FieldError[]): unknown {
  if (!schema) return undefined;
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  errors.push(...fieldErrorsOf(result.error));
  return undefined;
}

/**
 * Size limit (413), JSON (400), media type (415), then zod on path, query and body together so that a
 * 422 lists every offending field at once; `If-Match` presence (428) last.
 */
export function parseRequest(
  spec: RouteSpec,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, RouteContext> {
  return {
    name: 'parseRequest',
    before: (request) => {
      const event = request.event;
      let body: unknown;
      const text = rawBody(event);
      if (spec.body) {
        if (text !== undefined && Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
          throw problems.payloadTooLarge(MAX_BODY_BYTES);
        }
        if (text === undefined) {
          body = undefined;
        } else {
          const contentType = headerOf(event, 'content-type') ?? '';
          if (!/^application\/(.+\+)?json\b/i.test(contentType)) throw problems.unsupportedMediaType();
          try {
            body = JSON.parse(text);
          } catch {
            // The parser's message quotes the input, which may hold personal data: never echo it.
            throw problems.malformedJson('The request body is not valid JSON.');
          }
        }
      }
      // Reserved keys and control characters are refused at their paths; zod then reports the rest (a schema
      // error at a path already reported is not repeated).
      const errors: FieldError[] = [
        ...reservedKeyErrors(body),
        ...controlCharacterErrors(event.pathParameters ?? {}),
        ...controlCharacterErrors(event.queryStringParameters ?? {}),
        ...controlCharacterErrors(body),
      ];
      const reported = new Set(errors.map((e) => e.path));
      const partErrors: FieldError[] = [];
      const params = validatePart(spec.params?.(), event.pathParameters ?? {}, partErrors);
      const query = validatePart(spec.query?.(), event.queryStringParameters ?? {}, partErrors);
      if (spec.body && spec.bodyOptional && body === undefined) body = {};
      const parsedBody =
        spec.body && body === undefined
          ? (partErrors.push({ path: '', message: 'A JSON request body is required.' }), undefined)
          : validatePart(spec.body?.(), body, partErrors);
      errors.push(...partErrors.filter((e) => !reported.has(e.path)));
      if (errors.length > 0) throw problems.validation(errors);
      let ifMatch: string | undefined;
      if (spec.ifMatch) {
        ifMatch = headerOf(event, 'if-match');
        if (!ifMatch) throw problems.preconditionRequired();
      }
      request.context.input = { params, query, body: parsedBody, ifMatch };
    },
  };
}
