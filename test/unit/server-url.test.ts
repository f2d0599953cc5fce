import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { serverUrlOf } from '../../shared/http/server-url.ts';

const eventWith = (domainName: string, headers: Record<string, string> = {}) =>
  ({ headers, requestContext: { domainName } }) as unknown as Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>;

describe("the OpenAPI document's server (serverUrlOf)", () => {
  it("is the API's own domain over https in AWS (API Gateway sets X-Forwarded-Proto: https)", () => {
    const domain = 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com';
    expect(serverUrlOf(eventWith(domain, { 'x-forwarded-proto': 'https' }))).toBe(`https://${domain}`);
    expect(serverUrlOf(eventWith('api.werkenzorg.vlaanderen.be'))).toBe('https://api.werkenzorg.vlaanderen.be');
  });

  it('is http for the local API, which says so, with its port', () => {
    expect(serverUrlOf(eventWith('127.0.0.1:3000', { 'x-forwarded-proto': 'http' }))).toBe('http://127.0.0.1:3000');
    expect(serverUrlOf(eventWith('[::1]:3000', { 'x-forwarded-proto': 'http' }))).toBe('http://[::1]:3000');
  });

  it('is https for any other scheme, and the relative / for a domain name that is not a plain host', () => {
    expect(serverUrlOf(eventWith('api.example', { 'x-forwarded-proto': 'javascript' }))).toBe('https://api.example');
    for (const domain of ['evil.example/path', 'a b', 'x@evil.example', '', 'host:port', '"><script>']) {
      expect(serverUrlOf(eventWith(domain)), domain).toBe('/');
    }
  });
});
