import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it when missing), or the browser
 * `CHROMIUM_PATH` names. The browser tests drive it with puppeteer-core, which downloads no browser.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * A browser test takes seconds alone (Swagger UI reading the 170 KB document is most of /docs), several times
 * that on this 2-core machine while the whole suite runs: more room than vitest's 30 s.
 */
export const BROWSER_TEST_TIMEOUT_MS = 90_000;

export function chromiumPath(): string | undefined {
  const named = process.env.CHROMIUM_PATH;
  if (named) return named;
  return CANDIDATES.find((file) => existsSync(file));
}

/**
 * Why the browser tests cannot run here, or undefined when they can. In CI (`CI` set, as `.ci/run` sets it) a
 * missing browser is a failure, never a skip: `.ci/run` installs it.
 */
export function missingChromium(): string | undefined {
  if (chromiumPath()) return undefined;
  const message = 'No Chromium found (apt-get install chromium, or set CHROMIUM_PATH): the browser tests are skipped';
  if (process.env.CI) throw new Error(`${message}, which CI does not allow`);
  console.warn(message);
  return message;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  return puppeteer.launch({
    executablePath,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox; /dev/shm may be small there.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', '--no-first-run'],
  });
}
