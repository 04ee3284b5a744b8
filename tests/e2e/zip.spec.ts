// Issue 10, "Download all as ZIP": streamed (client-zip), the chosen shorts or the raw clips with
// zip-contents.csv/.json; progress and cancel; the renderer never holds the files at once.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { advancedSetting, ffprobe, rowRange } from './helpers';
import { MB, measureMemory, NO_PICKER, OPFS_PICKER, opfsHas, readOpfs } from './shorts';
import { SHOTS } from './stored';
import { readZip, type ZipEntry } from './unzip';

const dir = mkdtempSync(join(tmpdir(), 'lhs-zip-'));
const CLIPS = 5;
const CLIP_SEC = 6;
/**
 * The shorts are longer: what the ZIP holds in flight is about constant (a few 512 kB slices,
 * the progress on screen), so only shorts of a few MB tell streaming from holding them all.
 */
const SHORT_SEC = 12;

interface ListingRow {
  file: string;
  rank: number;
  product_id: string;
  start: number;
  end: number;
  score: number;
  engine: string;
  post_text: string;
}

/** The clip table once settled (pauses measured, selection done): rank, product id, range (to the tenth). */
async function clipTable(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Finding pauses' })).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByText('updating…')).toHaveCount(0);
  const rows = page.getByTestId('clip-list').locator('tbody tr');
  const out: Array<{ rank: number; productId: string; start: number; end: number }> = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const [start, end] = await rowRange(row);
    out.push({
      rank: Number(await row.locator('td').first().innerText()),
      productId: (await row.locator('td').nth(1).locator('.muted').innerText()).trim(),
      start,
      end,
    });
  }
  return out;
}

/** Every MP4 entry is H.264 + AAC of the clip's length (ffprobe on each, written out). */
function expectVideos(entries: ZipEntry[], sec: number, tolerance: number) {
  for (const e of entries.filter((e) => e.name.endsWith('.mp4'))) {
    const path = join(dir, `${Date.now()}-${e.name}`);
    writeFileSync(path, e.data);
    const probe = ffprobe(path);
    expect(probe.streams.map((s) => s.codec_name).sort(), e.name).toEqual(['aac', 'h264']);
    expect(Math.abs(Number(probe.format.duration) - sec), e.name).toBeLessThanOrEqual(tolerance);
  }
}

/** The listing in both forms names each video of the ZIP, in order, with the clip table's product and times. */
function expectListing(entries: ZipEntry[], table: Awaited<ReturnType<typeof clipTable>>) {
  const videos = entries.filter((e) => e.name.endsWith('.mp4')).map((e) => e.name);
  expect(entries.slice(-2).map((e) => e.name)).toEqual(['zip-contents.csv', 'zip-contents.json']);
  const json = JSON.parse(entries.at(-1)!.data.toString()) as ListingRow[];
  expect(json.map((r) => r.file)).toEqual(videos);
  expect(json.map((r) => [r.rank, r.product_id])).toEqual(table.map((c) => [c.rank, c.productId]));
  for (const r of json) {
    const clip = table.find((c) => c.rank === r.rank)!;
    expect(Math.abs(r.start - clip.start)).toBeLessThan(0.06);
    expect(Math.abs(r.end - clip.end)).toBeLessThan(0.06);
    expect(r.engine).toMatch(/^(webcodecs|ffmpeg)$/);
    expect(r.post_text).toContain('#');
  }
  const csv = entries.at(-2)!.data.toString().trim().split('\n');
  expect(csv[0]).toBe('file,rank,product_id,product_name,price,start,end,duration,score,engine,post_text');
  for (const r of json) expect(entries.at(-2)!.data.toString()).toContain(`${r.file},${r.rank},${r.product_id},`);
}

