/**
 * The app in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi), as a seller would use it:
 * first visit, sample, a recording and log through the file picker, fast copy and exact cut,
 * the editor's preview and render, reload and offline. Every file it writes is checked with
 * native ffprobe/ffmpeg. puppeteer doesn't check that a click reached its target, so each click
 * is followed by a wait for what it does.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseAvcC, repairAvcC } from '../../src/media/webcodecs/avc';
import { downloadAfter, startPreview, until } from '../browsers/harness';
import { decodeErrors, ffprobe, fixture, frameRgb, generated, rgbDiff, videoFrameCount } from '../e2e/helpers';
import { downloadingContext, launchFirefox, textOf } from './browser';

const downloads = mkdtempSync(join(tmpdir(), 'lhs-firefox-'));
let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startPreview(process.env.FIREFOX_DIST ?? 'dist', Number(process.env.FIREFOX_PORT ?? 4481));
  browser = await launchFirefox();
  const context = await downloadingContext(browser, downloads);
  page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A button by its own text (an icon beside it aside), or a checkbox by its label. XPath on the
 * DOM rather than `::-p-aria`: Firefox's accessibility tree lagged a busy page by over 30 s.
 */
const byText = (name: string, role: 'button' | 'checkbox' = 'button') =>
  role === 'checkbox'
    ? `::-p-xpath(//label[normalize-space()="${name}"]/input[@type="checkbox"])`
    : `::-p-xpath(//button[text()[normalize-space()="${name}"]])`;
const rows = 'tbody tr';

/**
 * Clicks the element once it is visible and enabled. Not a Locator click: that waits for a box
 * that stays put, which a page still laying out thumbnails and progress bars may not give it.
 */
async function press(selector: string): Promise<void> {
  const handle = (await page.waitForSelector(selector, { visible: true }))!;
  await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled, {}, handle);
  await handle.click();
}

async function clipRows(count: number): Promise<void> {
  await until(`${count} clip rows`, async () => ((await page.$$(`[data-testid=clip-list] ${rows}`)).length === count ? true : undefined));
}

/** Types into a labelled number field under the clip settings' Advanced, and waits for it to take. */
async function setAdvanced(label: string, value: string): Promise<void> {
  const toggle = await page.waitForSelector('fieldset.settings .disclosure');
  if ((await toggle!.evaluate((b) => b.getAttribute('aria-expanded'))) !== 'true') await toggle!.click();
  const field = page.locator(`::-p-xpath(//label[span[normalize-space()="${label}"]]//input)`);
  // Puppeteer's fill clears the field by script, then types: a re-render in between (the pause
  // finder's progress after an import) puts the old value back, so fill again until it takes.
  await until(`${label} = ${value}`, async () => {
    if ((await field.map((el) => (el as HTMLInputElement).value).wait()) === value) return true;
    await field.fill(value);
    return undefined;
  });
}

/** [start, end] seconds of a clip row ("m:ss–m:ss.t"). */
async function rowRange(index: number): Promise<[number, number]> {
  const text = await page.$$eval(
    `[data-testid=clip-list] ${rows}`,
    (trs, i) => (trs[i]?.querySelectorAll('td')[2] as HTMLElement | undefined)?.textContent ?? '',
    index,
  );
  const [start, end] = text.split('–').map((t) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0));
  return [start!, end!];
}

async function importFiles(paths: string[]): Promise<void> {
  await page.goto(server.url);
  const input = await page.waitForSelector('[data-testid=home-drop] input[type=file]');
  await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(...paths);
  await page.waitForSelector('.timeline svg', { visible: true });
}

/** The avcC record in an MP4 (the first 'avcC' box). */
function avcCOf(path: string): Uint8Array {
  const file = readFileSync(path);
  const at = file.indexOf('avcC', 0, 'latin1');
  if (at < 4) throw new Error(`no avcC in ${path}`);
  const size = file.readUInt32BE(at - 4);
  return new Uint8Array(file.subarray(at + 4, at - 4 + size));
}

test('first visit: no update banner, and the sample gives explained highlights', async () => {
  await page.goto(server.url);
  await page.waitForSelector('::-p-text(Turn your LIVE into highlight clips)');
  // The service worker's first install is not an update.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  expect(await page.$('[data-testid=update-prompt]')).toBeNull();
  // What Firefox can do, as the app tells it: WebCodecs yes, a save picker no (files go to Downloads).
  await press('[data-testid=browser-support] summary');
  await page.waitForSelector('[data-testid=browser-support] li[data-feature]');
  const support = await page.$$eval('[data-testid=browser-support] li[data-feature]', (lis) =>
    Object.fromEntries(lis.map((li) => [(li as HTMLElement).dataset.feature, (li as HTMLElement).dataset.supported === 'true'])),
  );
  expect(support).toMatchObject({ fastEngine: true, audioMix: true, h264Decode: true, savePicker: false, storage: true });
  expect(await textOf(page, '[data-testid=browser-support] li[data-feature=savePicker]')).toContain('files go to Downloads');
  await press(byText('Try the sample'));
  await page.waitForSelector('.timeline svg', { visible: true });
  await until('the sample clips', async () => ((await page.$$(`[data-testid=clip-list] ${rows}`)).length > 0 ? true : undefined));
  expect(await page.$$('.timeline rect.window')).not.toHaveLength(0);
  // Nor is a second visit to the same version.
  await page.reload();
  await page.waitForSelector('.timeline svg', { visible: true });
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  expect(await page.$('[data-testid=update-prompt]')).toBeNull();
});

