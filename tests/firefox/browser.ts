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

/** Text of the first element matching `selector`, or '' when there is none. */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLElement).textContent).catch(() => '');
}
