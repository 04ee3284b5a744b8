import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Debian's Firefox ESR, headless, over WebDriver BiDi (Playwright's own Firefox can't be downloaded here). */
export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
}

/** A fresh profile-like context whose downloads land in `dir`. */
export function downloadingContext(browser: Browser, dir: string): Promise<BrowserContext> {
  return browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: dir } });
}

/** Polls `check` until it returns a value (not undefined), or fails naming `what`. */
export async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The next finished download in `dir` after `action`: a new file, not Firefox's `.part`, whose
 * size stayed the same between two looks (BiDi has no download-finished event in this ESR).
 */
export async function downloadAfter(dir: string, action: () => Promise<unknown>, timeoutMs = 180_000): Promise<string> {
  const before = new Set(readdirSync(dir));
  await action();
  let last = { name: '', size: -1 };
  return until(
    'a download',
    () => {
      const name = readdirSync(dir).find((f) => !before.has(f) && !f.endsWith('.part'));
      if (!name || readdirSync(dir).some((f) => f.endsWith('.part'))) return undefined;
      const size = statSync(join(dir, name)).size;
      const done = name === last.name && size === last.size && size > 0;
      last = { name, size };
      return done ? join(dir, name) : undefined;
    },
    timeoutMs,
  );
}

/** Text of the first element matching `selector`, or '' when there is none. */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLElement).textContent).catch(() => '');
}
