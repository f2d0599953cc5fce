import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { listen } from '../../infra/local/api-server.ts';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { BROWSER_TEST_TIMEOUT_MS, launchChromium, missingChromium } from '../helpers/chromium.ts';
import { enterpriseNumber, mailbox, registerFacility } from '../helpers/fixtures.ts';

/**
 * A portal on another origin calls the local API from a browser: a page served on 127.0.0.1:<port> (allowed)
 * and the same page as localhost:<port> (another origin, not allowed). The PATCH with Authorization and
 * If-Match needs a preflight.
 */
const skip = missingChromium();
const EN = enterpriseNumber(1602);

let api: TestApi;
let browser: Browser;
let portal: Server;
let portalPort: number;
const served: string[] = [];

beforeAll(async () => {
  if (skip) return;
  portal = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Portaal</title>');
  });
  portalPort = await listen(portal, 0);
  [api, browser] = await Promise.all([
    startTestApi({ corsOrigins: [`http://127.0.0.1:${portalPort}`], log: (line) => served.push(line) }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  portal?.closeAllConnections();
  await new Promise((resolve) => (portal ? portal.close(resolve) : resolve(undefined)));
});

/** A PATCH of the facility's email from a page of `origin`, as a portal's script sends it. */
async function patchFrom(origin: string, token: string, etag: string, email: string) {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const result = await page.evaluate(
    async (url, headers, body) => {
      try {
        const response = await fetch(url, { method: 'PATCH', headers, body });
        return {
          status: response.status,
          etag: response.headers.get('etag'),
          email: ((await response.json()) as { email?: string }).email,
        };
      } catch (error) {
        return { error: String(error) };
      }
    },
    `${api.baseUrl}/facilities/${EN}`,
    { authorization: `Bearer ${token}`, 'if-match': etag, 'content-type': 'application/json' },
    JSON.stringify({ email }),
  );
  await page.close();
  return result;
}

describe.skipIf(skip)('CORS in a browser', () => {
  it(
    'a portal of an allowed origin PATCHes with If-Match after a preflight and reads the ETag; another origin is refused',
    async () => {
      const department = await api.token({ role: 'department' });
      await registerFacility(api, department, EN);
      const allowed = await patchFrom(`http://127.0.0.1:${portalPort}`, department, '"1"', mailbox('portal'));
      expect(allowed).toEqual({ status: 200, etag: '"2"', email: expect.stringContaining('portal-') });
      expect(served).toContainEqual(expect.stringMatching(new RegExp(`^OPTIONS /facilities/${EN} → 204`)));
      expect(served).toContainEqual(expect.stringMatching(new RegExp(`^PATCH /facilities/${EN} → 200`)));

      served.length = 0;
      const refused = await patchFrom(`http://localhost:${portalPort}`, department, '"2"', mailbox('elsewhere'));
      expect(refused).toEqual({ error: expect.stringContaining('Failed to fetch') });
      // The browser stopped at the preflight: the PATCH never reached the API, and nothing changed.
      expect(served).toEqual([expect.stringMatching(new RegExp(`^OPTIONS /facilities/${EN} → 204`))]);
      const now = await api.request('GET', `/facilities/${EN}`, { token: department });
      expect(now.headers.get('etag')).toBe('"2"');
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
