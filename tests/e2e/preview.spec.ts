import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CLIP_SEC, openEditor, renderAndDownload } from './editor';
import { frameRgb, rgbDiff } from './helpers';
import { SHOTS } from './stored';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-preview-'));
const W = 54;
const H = 96;

const preview = (page: Page) => page.getByTestId('live-preview');
const attr = async (page: Page, name: string) => Number(await preview(page).getAttribute(`data-${name}`));

type Level = { t: number; voice: number; duck: number; music: number };

/**
 * What the preview draws while it plays for `sec` seconds: the mix's levels at each drawn frame,
 * and, for the first `pictureSec`, each frame's clip time and picture scaled to W×H (rgb24), read
 * right after it is drawn (pictures are big to hand back, so not for the whole time).
 */
function grabFrames(page: Page, sec: number, pictureSec: number): Promise<{ frames: Array<{ t: number; rgb: number[] }>; levels: Level[] }> {
  return page.evaluate(
    ({ sec, pictureSec, W, H }) =>
      new Promise((resolve) => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=live-preview]')!;
        const small = document.createElement('canvas');
        small.width = W;
        small.height = H;
        const ctx = small.getContext('2d', { willReadFrequently: true })!;
        const frames: Array<{ t: number; rgb: number[] }> = [];
        const levels: Level[] = [];
        const seen = new Set<string>();
        const start = performance.now();
        const look = () => {
          const t = canvas.dataset.time ?? '';
          if (!seen.has(t) && canvas.dataset.playing === 'true' && Number(canvas.dataset.drawn) > 0) {
            seen.add(t);
            const { voice, duck, music } = canvas.dataset;
            levels.push({ t: Number(t), voice: Number(voice), duck: Number(duck), music: Number(music) });
            if (performance.now() - start < pictureSec * 1000) {
              ctx.imageSmoothingQuality = 'high';
              ctx.drawImage(canvas, 0, 0, W, H);
              const rgba = ctx.getImageData(0, 0, W, H).data;
              const rgb: number[] = [];
              for (let i = 0; i < rgba.length; i += 4) rgb.push(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
              frames.push({ t: Number(t), rgb });
            }
          }
          if (performance.now() - start < sec * 1000) requestAnimationFrame(look);
          else resolve({ frames, levels });
        };
        requestAnimationFrame(look);
      }),
    { sec, pictureSec, W, H },
  );
}

test('the editor plays the edit: the frames the render makes, in time, with the music ducked under the voice', async ({ page }) => {
  await openEditor(page);
  // Word highlight: the lit word moves through each line as it is said, in the preview as in the short.
  await page.getByRole('radio', { name: 'Word highlight' }).check();
  const play = page.getByRole('button', { name: 'Play' });
  await play.click();
  await expect(preview(page)).toHaveAttribute('data-playing', 'true');
  await expect(preview(page)).toBeVisible();
  // Levels over a whole pass of the clip, so they see the host talk wherever the loop started.
  const { frames, levels } = await grabFrames(page, CLIP_SEC + 1, 3);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'editor-playing.png') });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(preview(page)).toBeHidden();
  const pausedAt = await attr(page, 'time');
  // Paused: the editable canvas holds the frame the preview stopped on.
  expect(Number(await page.getByLabel('Scrub the clip').inputValue())).toBeCloseTo(pausedAt, 0);
  expect(frames.length).toBeGreaterThan(30);
  expect(frames.some((f) => f.t < 2.5)).toBe(true); // the intro card's time
  // The music under the voice: its fade-in gain rises, the duck pulls it down while the host talks.
  expect(
    levels.some((l) => l.voice > 0.02 && l.duck < 0.6),
    JSON.stringify(levels.filter((_, i) => i % 10 === 0)),
  ).toBe(true);
  expect(levels.some((l) => l.music > 0.2)).toBe(true);

  // The same moments in the rendered short: every grabbed frame matches the short's frame at its time.
  const short = await renderAndDownload(page, outDir, 'preview');
  const worst = frames
    .filter((f) => f.t < CLIP_SEC - 0.1)
    .map((f) => ({ t: f.t, ...rgbDiff(Buffer.from(f.rgb), frameRgb(short, f.t + 0.001, W, H)) }))
    .sort((a, b) => b.mean - a.mean);
  expect(worst[0]!.mean, JSON.stringify(worst.slice(0, 3))).toBeLessThan(12);
});

test('pause, seek, loop and the player keys', async ({ page }) => {
  await openEditor(page);
  const scrub = page.getByLabel('Scrub the clip');
  // Seek while playing: the preview goes on from the new time.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(preview(page)).toHaveAttribute('data-playing', 'true');
  await scrub.fill('4');
  await expect.poll(() => attr(page, 'time')).toBeGreaterThanOrEqual(4);
  // Looping: past the clip's end it starts again and keeps playing.
  await expect.poll(() => attr(page, 'time'), { timeout: 20_000 }).toBeLessThan(1);
  await expect(preview(page)).toHaveAttribute('data-playing', 'true');
  expect(await attr(page, 'drawn')).toBeGreaterThan(await attr(page, 'dropped'));
  // K pauses (focus on the page, not a field), Space plays again.
  await page.locator('h1').click();
  await page.keyboard.press('k');
  await expect(preview(page)).toHaveAttribute('data-playing', 'false');
  const at = Number(await scrub.inputValue());
  // L and J step one frame on and back.
  await page.keyboard.press('l');
  await expect.poll(async () => Number(await scrub.inputValue())).toBeGreaterThan(at);
  await page.keyboard.press('j');
  await expect.poll(async () => Number(await scrub.inputValue())).toBeCloseTo(at, 1);
  // Without the loop it stops at the end.
  await page.getByRole('checkbox', { name: 'Loop the clip' }).uncheck();
  await scrub.fill('5.5');
  await page.keyboard.press('Space');
  await expect(preview(page)).toHaveAttribute('data-playing', 'true');
  await expect(preview(page)).toHaveAttribute('data-playing', 'false', { timeout: 20_000 });
  expect(Number(await scrub.inputValue())).toBeGreaterThan(5.5);
});
