// Issue 10, "Upload to TikTok": the share sheet where the browser can share files; elsewhere the
// MP4 saved, the post text copied and TikTok's web uploader opened, with a guide.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TIKTOK_UPLOAD_URL } from '../../src/domain/shorts/tiktok';
import { CLIP_SEC, openEditor } from './editor';
import { advancedSetting, ffprobe, saveDownload } from './helpers';
import { NO_PICKER, OPFS_PICKER, opfsHas, readOpfs } from './shorts';
import { SHOTS } from './stored';

const dir = mkdtempSync(join(tmpdir(), 'lhs-upload-'));

interface Shared {
  files: Array<{ name: string; type: string; size: number; head: number[] }>;
  text?: string;
  title?: string;
}

/** H.264 + AAC of about `sec` seconds. */
function expectMp4(path: string, sec: number, tolerance = 0.1) {
  const probe = ffprobe(path);
  expect(probe.format.format_name).toContain('mp4');
  expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
  expect(Math.abs(Number(probe.format.duration) - sec)).toBeLessThanOrEqual(tolerance);
}

async function sampleWithShortClips(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  await (await advancedSetting(page, 'Min length')).fill('5');
  await (await advancedSetting(page, 'Max length')).fill(String(CLIP_SEC));
  await expect(page.getByTestId('clip-list').locator('tbody tr').first().locator('td').nth(3)).toHaveText(`${CLIP_SEC} s`);
}