test('a recording and log from the file picker: fast copy, then an exact cut that decodes clean from its first frame', async () => {
  const recording = generated('rec-20s.mp4');
  await importFiles([recording, fixture('clicks-20s.csv')]);
  await setAdvanced('Min length', '5');
  await clipRows(2);
  const [start, end] = await rowRange(0);

  const fast = await downloadAfter(downloads, () => press(byText('Download clip')));
  const copied = ffprobe(fast);
  expect(copied.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  expect(Number(copied.format.duration)).toBeGreaterThanOrEqual(end - start - 0.1);
  expect(decodeErrors(fast)).toBe('');

  await press(byText('Exact cut', 'checkbox'));
  await page.waitForSelector('::-p-text(Starts and ends on the exact frame)');
  const exact = await downloadAfter(downloads, () => press(byText('Download clip')));
  // The smart cut: the first GOP re-encoded by Firefox's own encoder, the rest copied.
  expect(await page.$eval('[data-testid=cut-method]', (p) => (p as HTMLElement).dataset.method)).toBe('smart');
  const probe = ffprobe(exact);
  expect(Math.abs(Number(probe.format.duration) - (end - start))).toBeLessThanOrEqual(0.05);
  expect(Math.abs(videoFrameCount(exact) - Math.round((end - start) * 30))).toBeLessThanOrEqual(1);
  // Firefox's encoder once put broken parameter sets into the cut's first GOP: every frame decodes.
  expect(decodeErrors(exact)).toBe('');
  // The fixture's frames show their numbers: the cut starts on the requested one.
  const first = rgbDiff(frameRgb(exact, 0, 640, 360), frameRgb(recording, start, 640, 360));
  const next = rgbDiff(frameRgb(exact, 0, 640, 360), frameRgb(recording, start + 1 / 30, 640, 360));
  expect(first.mean).toBeLessThan(3);
  expect(first.mean).toBeLessThan(next.mean);
});

test('the editor plays the edit, renders a short with a well-formed avcC, and a reload keeps the project', async () => {
  await page.goto(server.url);
  await press(byText('Try the sample'));
  await page.waitForSelector('.timeline svg', { visible: true });
  await setAdvanced('Min length', '5');
  await setAdvanced('Max length', '6');
  await until('a 6 s first clip', async () => ((await textOf(page, `[data-testid=clip-list] ${rows} td:nth-child(4)`)) === '6 s' ? true : undefined));
  await press('.action-bar a.btn.primary');
  await page.waitForSelector('[data-testid=editor-canvas][data-ready=true]', { visible: true });

  await press(byText('Play'));
  const preview = '[data-testid=live-preview]';
  await page.waitForSelector(`${preview}[data-playing=true]`);
  await until('ten drawn preview frames', () => page.$eval(preview, (c) => (Number((c as HTMLElement).dataset.drawn) > 10 ? true : undefined)));
  await press(byText('Pause'));
  await page.waitForSelector(`${preview}[data-playing=false]`);

  // Speech to caption lines on this device (the ASR model in a worker, from our own origin).
  await press('::-p-xpath(//button[starts-with(normalize-space(), "Transcribe")])');
  const transcribed = await page.waitForSelector('[data-testid=transcribe-result]', { visible: true, timeout: 180_000 });
  expect(await transcribed!.evaluate((p) => p.textContent)).toMatch(/^[1-9]\d* caption lines? from [\d.]+ s of speech/);

  await press(byText('Render video'));
  await page.waitForSelector('[data-testid=render-result]', { visible: true, timeout: 180_000 });
  // The app compared the short's picture with the recording's before calling it done.
  const note = await page.$eval('[data-testid=render-engine]', (n) => ({ engine: n.getAttribute('data-engine'), diff: n.getAttribute('data-picture-diff') }));
  expect(note.engine).toBe('webcodecs');
  expect(Number(note.diff ?? Number.NaN)).toBeLessThan(15);
  // Its sound was mixed in the browser (AAC from the wasm encoder), not by ffmpeg.wasm.
  expect(await page.evaluate(() => performance.getEntriesByName('lhs:mix').length)).toBe(1);
  const short = await downloadAfter(downloads, () => press(byText('Download video')));
  const probe = ffprobe(short);
  expect(probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1080, height: 1920 });
  expect(Math.abs(Number(probe.format.duration) - 6)).toBeLessThan(0.1);
  expect(decodeErrors(short)).toBe('');
  // Firefox's encoder doubles each parameter set's NAL header in its avcC: the file's is repaired.
  const record = avcCOf(short);
  const config = parseAvcC(record);
  expect(config.sps[0]![0]! & 0x1f).toBe(7);
  expect(Array.from(config.sps[0]!.subarray(1, 4))).toEqual([config.profile, config.compat, config.level]);
  expect(config.pps[0]![0]! & 0x1f).toBe(8);
  expect(repairAvcC(record)).toEqual(record);

  const heading = await textOf(page, 'h1');
  await page.reload();
  await page.waitForSelector('[data-testid=editor-canvas][data-ready=true]', { visible: true });
  expect(await textOf(page, 'h1')).toBe(heading);
});

test('after the first visit it works offline: the sample opens and a clip downloads', async () => {
  await page.goto(server.url);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.setOfflineMode(true);
  try {
    await page.reload();
    await page.waitForSelector('::-p-text(Turn your LIVE into highlight clips)');
    await press(byText('Try the sample'));
    await page.waitForSelector('[data-testid=clip-list]', { visible: true });
    const clip = await downloadAfter(downloads, () => press(byText('Download clip')));
    expect(
      ffprobe(clip)
        .streams.map((s) => s.codec_type)
        .sort(),
    ).toEqual(['audio', 'video']);
  } finally {
    await page.setOfflineMode(false);
  }
  expect(pageErrors).toEqual([]);
});