test('five shorts in one ZIP, streamed to the picked file or downloaded, the renderer holding about one file at a time', async ({ page, browser }, info) => {
  test.setTimeout(300_000);
  await page.addInitScript(OPFS_PICKER);
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  await (await advancedSetting(page, 'Min length')).fill('5');
  await (await advancedSetting(page, 'Max length')).fill(String(SHORT_SEC));
  await page.getByLabel('Clips', { exact: true }).fill(String(CLIPS));
  await expect(page.getByTestId('clip-list').locator('tbody tr')).toHaveCount(CLIPS);
  const table = await clipTable(page);
  // Full size and the best quality, so each short is big enough that holding two would show.
  await page.getByLabel('Quality').selectOption('best');
  await page.getByRole('button', { name: `Auto-edit all ${CLIPS} clips` }).click();
  await expect(page.getByTestId('batch-results').locator('li')).toHaveCount(CLIPS, { timeout: 240_000 });

  const shorts = page.getByTestId('your-shorts');
  await expect(shorts.getByTestId('short')).toHaveCount(CLIPS);
  await expect(shorts.getByTestId('shorts-usage')).toContainText(`${CLIPS} saved shorts`);
  const sizes = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>(
      (resolve) => (indexedDB.open('live-highlights-studio').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)),
    );
    const req = db.transaction('shorts').objectStore('shorts').getAll();
    const all = await new Promise<Array<{ size: number }>>((resolve) => (req.onsuccess = () => resolve(req.result as Array<{ size: number }>)));
    db.close();
    return all.map((s) => s.size);
  });
  const oneShort = Math.max(...sizes);

  // Picked file (File System Access: here the origin's private file system, a real writable stream).
  const zip = shorts.getByTestId('zip-export');
  const name = 'sample-shorts.zip';
  const picked = await measureMemory(page, browser, async () => {
    await zip.getByRole('button', { name: 'Download all as ZIP' }).click();
    await expect(zip.getByTestId('zip-done')).toContainText(`${name}: ${CLIPS} shorts and a list of what is in it (zip-contents.csv)`, { timeout: 60_000 });
  });
  await expect(zip.getByTestId('zip-done')).toContainText('saved where you chose');
  const entries = readZip(await readOpfs(page, name));
  expect(entries.map((e) => e.name)).toHaveLength(CLIPS + 2);
  expectVideos(entries, SHORT_SEC, 0.1);
  expectListing(entries, table);

  // Download (no save picker): the ZIP is gathered as Blob parts in the browser's blob store, then downloaded.
  await page.evaluate(NO_PICKER);
  let download: Promise<Download> | undefined;
  const downloaded = await measureMemory(page, browser, async () => {
    download = page.waitForEvent('download');
    await zip.getByRole('button', { name: 'Download all as ZIP' }).click();
    await expect(zip.getByTestId('zip-done')).toContainText('downloaded', { timeout: 60_000 });
  });
  const path = join(dir, 'download.zip');
  await (await download!).saveAs(path);
  const fromDownload = readZip(readFileSync(path));
  expect(fromDownload.map((e) => [e.name, e.crc])).toEqual(entries.map((e) => [e.name, e.crc]));

  const figures = {
    shortMb: sizes.map(MB),
    zipMb: MB(entries.reduce((n, e) => n + e.data.length, 0)),
    picked: { liveGrowthMb: MB(picked.livePeak - picked.liveBefore), rssGrowthMb: MB(picked.rssPeak - picked.rssBefore), samples: picked.samples },
    downloaded: {
      liveGrowthMb: MB(downloaded.livePeak - downloaded.liveBefore),
      rssGrowthMb: MB(downloaded.rssPeak - downloaded.rssBefore),
      samples: downloaded.samples,
    },
  };
  info.annotations.push({ type: 'renderer memory while zipping', description: JSON.stringify(figures) });
  for (const m of [picked, downloaded]) {
    expect(m.samples).toBeGreaterThan(5);
    expect(m.livePeak - m.liveBefore).toBeLessThan(1.5 * oneShort);
  }
});

test('raw clips, cut one after another: progress per file and overall, cancel removes the unfinished file, and a full ZIP matches the clip list', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.addInitScript(OPFS_PICKER);
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  await (await advancedSetting(page, 'Min length')).fill('5');
  await (await advancedSetting(page, 'Max length')).fill(String(CLIP_SEC));
  await page.getByLabel('Clips', { exact: true }).fill(String(CLIPS));
  await expect(page.getByTestId('clip-list').locator('tbody tr')).toHaveCount(CLIPS);
  const table = await clipTable(page);
  const zip = page.getByTestId('zip-export');
  await expect(zip.getByRole('radio', { name: /Chosen shorts \(0\)/ })).toBeDisabled();
  await expect(zip.getByRole('radio', { name: /Raw clips \(5, cut one by one\)/ })).toBeChecked();

  await zip.getByRole('button', { name: 'Download all as ZIP' }).click();
  await expect(zip.getByRole('status').filter({ hasText: 'Zipping 5 clips' })).toContainText(/\d+%/);
  await zip.screenshot({ path: join(SHOTS, 'zip-progress.png') });
  // Past the first file (a fast machine may be on any later one by the time this looks), then cancel at once.
  await expect(zip.getByTestId('zip-file')).toContainText(/File ([2-5]) of 5: \1-/);
  await zip.getByRole('button', { name: 'Cancel' }).click();
  await expect(zip.getByTestId('zip-done')).toHaveText('Cancelled: the unfinished ZIP was removed.');
  expect(await opfsHas(page, 'sample-clips.zip')).toBe(false);

  await page.evaluate(NO_PICKER);
  const download = page.waitForEvent('download');
  await zip.getByRole('button', { name: 'Download all as ZIP' }).click();
  const path = join(dir, 'clips.zip');
  await (await download).saveAs(path);
  const entries = readZip(readFileSync(path));
  expect(entries.map((e) => e.name)).toHaveLength(CLIPS + 2);
  // Exact cuts (smart cut): the clip's length, to a frame or two.
  expectVideos(entries, CLIP_SEC, 0.1);
  expectListing(entries, table);
});
