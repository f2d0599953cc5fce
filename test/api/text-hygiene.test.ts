import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { callBody, enterpriseNumber, mailbox } from '../helpers/fixtures.ts';

/**
 * Text hygiene: control characters (NUL, ANSI escapes, DEL, C1), bidirectional overrides and lone
 * surrogates are refused in every field, with a 422 naming the field and the code point (never the text);
 * one-line fields (names, titles) also refuse tabs and line breaks; free text keeps them.
 */
let api: TestApi;
let department: string;

beforeAll(async () => {
  api = await startTestApi();
  api.setNow('2026-11-02T09:00:00.000Z');
  department = await api.token({ role: 'department', sub: 'dept-text' });
});
afterAll(() => api.close());

const forbidden = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2066',
  '\ud800',
  '\udc00',
);
const text = fc
  .string({ maxLength: 20 })
  // eslint-disable-next-line no-control-regex -- the generator strips the characters under test
  .map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g, ''));

/** JSON text, with lone surrogates written as \u escapes as a client's JSON encoder does. */
const json = (value: unknown) => JSON.stringify(value);

describe('text hygiene', () => {
  it('refuses a forbidden character anywhere in a name or free text, naming the field and the code point, writing nothing', async () => {
    const before = await api.scanTable();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text, forbidden, text, fc.constantFrom('name', 'email-free'), async (head, bad, tail, field) => {
        n++;
        const en = enterpriseNumber(15_000 + (n % 900));
        const value = `${head}${bad}${tail}`;
        const body =
          field === 'name'
            ? { enterpriseNumber: en, name: `Voorziening ${value}`, province: 'ANTWERPEN', email: mailbox('x') }
            : callBody('2026-12-01T12:00:00+01:00', { description: `Oproep ${value}` });
        const response = await api.request('POST', field === 'name' ? '/facilities' : '/calls', {
          token: department,
          rawBody: json(body),
        });
        expect(response.status, response.text).toBe(422);
        const error = response.body.errors.find((e: { path: string }) => e.path === (field === 'name' ? 'name' : 'description'));
        expect(error?.message, response.text).toMatch(/U\+[0-9A-F]{4}|lone surrogate/);
        expect(response.text).not.toContain(bad);
      }),
      { numRuns: 40 },
    );
    expect(await api.scanTable()).toEqual(before);
  });

  it('a one-line field refuses a tab or line break inside it; free text keeps newlines and tabs', async () => {
    for (const inside of ['Aanpak\nregio', 'Aanpak\tregio', 'Aanpak\r\nregio']) {
      const refused = await api.request('POST', '/calls', {
        token: department,
        body: callBody('2026-12-01T12:00:00+01:00', { title: inside }),
      });
      expect(refused.status, inside).toBe(422);
      expect(refused.body.errors).toEqual([{ path: 'title', message: 'One line: no tab or line break.' }]);
    }
    const accepted = await api.request('POST', '/calls', {
      token: department,
      body: callBody('2026-12-01T12:00:00+01:00', {
        title: '  Oproep 2027  ',
        description: 'Eerste alinea.\n\n\tTweede alinea.',
      }),
    });
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body).toMatchObject({ title: 'Oproep 2027', description: 'Eerste alinea.\n\n\tTweede alinea.' });
  });

  it('refuses control characters in path and query parameters too', async () => {
    const query = await api.request('GET', '/facilities?province=%1B%5B31m', { token: department });
    expect(query.status).toBe(422);
    expect(query.body.errors).toContainEqual({
      path: 'province',
      message: 'Contains the control character U+001B, which is not allowed.',
    });
    const param = await api.request('GET', '/calls/%00abc', { token: department });
    expect(param.status).toBe(422);
    expect(param.body.errors[0]).toMatchObject({ path: 'callId', message: expect.stringContaining('U+0000') });
  });
});
