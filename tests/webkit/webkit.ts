/**
 * The WebKit suite's harness: Debian's WebKitGTK (Safari's engine, not its media stack) through
 * its W3C WebDriver, `WebKitWebDriver`, with selenium-webdriver as the client. It serves the built
 * app itself (`vite preview` of $WEBKIT_DIST on $WEBKIT_PORT), starts an Xvfb display when there
 * is none, and runs `browser.py`, a persistent-profile browser: MiniBrowser under automation is
 * always a private session, which refuses Blobs in IndexedDB.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { By, Capabilities, WebDriver, type WebElement } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http';
import { type Child, start, startPreview, stop, until, waitForHttp } from '../browsers/harness';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const BROWSER = join(import.meta.dirname, 'browser.py');
export const DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const DIST = resolve(ROOT, process.env.WEBKIT_DIST ?? 'dist');
export const PORT = Number(process.env.WEBKIT_PORT ?? 4471);
export const BASE_URL = `http://127.0.0.1:${PORT}/`;

/**
 * `promise`, or a clear failure after `ms`. A WebKit page that hangs (seen once on a loaded machine,
 * on a reload) leaves WebDriver commands waiting with no timeout of their own.
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`WebKit did not answer within ${ms / 1000} s: ${what} (the page or browser hung)`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A TCP port nobody listens on right now (for the driver). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** An X display: $DISPLAY when set, else a private Xvfb that picks a free display number itself. */
async function display(): Promise<{ display: string; xvfb?: ChildProcess }> {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY };
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let err = '';
  xvfb.stderr?.on('data', (c: Buffer) => {
    err = (err + c.toString()).slice(-2000);
  });
  const number = await new Promise<string>((done, fail) => {
    let out = '';
    const fd3 = xvfb.stdio[3] as NodeJS.ReadableStream;
    fd3.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) done(out.trim());
    });
    xvfb.once('error', (e) => fail(new Error(`Xvfb could not start (apt-get install xvfb): ${e.message}`)));
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited (code ${code}): ${err}`)));
  });
  return { display: `:${number}`, xvfb };
}

export interface WebKit {
  driver: WebDriver;
  /** Where the browser's downloads land. */
  downloads: string;
  close: () => Promise<void>;
}

/** Serves DIST, starts Xvfb if needed, WebKitWebDriver and a session on browser.py with downloads going to `downloads`. */
export async function launch(downloads: string): Promise<WebKit> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npx vite build\` first (or set WEBKIT_DIST).`);
  if (!existsSync(DRIVER)) throw new Error(`${DRIVER} is missing: apt-get install webkit2gtk-driver`);
  let xvfb: ChildProcess | undefined;
  let preview: Awaited<ReturnType<typeof startPreview>> | undefined;
  let webDriver: Child | undefined;
  let driver: WebDriver | undefined;
  const close = async () => {
    if (driver) await within(driver.quit(), 15_000, 'quit').catch(() => undefined);
    await stop(webDriver);
    await preview?.stop();
    if (xvfb && xvfb.exitCode === null) {
      const exited = new Promise((r) => xvfb?.once('exit', r));
      xvfb.kill('SIGTERM');
      await exited;
    }
  };
  try {
    preview = await startPreview(DIST, PORT);
    const screen = await display();
    xvfb = screen.xvfb;
    const driverPort = await freePort();
    webDriver = start(DRIVER, [`--port=${driverPort}`, '--host=127.0.0.1'], { ...process.env, DISPLAY: screen.display, WEBKIT_DOWNLOADS: downloads });
    const driverUrl = `http://127.0.0.1:${driverPort}`;
    await waitForHttp(`${driverUrl}/status`, webDriver, 'WebKitWebDriver');
    const caps = new Capabilities({ 'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] } });
    driver = await WebDriver.createSession(new Executor(new HttpClient(driverUrl)), caps);
    return { driver, downloads, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** XPath string literal for `text` (WebDriver has no role/name locators). */
const literal = (text: string) => (text.includes("'") ? `concat('${text.split("'").join(`', "'", '`)}')` : `'${text}'`);

/** A button whose visible text is exactly `text`. */
export const button = (text: string) => By.xpath(`//button[normalize-space(.)=${literal(text)}]`);
/** A link whose text starts with `text`. */
export const linkStarting = (text: string) => By.xpath(`//a[starts-with(normalize-space(.), ${literal(text)})]`);
export const testId = (id: string, extra = '') => By.css(`[data-testid="${id}"]${extra}`);

/** Texts of the page's role="alert" elements (the app's errors are alerts), for failure messages. */
export async function alertTexts(driver: WebDriver): Promise<string[]> {
  const texts: string[] = [];
  for (const el of await driver.findElements(By.css('[role=alert]'))) texts.push(await el.getText().catch(() => ''));
  return texts.filter(Boolean);
}

/** Waits for `check`, and on a timeout says what the page's alerts said. */
export async function untilOnPage<T>(driver: WebDriver, what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  try {
    return await until(what, check, timeoutMs);
  } catch (e) {
    const shown = await alertTexts(driver).catch(() => []);
    throw new Error(`${(e as Error).message}${shown.length ? `; the page's alerts: ${shown.join(' | ')}` : ''}`);
  }
}

/** The first displayed element for `by`, waited for. */
export function visible(driver: WebDriver, by: By, what: string, timeoutMs = 30_000): Promise<WebElement> {
  return untilOnPage(
    driver,
    what,
    async () => {
      for (const el of await driver.findElements(by)) if (await el.isDisplayed().catch(() => false)) return el;
      return undefined;
    },
    timeoutMs,
  );
}

/**
 * Scrolls `el` to the middle of the view, then clicks it. WebKitWebDriver answers "element not
 * interactable" for a control under the project page's sticky bottom bar instead of scrolling it clear.
 */
export async function press(driver: WebDriver, el: WebElement): Promise<void> {
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
  await el.click();
}

/** Whether any element for `by` is displayed now. */
export async function shown(driver: WebDriver, by: By): Promise<boolean> {
  for (const el of await driver.findElements(by)) if (await el.isDisplayed().catch(() => false)) return true;
  return false;
}
