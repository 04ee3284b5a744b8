import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { advancedSetting, decodeErrors, dropFiles, ffprobe, fixture, frameRgb, generated, rgbDiff, rowRange, saveDownload, videoFrameCount } from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-e2e-'));

async function importFixture(page: Page, recording = generated('rec-20s.mp4'), log = fixture('clicks-20s.csv')) {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [recording, log]);
  // The worker has answered once the click timeline is drawn.
  await expect(page.locator('.timeline svg')).toBeVisible();
}

const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');

/** The fixture's products are pinned for 8.5 s and 6.5 s: below the default 15 s minimum. */
async function allowShortClips(page: Page) {
  await (await advancedSetting(page, 'Min length')).fill('5');
  await expect(rows(page)).toHaveCount(2);
}

const rangeOf = (page: Page, row: number) => rowRange(rows(page).nth(row));

test('drop a recording and its log, see the clips, download one by stream copy', async ({ page }) => {
  await importFixture(page);
  await expect(page.getByTestId('recording-meta')).toContainText('640×360');
  await expect(page.getByTestId('log-summary')).toContainText('clicks-20s.csv');
  // The default 15 s minimum is longer than either product's pinned time: no clip, and it says why.
  await expect(page.getByText(/No product has a rise in clicks that fits the clip lengths/)).toBeVisible();
  await allowShortClips(page);
  await expect(rows(page).nth(0)).toContainText('Red Mug');
  await expect(rows(page).nth(1)).toContainText('Blue Cap, Large');
  // The chart shades one window per clip.
  await expect(page.locator('.timeline rect.window')).toHaveCount(2);

  await rows(page).nth(1).click();
  const [start, end] = await rangeOf(page, 1);
  expect([start, end]).toEqual([11, 17.5]);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^blue-cap-large.*_0m\d\ds-0m\d\ds\.mp4$/);
  const probe = ffprobe(await saveDownload(download, outDir));
  expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  const duration = Number(probe.format.duration);
  // Stream copy starts at the keyframe before the start: at most one GOP (1 s in this fixture) longer.
  expect(duration).toBeGreaterThanOrEqual(end - start - 0.1);
  expect(duration).toBeLessThanOrEqual(end - start + 1.1);
});

test('a fast copy is read back too: a broken one is cut exactly instead, and says why', async ({ page }) => {
  await importFixture(page);
  await allowShortClips(page);
  const [start, end] = await rangeOf(page, 0);
  // The test hook cuts fast copies short before their check, as a broken write would.
  await page.evaluate(() => localStorage.setItem('lhs.test.breakOutput', 'copy'));
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  const path = await saveDownload(await downloadPromise, outDir);
  const note = page.getByTestId('cut-method');
  await expect(note).toHaveAttribute('data-method', 'smart');
  await expect(note).toContainText('The fast copy came out broken, so the clip was cut exactly instead.');
  await note.getByText('Details').click();
  await expect(note).toContainText(/The file the fast engine made failed its check: .*(can't be read back|lasts|don't decode|can't be found)/);
  expect(Math.abs(Number(ffprobe(path).format.duration) - (end - start))).toBeLessThanOrEqual(0.05);
  expect(decodeErrors(path)).toBe('');
});

for (const [engine, method] of [
  ['auto', 'smart'],
  ['ffmpeg', 'reencode'],
] as const) {
  test(`exact cut (${engine} engine: ${method}) starts on the requested frame and lasts exactly the range`, async ({ page }) => {
    await importFixture(page);
    // The engine preference is the app's own setting, kept in this browser.
    await page.evaluate((e) => localStorage.setItem('lhs.engine', e), engine);
    await allowShortClips(page);
    const [start, end] = await rangeOf(page, 0);
    await page.getByLabel('Exact cut').check();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download clip' }).click();
    const path = await saveDownload(await downloadPromise, outDir);
    await expect(page.getByTestId('cut-method')).toHaveAttribute('data-method', method);
    const probe = ffprobe(path);
    expect(Math.abs(Number(probe.format.duration) - (end - start))).toBeLessThanOrEqual(0.05);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
    expect(Math.abs(videoFrameCount(path) - Math.round((end - start) * 30))).toBeLessThanOrEqual(1);
    expect(decodeErrors(path)).toBe('');
    // Every frame of the fixture shows its number: the first frame is the one at the requested start.
    const first = rgbDiff(frameRgb(path, 0, 640, 360), frameRgb(generated('rec-20s.mp4'), start, 640, 360));
    const next = rgbDiff(frameRgb(path, 0, 640, 360), frameRgb(generated('rec-20s.mp4'), start + 1 / 30, 640, 360));
    expect(first.mean).toBeLessThan(3);
    expect(first.mean).toBeLessThan(next.mean);
  });
}

test('the project survives a reload and can be deleted', async ({ page }) => {
  await importFixture(page);
  await allowShortClips(page);
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await expect(await advancedSetting(page, 'Min length')).toHaveValue('5');
  await page.getByRole('button', { name: '← Projects' }).click();
  const list = page.getByTestId('project-list');
  await expect(list.locator('li')).toHaveCount(1);
  await page.reload();
  await expect(list.locator('li')).toHaveCount(1);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete rec-20s' }).click();
  await expect(page.getByText('No projects yet')).toBeVisible();
});

test('a malformed log shows what is wrong and leaves the stored project unchanged', async ({ page }) => {
  await importFixture(page);
  await allowShortClips(page);
  await dropFiles(page, '[data-testid=log-drop]', [fixture('clicks-bad.csv')]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('clicks-bad.csv');
  await alert.locator('summary').click();
  await expect(alert.locator('.rejected li').first()).toContainText(/line \d+/);
  await expect(page.getByTestId('log-summary')).toContainText('clicks-20s.csv');
  await expect(rows(page)).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId('log-summary')).toContainText('clicks-20s.csv');
  await expect(rows(page)).toHaveCount(2);
});

test('a bad log dropped with a recording creates no project', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [generated('rec-20s.mp4'), fixture('clicks-bad.csv')]);
  await expect(page.getByRole('alert')).toContainText('clicks-bad.csv');
  await page.reload();
  await expect(page.getByText('No projects yet')).toBeVisible();
});

