/**
 * Issue 17: a short's tags describe its pixels, whichever engine and browser build made it. Known
 * colours go in (bars of a BT.709-tagged recording); the short's stored Y′CbCr must be those
 * colours under the matrix and range the short is tagged with, and the tags must be the ones the
 * product promises (src/domain/edit/output.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { limitedYcbcr } from '../../src/domain/edit/output';
import { chooseEngine, openEditor, renderAndDownload } from './editor';
import { COLOUR_BARS, type Rgb } from '../colourBars';
import { ffprobe, regionYcbcr, SHORT_COLOR_TAGS } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'lhs-colour-'));

const BAR_PX = 90; // 8 bars fill the 720 rows of the source
const hex = ([r, g, b]: Rgb) => `0x${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** 12 s of 1280×720 horizontal colour bars, converted from RGB with BT.709 limited range and tagged so. */
function colourBars(): string {
  const path = join(dir, 'bars.mp4');
  const inputs = COLOUR_BARS.flatMap((c) => ['-f', 'lavfi', '-i', `color=c=${hex(c)}:s=1280x${BAR_PX}:r=30:d=12`]);
  const stack = `${COLOUR_BARS.map((_, i) => `[${i}:v]`).join('')}vstack=inputs=${COLOUR_BARS.length},format=rgb24,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p`;
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', ...inputs, '-f', 'lavfi', '-i', 'sine=f=440:d=12'],
    ...['-filter_complex', stack, '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-g', '60'],
    ...['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv', '-c:a', 'aac', '-shortest', path],
  ]);
  return path;
}

function clickLog(): string {
  const path = join(dir, 'bars-clicks.csv');
  writeFileSync(path, ['time,event,product_id,product_name', ...[5, 5.5, 6, 6.5, 7].map((t) => `${t},click,P1,Colour Chart`)].join('\n'));
  return path;
}

/** Y′CbCr of a pure colour under the tags (only limited range BT.601/BT.709 are valid answers here). */
function expected(rgb: Rgb, matrix: string | undefined, range: string | undefined): [number, number, number] {
  expect(range, 'colour range tag').toBe('tv');
  const luma = matrix === 'bt709' ? { kr: 0.2126, kb: 0.0722 } : matrix === 'smpte170m' || matrix === 'bt470bg' ? { kr: 0.299, kb: 0.114 } : undefined;
  if (!luma) throw new Error(`unexpected matrix tag ${matrix}`);
  return limitedYcbcr(rgb, luma);
}

test("both engines' shorts: tags as promised, and the stored Y′CbCr of known colours matches those tags", async ({ page }) => {
  await openEditor(page, { files: [colourBars(), clickLog()], clipSec: 4 });
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByLabel('Centre crop').check();
  for (const [engine, label] of [
    ['webcodecs', /Fast only/],
    ['ffmpeg', /Compatible only/],
  ] as const) {
    await chooseEngine(page, label);
    const short = await renderAndDownload(page, dir, `bars-${engine}`);
    await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', engine);
    const video = ffprobe(short).streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject(SHORT_COLOR_TAGS);
    // Each 90-row bar is 160 rows of the 720×1280 centre crop; a patch in its middle, on the
    // left where no overlay sits (the intro card is centred, the sticker at the right).
    COLOUR_BARS.forEach((rgb, i) => {
      const got = regionYcbcr(short, 3.5, 24, i * 160 + 72, 16, 16);
      const want = expected(rgb, video?.color_space, video?.color_range);
      const why = `${engine}: bar ${hex(rgb)} stored as ${got.map((v) => v.toFixed(1))}, tags say ${want.map((v) => v.toFixed(1))}`;
      // The source itself goes through the browser's YUV → RGB decode, which rounds saturated
      // chroma by up to 5 (green, blue, yellow; Y within 1). A wrong matrix or range is off by
      // 8–40 in at least one component for each of these bars.
      expect(Math.abs(got[0] - want[0]), why).toBeLessThan(3);
      expect(Math.max(Math.abs(got[1] - want[1]), Math.abs(got[2] - want[2])), why).toBeLessThan(7);
    });
  }
});