test('where the browser can share files, the share sheet gets one MP4 and the post text', async ({ page }) => {
  // A phone's navigator.share, recording what it was given.
  await page.addInitScript(() => {
    const w = window as Window & { shared?: Shared };
    Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: (data?: ShareData) => (data?.files?.length ?? 0) > 0 });
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        const files = await Promise.all(
          (data.files ?? []).map(async (f) => ({
            name: f.name,
            type: f.type,
            size: f.size,
            head: Array.from(new Uint8Array(await f.slice(0, 12).arrayBuffer())),
          })),
        );
        w.shared = { files, ...(data.text !== undefined && { text: data.text }), ...(data.title !== undefined && { title: data.title }) };
      },
    });
  });
  await sampleWithShortClips(page);
  // The raw clip (a fast copy), from the selected clip's actions.
  await page.getByRole('complementary', { name: 'Selected clip' }).getByRole('button', { name: 'Upload to TikTok' }).click();
  const dialog = page.getByTestId('upload-dialog');
  await expect(dialog).toBeVisible();
  const text = dialog.getByLabel('Post text to upload');
  await expect(text).toHaveValue(/Mini Blender — \$49\.99\n\n#miniblender/);
  // The raw clip says what it is, and where the 9:16 short is made.
  const raw = dialog.getByTestId('upload-raw-note');
  await expect(raw).toContainText('This is the clip as recorded');
  await expect(raw.getByRole('link', { name: 'Make the 9:16 short instead' })).toHaveAttribute('href', /#\/p\/[\w-]+\/edit\//);
  // It opens on its action, not in the text box (a phone's keyboard would cover the dialog).
  await expect(dialog.getByRole('button', { name: 'Share to TikTok…' })).toBeFocused();

  // Counted against TikTok's limit, which the note explains.
  const count = dialog.getByTestId('post-count');
  await expect(count).toHaveText(`${(await text.inputValue()).length} / 2,200 characters`);
  await expect(count).toHaveAttribute('title', /caption limit of TikTok's upload API; the TikTok app allows longer captions for some accounts/);
  await text.fill('x'.repeat(2300));
  await expect(count).toHaveClass(/over/);
  await expect(count).toContainText('2,300 / 2,200 characters: longer than TikTok’s uploader takes');
  await text.fill('Blend it all 🍓 #miniblender');
  await expect(count).not.toHaveClass(/over/);

  // Desktops that share files (Safari, Chrome on Windows) may not offer TikTok: the web uploader stays one click away.
  await expect(dialog.getByRole('button', { name: 'Use TikTok’s web uploader instead' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Share to TikTok…' }).click();
  await expect(dialog.getByTestId('upload-result')).toContainText('Shared.');
  const shared = await page.evaluate(() => (window as Window & { shared?: Shared }).shared);
  expect(shared?.files).toHaveLength(1);
  const file = shared!.files[0]!;
  expect(file).toMatchObject({ type: 'video/mp4', name: expect.stringMatching(/^mini-blender_2m25s-2m31s\.mp4$/) });
  expect(file.size).toBeGreaterThan(10_000);
  expect(Buffer.from(file.head.slice(4, 8)).toString('latin1')).toBe('ftyp');
  expect(shared!.text).toBe('Blend it all 🍓 #miniblender');
  expect(shared!.title).toBe('Mini Blender');
});

test('elsewhere: the MP4 is saved, the text copied and TikTok Studio opened with a guide; the edited text stays with the short', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  // Nothing goes to the network: the uploader is a local stand-in.
  await context.route('https://www.tiktok.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>TikTok Studio stand-in</title><h1>Upload</h1>' }),
  );
  await page.addInitScript(NO_PICKER);

  // A saved short (the editor's render).
  await openEditor(page);
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByRole('button', { name: 'Render video' }).click();
  await expect(page.getByTestId('render-kept')).toBeVisible({ timeout: 150_000 });
  await page.getByRole('button', { name: '← Highlights' }).click();
  const card = page.getByTestId('your-shorts').getByTestId('short');
  await card.getByRole('button', { name: 'Upload to TikTok' }).click();

  const dialog = page.getByTestId('upload-dialog');
  await dialog.getByLabel('Post text to upload').fill('Edited for TikTok #tiktokshop');
  const popup = context.waitForEvent('page');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save video, copy text, open TikTok' }).click();

  const uploader = await popup;
  await uploader.waitForLoadState();
  expect(uploader.url()).toBe(TIKTOK_UPLOAD_URL);
  await expect(uploader).toHaveTitle('TikTok Studio stand-in');
  const saved = await saveDownload(await download, dir);
  expectMp4(saved, CLIP_SEC);
  await page.bringToFront();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Edited for TikTok #tiktokshop');

  const guide = dialog.getByTestId('upload-guide');
  await expect(guide).toContainText(/Drop mini-blender-short_2m25s-2m31s\.mp4 into the uploader \(it is in your downloads\)\./);
  await expect(guide).toContainText('Paste the post text into the description — it is copied.');
  await expect(guide).toContainText('Add the product link: Add link → Products, then search for P-1005 or “Mini Blender”.');
  await dialog.screenshot({ path: join(SHOTS, 'upload-guide.png') });
  await uploader.close();

  // With a save picker (Chromium), the file goes where the user picks (here: the origin's private file system).
  await page.evaluate(OPFS_PICKER);
  const again = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Save video, copy text, open TikTok' }).click();
  expect((await again).url()).toBe(TIKTOK_UPLOAD_URL);
  await expect(guide).toContainText('(saved where you chose)');
  const picked = join(dir, 'picked.mp4');
  await expect.poll(() => opfsHas(page, 'mini-blender-short_2m25s-2m31s.mp4')).toBe(true);
  writeFileSync(picked, await readOpfs(page, 'mini-blender-short_2m25s-2m31s.mp4'));
  expectMp4(picked, CLIP_SEC);

  // The edited text is the short's own now, after a reload too.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await card.getByRole('button', { name: 'Upload to TikTok' }).click();
  await expect(dialog.getByLabel('Post text to upload')).toHaveValue('Edited for TikTok #tiktokshop');
});

test.describe('a phone with no share sheet for files', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('says plainly what to do in the TikTok app', async ({ page, context }) => {
    await context.route('https://www.tiktok.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>TikTok stand-in</title>' }),
    );
    await page.addInitScript(NO_PICKER);
    await sampleWithShortClips(page);
    await page.getByRole('button', { name: 'Upload to TikTok' }).first().tap();
    const dialog = page.getByTestId('upload-dialog');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save video, copy text, open TikTok' }).tap();
    // The clip as recorded: a fast cut starts at the keyframe before it, so it can run a little longer.
    expectMp4(await saveDownload(await download, dir), CLIP_SEC, 2.5);
    const guide = dialog.getByTestId('upload-guide');
    await expect(guide).toContainText(/Open the TikTok app, tap \+, then Upload, and choose .+\.mp4 from your downloads\./);
    await expect(dialog).toContainText('This browser cannot hand a video to the TikTok app directly');
    if (SHOTS) await dialog.screenshot({ path: join(SHOTS, 'upload-phone.png') });
  });
});