test('a partly bad log imports the good rows and reports the skipped ones', async ({ page }) => {
  await importFixture(page, generated('rec-20s.mp4'), fixture('clicks-partly-bad.csv'));
  await expect(page.getByTestId('log-summary')).toContainText('3 rows skipped');
  await expect(page.getByText(/skipped 3 rows/i)).toBeVisible();
});

test('cancel stops a cut and the app keeps working', async ({ page }) => {
  await importFixture(page);
  // A full ffmpeg.wasm re-encode takes long enough to cancel (a smart cut is over in a blink).
  await page.evaluate(() => localStorage.setItem('lhs.engine', 'ffmpeg'));
  await allowShortClips(page);
  await page.getByLabel('Exact cut').check();
  let downloads = 0;
  page.on('download', () => downloads++);
  const panel = page.getByRole('complementary', { name: 'Selected clip' });
  await page.getByRole('button', { name: 'Download clip' }).click();
  await expect(panel.getByTestId('job-percent')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('job-percent')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download clip' })).toBeEnabled();
  expect(downloads).toBe(0);

  await page.getByLabel('Exact cut').uncheck();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  const probe = ffprobe(await saveDownload(await downloadPromise, outDir));
  expect(Number(probe.format.duration)).toBeGreaterThan(8);
  expect(downloads).toBe(1);
});

test('a WebM recording and an NDJSON log work too', async ({ page }) => {
  await importFixture(page, generated('rec-20s.webm'), fixture('clicks-20s.ndjson'));
  await expect(page.getByTestId('recording-details')).toContainText(/VP[89] \(vp[89]\)/);
  await allowShortClips(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  const probe = ffprobe(await saveDownload(await downloadPromise, outDir));
  expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  expect(Number(probe.format.duration)).toBeGreaterThan(8);
});

test('export the picks as JSON and CSV', async ({ page }) => {
  await importFixture(page);
  await allowShortClips(page);
  const jsonDl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON' }).click();
  // Named for the project and for what it is: not the "highlights" a ZIP's listing was also called.
  expect((await jsonDl).suggestedFilename()).toMatch(/-highlight-list\.json$/);
  const json = JSON.parse(await (await jsonDl).createReadStream().then(readAll)) as Array<Record<string, unknown>>;
  expect(json).toHaveLength(2);
  expect(Object.keys(json[0]!)).toEqual(['rank', 'product_id', 'product_name', 'pitch', 'pitches', 'peak', 'start', 'end', 'duration', 'score', 'clicks']);
  expect(json[0]).toMatchObject({ rank: 1, product_id: 'P1', product_name: 'Red Mug 🔥', pitch: 1, pitches: 1, peak: 1, start: 1, end: 9.5, duration: 8.5 });
  const csvDl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV' }).click();
  expect((await csvDl).suggestedFilename()).toMatch(/-highlight-list\.csv$/);
  const csv = await (await csvDl).createReadStream().then(readAll);
  expect(csv.split('\n')[0]).toBe('rank,product_id,product_name,pitch,pitches,peak,start,end,duration,score,clicks');
  expect(csv).toContain('"Blue Cap, Large');
});

test('try the sample without any files', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  expect(await rows(page).count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('preview-video')).toBeVisible();
});

test('back from the editor, the project page keeps the clip you worked on selected (issue 20)', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  const second = rows(page).nth(1);
  await second.click();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.getByRole('heading', { name: /^Auto-edit #2 / })).toBeVisible();
  await page.getByRole('button', { name: '← Highlights' }).click();
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(rows(page).first()).toHaveAttribute('aria-selected', 'false');
  // Your shorts is one tap away from the editor and the project page: opened there, in view, focused.
  for (const from of ['editor', 'project']) {
    if (from === 'editor') await page.getByRole('link', { name: /Auto-edit/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: from === 'editor' ? /^Auto-edit #2 / : /^sample/ })).toBeVisible();
    await page.getByTestId('shorts-link').click();
    await expect(page).toHaveURL(/#\/p\/[\w-]+\/shorts$/);
    const heading = page.getByRole('heading', { name: 'Your shorts' });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
    if (from === 'editor') await page.goto(page.url().replace(/\/shorts$/, ''));
  }
});

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

test('a log with clock times asks when the recording started', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [generated('rec-20s.mp4'), fixture('clicks-20s-absolute.csv')]);
  await expect(page.getByLabel(/When did the recording start/)).toBeVisible();
  await expect(page.getByTestId('clip-list')).toHaveCount(0);
  // The first event (the pin) is 1 s into the recording, so taking it as the start shifts everything by -1 s.
  await page.getByRole('button', { name: "Use the first event's time" }).click();
  await allowShortClips(page);
  await expect(rows(page).first()).toContainText('0:00–0:08.5');
  await page.reload();
  await expect(rows(page).first()).toContainText('0:00–0:08.5');
});

test('selecting a clip previews exactly its range', async ({ page }) => {
  await importFixture(page);
  await allowShortClips(page);
  await rows(page).nth(1).click();
  const video = page.getByTestId('preview-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(11, 1);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  // Playback stops by itself at the clip's end.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused && v.currentTime), { timeout: 15_000 }).toBeCloseTo(17.5, 1);
});
