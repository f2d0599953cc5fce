import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS } from '../../shared/http/cors.ts';
import { synthesize, SYNTH_TIMEOUT_MS, templateOf, type Synthesized } from './synth.ts';

/** The HTTP API's CORS with `-c corsOrigins=…` (test/infra/stack.test.ts checks there is none by default). */
const ORIGINS = 'https://portaal.werkenzorg.example, https://partner.example:8443';
let synthesized: Synthesized;

beforeAll(() => {
  synthesized = synthesize({ context: { corsOrigins: ORIGINS } });
  if (synthesized.synthError) throw synthesized.synthError;
}, SYNTH_TIMEOUT_MS);
afterAll(() => synthesized?.cleanup());

describe('CORS of the HTTP API, with corsOrigins given', () => {
  it('is the configured origins with the one definition of methods, headers and exposed headers (shared/http/cors.ts)', () => {
    const apis = Object.values(templateOf(synthesized).findResources('AWS::ApiGatewayV2::Api'));
    expect(apis).toHaveLength(1);
    expect((apis[0] as { Properties: Record<string, unknown> }).Properties.CorsConfiguration).toEqual({
      AllowOrigins: ['https://portaal.werkenzorg.example', 'https://partner.example:8443'],
      AllowMethods: [...CORS_ALLOW_METHODS],
      AllowHeaders: [...CORS_ALLOW_HEADERS],
      ExposeHeaders: [...CORS_EXPOSE_HEADERS],
      MaxAge: CORS_MAX_AGE_SECONDS,
    });
  });

  it('needs no OPTIONS route: API Gateway answers preflights itself (the CORS configuration is a property, not a resource)', () => {
    const routes = Object.values(templateOf(synthesized).findResources('AWS::ApiGatewayV2::Route')) as {
      Properties: { RouteKey: string };
    }[];
    expect(routes.filter((route) => route.Properties.RouteKey.startsWith('OPTIONS '))).toEqual([]);
  });
});
