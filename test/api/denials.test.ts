import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { enterpriseNumber, registerFacility } from '../helpers/fixtures.ts';

/**
 * Access denials leave a trace: one warning per 401/403/404 with the route, the caller's `sub` and roles,
 * the ids in the path and the status; never the body, the query or the token.
 */
let api: TestApi;
let department: string;
const output: string[] = [];
let restore: () => void;
const MINE = enterpriseNumber(16_001);
const THEIRS = enterpriseNumber(16_002);
const MARKER = 'DEELN-SECRET-4711';

beforeAll(async () => {
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    output.push(String(chunk));
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  };
  // Powertools writes warnings through console.warn: to stderr.
  const originalErr = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    output.push(String(chunk));
    return (originalErr as (...a: unknown[]) => boolean)(chunk, ...rest);
  };
  restore = () => {
    process.stdout.write = original;
    process.stderr.write = originalErr;
  };
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  api = await startTestApi();
  department = await api.token({ role: 'department', sub: 'dept-denials' });
  await registerFacility(api, department, MINE);
  await registerFacility(api, department, THEIRS);
});
afterAll(async () => {
  restore();
  await api.close();
});

const denials = () =>
  output
    .join('')
    .split('\n')
    .filter((line) => line.includes('"access denied"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('access denials', () => {
  it('a role refused (403) and a resource not yours (404) are each logged with route, caller, ids and status, without the body', async () => {
    const facility = await api.token({ role: 'facility', facility: MINE, sub: 'facility-user-1' });
    const forbidden = await api.request('POST', '/calls', { token: facility, body: { title: MARKER } });
    expect(forbidden.status).toBe(403);
    const notYours = await api.request('GET', `/facilities/${THEIRS}?marker=${MARKER}`, { token: facility });
    expect(notYours.status).toBe(404);
    const logged = denials();
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'WARN',
        operationId: 'createCall',
        status: 403,
        sub: 'facility-user-1',
        roles: ['facility'],
        resource: {},
      }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({
        operationId: 'getFacility',
        status: 404,
        sub: 'facility-user-1',
        roles: ['facility'],
        resource: { enterpriseNumber: THEIRS },
      }),
    );
    expect(output.join('')).not.toContain(MARKER);
  });

  it('a 401 says which scheme it wants (WWW-Authenticate: Bearer)', async () => {
    const anonymous = await api.request('GET', `/facilities/${MINE}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });
});
