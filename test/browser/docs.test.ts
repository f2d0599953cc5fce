import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startTestApi, type TestApi } from '../helpers/test-api.ts';
import { BROWSER_TEST_TIMEOUT_MS, launchChromium, missingChromium } from '../helpers/chromium.ts';

const skip = missingChromium();

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  if (skip) return;
  [api, browser] = await Promise.all([startTestApi(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe.skipIf(skip)('/docs in a browser', () => {
  it(
    "authorizes with a local token and runs Try it out on a GET: a 200 from the local API's own http address",
    async () => {
      const token = await api.token({ role: 'casemanager-werk' });
      const page = await browser.newPage();
      // A deep link opens GET /rules (its tag and the operation); the page loads Swagger UI and the document.
      await page.goto(`${api.baseUrl}/docs#/Rules/listRules`);
      // The Authorize dialog, given the bearer token as npm run token prints it (pasted: typing 800 characters
      // one key at a time re-renders the dialog 800 times).
      await (await page.waitForSelector('.scheme-container .btn.authorize'))!.click();
      const field = (await page.waitForSelector('.modal-ux input'))!;
      await field.evaluate((input, value) => {
        // React watches the value property: set it through the input's own (prototype's) setter, as a paste does.
        (Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input) as object, 'value')!.set as (v: string) => void).call(
          input,
          value,
        );
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, token);
      await page.click('.modal-ux .auth-btn-wrapper .btn.authorize');
      await page.click('.modal-ux .btn-done');
      // Try it out, Execute.
      const operation = 'div[id$="-listRules"]';
      await (await page.waitForSelector(`${operation} .try-out__btn`))!.click();
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/rules'),
        (await page.waitForSelector(`${operation} .btn.execute`))!.click(),
      ]);
      expect(response.url().startsWith(`${api.baseUrl}/rules`)).toBe(true);
      expect(response.status()).toBe(200);
      expect(response.request().headers().authorization).toBe(`Bearer ${token}`);
      const shown = await page.waitForSelector(`${operation} .live-responses-table tbody .response-col_status`);
      expect(await shown!.evaluate((cell) => cell.textContent?.trim())).toBe('200');
      await page.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
