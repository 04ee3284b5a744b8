/**
 * Recordings as sellers have them (issue 9): each opens with its true, readable length, display
 * size, streams and warnings, then cuts and renders to files native ffmpeg decodes clean; or it is
 * refused with a named reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseEngine, renderAndDownload } from './editor';
import { advancedSetting, decodeErrors, dropFiles, ffprobe, frameRgb, generated, rgbDiff, rowRange, saveDownload, SHORT_COLOR_TAGS } from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-recordings-'));

/** A click log with one product clicked at `times` (seconds). */
function clickLog(name: string, times: number[]): string {
  const path = join(outDir, `${name}-clicks.csv`);
  writeFileSync(path, ['time,event,product_id,product_name,price', ...times.map((t) => `${t},click,P1,Red Mug,12.00`)].join('\n'));
  return path;
}

/** Seconds from the header's "m:ss.t" duration. */
async function shownDuration(page: Page): Promise<number> {
  const text = await page.getByTestId('recording-meta').innerText();
  const m = /^(\d+):(\d{2}(?:\.\d)?)/.exec(text);
  if (!m) throw new Error(`no duration in "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Drops the recording with a click log, sets the clip lengths (the UI's minimum is 1 s; a shorter
 * recording makes shorter clips) and returns the first clip's range once it is `clipSec` long.
 */
async function importRecording(page: Page, recording: string, times: number[], lengthSec: number, clipSec = lengthSec): Promise<[number, number]> {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [recording, clickLog(recording.split('/').pop()!, times)]);
  await expect(page.getByTestId('recording-meta')).toBeVisible();
  await expect(page.locator('.timeline svg')).toBeVisible();
  // No lead-in: a clip starts the viewers' click lag (4 s) before its first clicks.
  await (await advancedSetting(page, 'Lead-in')).fill('0');
  await (await advancedSetting(page, 'Min length')).fill(String(lengthSec));
  await (await advancedSetting(page, 'Max length')).fill(String(lengthSec));
  const first = page.getByTestId('clip-list').locator('tbody tr').first();
  await expect(first.locator('td').nth(3)).toHaveText(`${clipSec} s`);
  return rowRange(first);
}

/** A fast copy starts at the keyframe at or before the clip's start and ends at its end. */
function expectCopyOf(path: string, start: number, end: number) {
  expect(duration(path)).toBeGreaterThanOrEqual(end - start - 0.1);
  expect(duration(path)).toBeLessThanOrEqual(end + 0.3);
}

/** The selected clip, downloaded (fast copy, or exact). */
async function downloadClip(page: Page, name: string, exact = false): Promise<string> {
  const box = page.getByLabel('Exact cut');
  if ((await box.isChecked()) !== exact) await box.setChecked(exact);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  const path = await saveDownload(await download, outDir);
  const renamed = join(outDir, `${name}${path.slice(path.lastIndexOf('.'))}`);
  writeFileSync(renamed, readFileSync(path));
  return renamed;
}

/** The first clip auto-edited at 720×1280 (centre crop) and downloaded. */
async function renderClip(page: Page, name: string): Promise<string> {
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByLabel('Centre crop').check();
  return renderAndDownload(page, outDir, name);
}

const streams = (path: string) => ffprobe(path).streams.map((s) => s.codec_name);
const duration = (path: string) => Number(ffprobe(path).format.duration);

/** A short as both engines promise it: 9:16, H.264 + AAC, SDR BT.709 limited range, the clip's length, clean. */
function expectShort(path: string, clipSec: number) {
  const probe = ffprobe(path);
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({
    codec_name: 'h264',
    width: 720,
    height: 1280,
    ...SHORT_COLOR_TAGS,
  });
  expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
  expect(Math.abs(duration(path) - clipSec)).toBeLessThanOrEqual(0.1);
  expect(decodeErrors(path)).toBe('');
}

/** One value of every video packet or frame (native ffprobe, JSON). */
function videoEntries(path: string, section: 'packet' | 'frame', key: string): string[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', `${section}=${key}`, '-of', 'json', path], {
    maxBuffer: 64 << 20,
  });
  const list = (JSON.parse(out.toString()) as Record<string, Array<Record<string, string>>>)[`${section}s`] ?? [];
  return list.map((e) => e[key] ?? '');
}

/** Native ffprobe's end of the last video packet: the true length of a file with no duration. */
function lastVideoEnd(path: string): number {
  const pts = videoEntries(path, 'packet', 'pts_time')
    .map(Number)
    .sort((a, b) => a - b);
  return pts.at(-1)! + (pts.at(-1)! - pts.at(-2)!);
}

/** The colour transfer every decoded frame says it has. */
const frameTransfers = (path: string) => [...new Set(videoEntries(path, 'frame', 'color_transfer'))];

/** The display-matrix rotation ffprobe reads from the video stream. */
function rotationOf(path: string): number | undefined {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream_side_data=rotation', '-of', 'json', path]);
  const streams = (JSON.parse(out.toString()) as { streams?: Array<{ side_data_list?: Array<{ rotation?: number }> }> }).streams;
  return streams?.[0]?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
}

const headerDuration = (path: string) => execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path]).toString().trim();

test('a WebM this browser recorded (MediaRecorder: no duration in its header) opens with its true length, cuts and renders', async ({ page }) => {
  await page.goto('./');
  // A click first: the audio context may only start after a user gesture.
  await page.mouse.click(5, 5);
  const download = page.waitForEvent('download');
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const ctx = canvas.getContext('2d')!;
    const audio = new AudioContext();
    await audio.resume();
    const tone = audio.createOscillator();
    const out = audio.createMediaStreamDestination();
    tone.connect(out);
    tone.start();
    const stream = new MediaStream([...canvas.captureStream(30).getVideoTracks(), ...out.stream.getAudioTracks()]);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8,opus' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    let n = 0;
    const draw = setInterval(() => {
      ctx.fillStyle = `hsl(${(n * 9) % 360} 70% 45%)`;
      ctx.fillRect(0, 0, 640, 360);
      ctx.fillStyle = '#fff';
      ctx.font = '64px sans-serif';
      ctx.fillText(`frame ${n++}`, 40, 200);
    }, 33);
    recorder.start(1000);
    await new Promise((r) => setTimeout(r, 4500));
    await new Promise((r) => {
      recorder.onstop = r;
      recorder.stop();
    });
    clearInterval(draw);
    await audio.close();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob(chunks, { type: 'video/webm' }));
    a.download = 'browser-recording.webm';
    a.click();
  });
  const webm = await saveDownload(await download, outDir);
  expect(headerDuration(webm)).toBe('N/A');
  const trueEnd = lastVideoEnd(webm);
  expect(trueEnd).toBeGreaterThan(3.5);

  const [start, end] = await importRecording(page, webm, [0.6, 1, 1.3, 1.6, 2, 2.3, 2.6, 3], 3);
  await expect(page.getByTestId('recording-details')).toContainText(/VP8 \(vp8\).* · Sound: Opus \(opus\)/);
  expect(Math.abs((await shownDuration(page)) - trueEnd)).toBeLessThanOrEqual(0.1);
  await expect(page.getByTestId('recording-warning')).toHaveCount(0);
  expect(end - start).toBeCloseTo(3, 1);

  const clip = await downloadClip(page, 'webm-cut');
  expect(streams(clip)).toEqual(['vp8', 'opus']);
  expectCopyOf(clip, start, end);
  expect(decodeErrors(clip)).toBe('');
  // The exact cut keeps the recording's frames: its 1 ms time base is not a 1000 fps frame rate.
  const sourceFrames = videoEntries(webm, 'packet', 'pts_time').filter((t) => Number(t) >= start - 0.001 && Number(t) < end - 0.001).length;
  const exact = await downloadClip(page, 'webm-exact', true);
  expect(Math.abs(videoEntries(exact, 'packet', 'pts_time').length - sourceFrames)).toBeLessThanOrEqual(2);
  expect(Math.abs(duration(exact) - (end - start))).toBeLessThanOrEqual(0.1);
  expect(decodeErrors(exact, { variableRate: true })).toBe('');
  // Its timestamps only ever go up.
  const dts = videoEntries(exact, 'packet', 'dts').map(Number);
  expect(dts.every((t, i) => i === 0 || t > dts[i - 1]!)).toBe(true);
  expectShort(await renderClip(page, 'webm-short'), end - start);
});

test('an MKV written live (no duration, no cues, clusters of unknown size) opens with its true length, cuts and renders', async ({ page }) => {
  const mkv = generated('rec-live.mkv');
  expect(headerDuration(mkv)).toBe('N/A');
  const [start, end] = await importRecording(page, mkv, [6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5], 4);
  expect(Math.abs((await shownDuration(page)) - lastVideoEnd(mkv))).toBeLessThanOrEqual(0.1);
  const clip = await downloadClip(page, 'live-cut');
  expect(streams(clip)).toEqual(['h264', 'aac']);
  // Without cues a seek still lands near the clip: at most one 1 s keyframe interval (+ B-frame lead) before it.
  expect(duration(clip)).toBeGreaterThanOrEqual(end - start - 0.1);
  expect(duration(clip)).toBeLessThanOrEqual(end - start + 1.3);
  expect(decodeErrors(clip)).toBe('');
  expectShort(await renderClip(page, 'live-short'), end - start);
});

// rec-cut-open.mp4's media box says it runs to the end of the file, so no box runs past it.
for (const [name, how] of [
  ['rec-cut.mp4', ''],
  ['rec-cut-open.mp4', ', also when its media box runs "to the end of the file"'],
] as const)
  test(`an MP4 cut short shows its readable length and says so; cuts and renders stay inside it${how}`, async ({ page }) => {
    const mp4 = generated(name);
    expect(headerDuration(mp4)).toMatch(/^35\./);
    const [start, end] = await importRecording(page, mp4, [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 20, 21, 22, 23, 24, 25], 4);
    const readable = await shownDuration(page);
    expect(readable).toBeGreaterThanOrEqual(5.8);
    expect(readable).toBeLessThanOrEqual(6.05);
    await expect(page.getByTestId('recording-warning')).toHaveText(/^Only 0:0[56](\.\d)? of 0:35 could be read: the file looks cut short\./);
    await page.screenshot({ path: join(outDir, `cut-short-warning-${name}.png`), fullPage: true });
    // The clicks at 20–25 s are past the readable part: no clip is made from them.
    await expect(page.getByTestId('clip-list').locator('tbody tr')).toHaveCount(1);
    expect(end).toBeLessThanOrEqual(readable);

    const clip = await downloadClip(page, `cut-short-cut-${name}`);
    expect(streams(clip)).toEqual(['h264', 'aac']);
    expectCopyOf(clip, start, end);
    expect(decodeErrors(clip)).toBe('');
    expectShort(await renderClip(page, `cut-short-short-${name}`), end - start);
  });

test('an MP4 whose audio track has no codec uses the video alone and says the audio is unreadable', async ({ page }) => {
  const mp4 = generated('rec-audio-nostsd.mp4');
  const [start, end] = await importRecording(page, mp4, [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5], 4);
  await expect(page.getByTestId('recording-details')).toContainText(/H\.264 \(h264\).* · Sound: unreadable/);
  await expect(page.getByTestId('recording-warning')).toHaveText(/audio track can't be read/);
  for (const exact of [false, true]) {
    const clip = await downloadClip(page, `nostsd-cut-${exact ? 'exact' : 'copy'}`, exact);
    expect(streams(clip)).toEqual(['h264']);
    expect(decodeErrors(clip)).toBe('');
  }
  // The short still has an audio track (silence and music): what every short has.
  expectShort(await renderClip(page, 'nostsd-short'), end - start);
});

test('a phone video with a 90° display matrix shows its upright size, cuts and renders', async ({ page }) => {
  const rot90 = generated('rec-rot90.mp4');
  const [start, end] = await importRecording(page, rot90, [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5], 4);
  await expect(page.getByTestId('recording-meta')).toContainText('360×640');
  const clip = await downloadClip(page, 'rot90-cut');
  // A copy keeps the stored picture and its display matrix: players show it upright.
  expect(ffprobe(clip).streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 640, height: 360 });
  expect(rotationOf(rot90)).toBeDefined();
  expect(rotationOf(clip)).toBe(rotationOf(rot90));
  expectCopyOf(clip, start, end);
  expect(decodeErrors(clip)).toBe('');
  expectShort(await renderClip(page, 'rot90-short'), end - start);
});

test('an HLG-tagged H.264 video: cuts keep HLG pixels with HLG tags throughout, shorts are SDR tagged SDR (both engines)', async ({ page }) => {
  const hlg = generated('rec-hlg-h264.mp4');
  expect(ffprobe(hlg).streams[0]).toMatchObject({ color_transfer: 'arib-std-b67', color_space: 'bt2020nc' });
  const [start, end] = await importRecording(page, hlg, [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6, 5.8], 3);
  // Between keyframes (one every 2 s): the exact cut re-encodes its head and copies the rest.
  expect(start % 2).toBeCloseTo(1, 3);
  for (const exact of [false, true]) {
    const clip = await downloadClip(page, `hlg-cut-${exact ? 'exact' : 'copy'}`, exact);
    await expect(page.getByTestId('cut-method')).toHaveAttribute('data-method', exact ? 'smart' : 'copy');
    expect(ffprobe(clip).streams.find((s) => s.codec_type === 'video')).toMatchObject({ color_transfer: 'arib-std-b67', color_space: 'bt2020nc' });
    expect(frameTransfers(clip)).toEqual(['arib-std-b67']);
    expect(decodeErrors(clip)).toBe('');
    // The exact cut shows the source's HLG pixel values, in its re-encoded head (before 1 s) too: not tone-mapped under HLG tags.
    if (exact) for (const t of [0.2, 1.5]) expect(rgbDiff(frameRgb(clip, t), frameRgb(hlg, start + t)).mean, `frame at ${t} s`).toBeLessThan(6);
  }
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await page.getByLabel('720×1280 (faster)').check();
  for (const [engine, label] of [
    ['webcodecs', /Fast only/],
    ['ffmpeg', /Compatible only/],
  ] as const) {
    await chooseEngine(page, label);
    const short = await renderAndDownload(page, outDir, `hlg-short-${engine}`);
    await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', engine);
    expectShort(short, end - start);
    expect(frameTransfers(short)).toEqual([SHORT_COLOR_TAGS.color_transfer]);
  }
});

test('a sub-second file shows tenths, scrubs from 0 inside the clip, cuts and renders', async ({ page }) => {
  const short = generated('rec-short.mp4');
  const [start, end] = await importRecording(page, short, [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35], 1, 0.4);
  await expect(page.getByTestId('recording-meta')).toContainText(/^0:00\.4 · 640×360/);
  expect(end - start).toBeCloseTo(0.4, 1);
  const clip = await downloadClip(page, 'short-cut');
  expect(streams(clip)).toEqual(['h264', 'aac']);
  expect(Math.abs(duration(clip) - 0.4)).toBeLessThanOrEqual(0.1);
  expect(decodeErrors(clip)).toBe('');

  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  const scrub = page.getByLabel('Scrub the clip');
  expect(Number(await scrub.getAttribute('min'))).toBe(0);
  expect(Number(await scrub.inputValue())).toBeLessThan(end - start);
  expect(Number(await scrub.getAttribute('max'))).toBeLessThan(end - start);
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByLabel('Centre crop').check();
  expectShort(await renderAndDownload(page, outDir, 'short-short'), end - start);
});

test('HEVC this browser cannot show: the preview and the canvas say so, and ffmpeg.wasm makes a preview on demand', async ({ page }) => {
  const [start, end] = await importRecording(page, generated('rec-hevc.mp4'), [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5], 4);
  await expect(page.getByTestId('recording-warning')).toHaveText(
    "This browser can't show HEVC (H.265) video, so previews have no picture. Cuts and renders still work.",
  );
  const notice = page.getByTestId('preview-no-picture');
  await expect(notice).toBeVisible();
  await page.screenshot({ path: join(outDir, 'hevc-notice.png'), fullPage: true });

  // Cancelled, nothing changes; made, the preview shows a picture of exactly this clip.
  const make = notice.getByRole('button', { name: 'Make a preview of this clip' });
  await make.click();
  await page.locator('.preview').getByRole('button', { name: 'Cancel' }).click();
  await expect(make).toBeVisible();
  await expect(page.getByTestId('preview-video')).toHaveAttribute('data-proxy', 'false');
  await make.click();
  const preview = page.getByTestId('preview-video');
  await expect(preview).toHaveAttribute('data-proxy', 'true');
  await expect(notice).toBeHidden();
  const shown = await preview.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<{ width: number; duration: number }>((resolve) => {
        const done = () => resolve({ width: v.videoWidth, duration: v.duration });
        if (v.readyState >= 1) done();
        else v.addEventListener('loadedmetadata', done, { once: true });
      }),
  );
  expect(shown.width).toBe(640);
  expect(Math.abs(shown.duration - (end - start))).toBeLessThanOrEqual(0.1);
  await page.screenshot({ path: join(outDir, 'hevc-proxy.png'), fullPage: true });

  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.getByTestId('canvas-no-picture')).toHaveText(/can't show HEVC \(H\.265\) video/);
});

test('a file that is not a video, and an MP4 stopped before its index was written, are refused with named reasons', async ({ page }) => {
  const notVideo = join(outDir, 'notes.mp4');
  writeFileSync(notVideo, 'Shopping list: mugs, lamps, socks.\n'.repeat(200));
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [notVideo]);
  await expect(page.getByRole('alert')).toContainText('“notes.mp4” could not be read as a video');

  // A photo saved as .mp4: ffmpeg reads it as a one-frame video; it is still no recording.
  const photo = join(outDir, 'photo.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=320x240:d=0.04', '-frames:v', '1', '-f', 'image2', '-c:v', 'png', photo]);
  await dropFiles(page, '[data-testid=home-drop]', [photo]);
  await expect(page.getByRole('alert')).toContainText('“photo.mp4” has no video this app can use');

  // A recorder writes the index (moov) last: a file cut before it has none.
  const moovLast = join(outDir, 'moov-last.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', generated('rec-20s.mp4'), '-c', 'copy', moovLast]);
  const stopped = join(outDir, 'stopped.mp4');
  writeFileSync(stopped, readFileSync(moovLast).subarray(0, 600_000));
  await dropFiles(page, '[data-testid=home-drop]', [stopped]);
  await expect(page.getByRole('alert')).toContainText('“stopped.mp4” is cut short or damaged');
  // The sentence is the seller's; ffmpeg's own words wait behind Details.
  await expect(page.getByRole('alert').locator('p').first()).not.toContainText(/moov|ffprobe|Invalid data/);
  await expect(page.getByRole('alert').getByTestId('error-details')).not.toHaveAttribute('open');
  await expect(page.getByRole('alert').getByTestId('error-details')).toContainText('moov atom not found');
});

test('a failure in a batch is named, with the engine’s own words behind Details', async ({ page }) => {
  await importRecording(page, generated('rec-hevc.mp4'), [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5], 4);
  // Only the fast engine, which cannot decode HEVC here: the batch stops with a named reason.
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await chooseEngine(page, /Fast only/);
  await page.getByRole('button', { name: '← Highlights' }).click();
  await page.getByRole('button', { name: 'Auto-edit the clip' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Auto-edit stopped' });
  await expect(alert).toContainText('“rec-hevc.mp4” uses a codec that cannot be decoded here');
  await expect(alert.getByTestId('error-details')).not.toHaveAttribute('open');
  await alert.getByText('Details', { exact: true }).click();
  await expect(alert.getByTestId('error-details')).toContainText(/cannot decode hevc/i);
  await page.screenshot({ path: join(outDir, 'batch-error.png'), fullPage: true });
});

test.afterAll(() => console.log(`recordings e2e outputs in ${outDir}`));
