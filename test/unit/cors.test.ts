import { describe, expect, it } from 'vitest';
import { CORS_ALLOW_METHODS, parseCorsOrigins } from '../../shared/http/cors.ts';
import { routeList } from '../../shared/routes.ts';

describe('CORS configuration (shared/http/cors.ts)', () => {
  it('allows every method of the route table', () => {
    const methods = new Set(routeList.map((spec) => spec.method));
    expect([...methods].filter((method) => !(CORS_ALLOW_METHODS as readonly string[]).includes(method))).toEqual([]);
  });

  it('reads origins from a comma-separated value or a list; nothing configured is none', () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins('')).toEqual([]);
    expect(parseCorsOrigins('https://portaal.example, http://127.0.0.1:5173/')).toEqual([
      'https://portaal.example',
      'http://127.0.0.1:5173',
    ]);
    expect(parseCorsOrigins(['https://a.example', 'https://B.example'])).toEqual(['https://a.example', 'https://b.example']);
  });

  it('refuses what is not an origin, naming it', () => {
    for (const bad of [
      '*',
      'portaal.example',
      'https://portaal.example/app',
      'ftp://x.example',
      'https://x.example?q=1',
      'https://*.example',
    ]) {
      expect(() => parseCorsOrigins(bad), bad).toThrow(/not an origin/);
    }
    expect(() => parseCorsOrigins([42])).toThrow(/42/);
  });
});
