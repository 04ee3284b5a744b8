import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseEngine, commitFields, openEditor, renderAndDownload, SAMPLE } from './editor';
import { ffprobe, frameRgb, regionColor, rgbDiff } from './helpers';
import { SHOTS } from './stored';

const PUBLIC = join(import.meta.dirname, '..', '..', 'public');
const outDir = mkdtempSync(join(tmpdir(), 'lhs-editor-keys-'));

/** Presses Tab until `target` has the focus (keyboard only: no clicks), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Layouts of the stored edits' SALE sticker ("sticker-1"), read with the raw IndexedDB API. */
function storedSticker(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('live-highlights-studio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<Array<{ edit: { stickers: Array<{ key: string; layout: { x: number; y: number } }> } }>>((resolve) => {
      const req = db.transaction('edits').objectStore('edits').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    const layout = rows[0]?.edit.stickers.find((s) => s.key === 'sticker-1')?.layout;
    return layout ? { x: layout.x, y: layout.y } : null;
  });
}

test('keyboard only: tab to a clip, open the editor, select the sticker, nudge it, delete it, undo', async ({ page }) => {
  await page.goto('./');
  await tabTo(page, page.getByRole('button', { name: 'Try the sample' }));
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('clip-list').locator('tbody tr');
  await expect(rows.nth(1)).toBeVisible();
  await tabTo(page, rows.nth(1));
  await page.keyboard.press('Enter');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, page.getByRole('link', { name: /Auto-edit/ }));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  // The sticker's layer button: Tab reaches it, Enter selects it (pressed, announced, its position shown).
  const layer = page.getByTestId('layer-sticker-sticker-1');
  await tabTo(page, layer);
  await page.keyboard.press('Enter');
  await expect(layer).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('selection-status')).toHaveText(/^SALE sticker selected/);
  const x = page.getByLabel('Selected X');
  const y = page.getByLabel('Selected Y');
  await expect(x).toHaveValue('808');
  await expect(y).toHaveValue('264');

  // Nudges: 1 output pixel per arrow (HD: one design unit), 10 with Shift.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowUp');
  await expect(x).toHaveValue('818');
  await expect(y).toHaveValue('263');
  await expect.poll(() => storedSticker(page)).toEqual({ x: 818, y: 263 });
  await page.screenshot({ path: join(SHOTS, 'editor-keys-selected.png') });

  // Delete removes it (the focus stays in the layer list); Ctrl+Z brings it back where it was.
  await page.keyboard.press('Delete');
  await expect(layer).toHaveCount(0);
  await expect(page.locator('#editor-layers')).toBeFocused();
  await expect.poll(() => storedSticker(page)).toBeNull();
  await page.keyboard.press('Control+z');
  await expect(layer).toHaveCount(1);
  await expect.poll(() => storedSticker(page)).toEqual({ x: 818, y: 263 });
  // Redo deletes it again (Ctrl+Shift+Z, and Ctrl+Y after another undo).
  await page.keyboard.press('Control+Shift+z');
  await expect(layer).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(layer).toHaveCount(1);
  // The two nudges were one run of key presses: one undo step takes both back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => storedSticker(page)).toEqual({ x: 808, y: 264 });
  await expect(redo).toBeEnabled();
  await page.keyboard.press('Control+y');
  await expect.poll(() => storedSticker(page)).toEqual({ x: 818, y: 263 });

  // Keys typed into a field stay the field's: Backspace edits the name, the sticker stays.
  await layer.focus();
  await page.keyboard.press('Enter');
  await expect(layer).toHaveAttribute('aria-pressed', 'true');
  const name = page.getByLabel('Product name');
  await tabTo(page, name);
  await page.keyboard.press('End');
  const before = await name.inputValue();
  await page.keyboard.press('Backspace');
  await expect(name).toHaveValue(before.slice(0, -1));
  await expect(layer).toHaveCount(1);

  // The file pickers are buttons Tab reaches; Enter opens the picker.
  const picker = page.getByRole('button', { name: 'Add product image…' });
  await tabTo(page, picker);
  const chooser = page.waitForEvent('filechooser');
  // Pressed on the button itself: an autosave re-render can take the page's focus in between.
  await picker.press('Enter');
  await (await chooser).setFiles(join(PUBLIC, 'stickers', 'star.svg'));
  await expect(page.getByRole('button', { name: 'Change product image…' })).toBeVisible();
  for (const label of ['Your image…', 'Use your own audio…']) {
    await tabTo(page, page.getByRole('button', { name: label }));
  }
});

test('editor screenshots at 1280×860 and 390×844', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await openEditor(page);
  await page.getByLabel('Centre crop').check();
  await page.getByLabel('Crop position').fill('0.2');
  await page.getByRole('radiogroup', { name: 'Caption style' }).getByLabel('Bold outline').check();
  await page.getByRole('button', { name: 'Add text' }).click();
  await page.getByLabel('Words').fill('DEAL');
  await page.getByRole('radiogroup', { name: 'Text colour' }).getByRole('radio', { name: 'Yellow' }).check();
  await page.getByLabel('Selected X').fill('1000');
  await page.getByLabel('Selected X').press('Enter');
  await expect(page.getByTestId('layout-note')).toContainText('outside the safe area');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'editor-1280.png') });
  await page.screenshot({ path: join(SHOTS, 'editor-1280-full.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await page.getByTestId('layer-sticker-sticker-1').click();
  await page.screenshot({ path: join(SHOTS, 'editor-390.png'), fullPage: true });
});

/** Share of the pixels of an rgb24 frame that `test` accepts. */
function share(rgb: Buffer, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let i = 0; i + 2 < rgb.length; i += 3) if (test(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!)) n++;
  return n / (rgb.length / 3);
}
const cyan = (r: number, g: number, b: number) => r < 110 && g > 190 && b > 190;
const white = (r: number, g: number, b: number) => Math.min(r, g, b) > 220;
const black = (r: number, g: number, b: number) => Math.max(r, g, b) < 40;

/** Deletes every caption line, adds one at 0 s and types its words and times. */
async function oneCaption(page: Page, words: string, start: string, end: string) {
  const deleteFirst = page.getByRole('button', { name: 'Delete caption 1' });
  while (await deleteFirst.count()) await deleteFirst.click();
  await page.getByLabel('Scrub the clip').fill('0');
  await page.getByRole('button', { name: /^Add caption at 0\.0 s/ }).click();
  await expect(page.getByLabel('Caption 1 text')).toBeFocused();
  await page.getByLabel('Caption 1 text').fill(words);
  await commitFields(page, [
    ['Caption 1 end', end],
    ['Caption 1 start', start],
  ]);
}

test('custom text, outline captions, a box intro and the crop moved left: where the canvas put them, the same on both engines', async ({ page }) => {
  const start = await openEditor(page, { clipSec: 4 });
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByLabel('Centre crop').check();
  await page.getByLabel('Crop position').fill('0');
  await page.getByRole('radiogroup', { name: 'Caption style' }).getByLabel('Bold outline').check();
  await page.getByRole('radiogroup', { name: 'Intro style' }).getByLabel('Box').check();
  await oneCaption(page, 'SHOP NOW', '0.5', '3.5');
  // A caption line that would overlap another is refused with a reason, and the field keeps its time.
  await page.getByLabel('Caption 1 end').fill('9');
  await page.getByLabel('Caption 1 end').press('Enter');
  await expect(page.getByRole('alert')).toContainText('cannot end after the clip');
  await expect(page.getByLabel('Caption 1 end')).toHaveValue('3.5');
  await page.getByRole('button', { name: 'Add text' }).click();
  await page.getByLabel('Words').fill('DEAL');
  await page.getByRole('radiogroup', { name: 'Text colour' }).getByRole('radio', { name: 'Cyan' }).check();
  // The text sits at the safe area's centre (design 481,845); the caption's centre is 481,1386.
  await expect(page.getByLabel('Selected X')).toHaveValue('481');
  await expect(page.getByLabel('Selected Y')).toHaveValue('845');

  await chooseEngine(page, /Fast only/);
  const fast = await renderAndDownload(page, outDir, 'styles-webcodecs');
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'webcodecs');
  await chooseEngine(page, /Compatible only/);
  const slow = await renderAndDownload(page, outDir, 'styles-ffmpeg');
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'ffmpeg');

  /** The sample at clip time t through a 406×720 crop at source x `cropX`, scaled as the render scales it, cut to `region` (w:h:x:y of 720×1280). */
  const source = (t: number, cropX: number, region: string) => {
    const [w, h] = region.split(':').map(Number) as [number, number];
    return frameRgb(SAMPLE, start + t, w, h, `406:720:${cropX}:0,scale=720:1280,crop=${region}`);
  };
  const rendered = (path: string, t: number, region: string) => {
    const [w, h] = region.split(':').map(Number) as [number, number];
    return frameRgb(path, t, w, h, region);
  };
  for (const path of [fast, slow]) {
    expect(ffprobe(path).streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 720, height: 1280 });
    // Between the text and the caption (720×1280 rows 640–860) the picture is the source's left edge, not its centre.
    const band = '720:220:0:640';
    const left = rgbDiff(rendered(path, 3, band), source(3, 0, band)).mean;
    const centre = rgbDiff(rendered(path, 3, band), source(3, 436, band)).mean;
    expect(left, `${path}: against the left edge`).toBeLessThan(10);
    expect(centre, `${path}: against the centre`).toBeGreaterThan(left + 10);
    // The cyan text centred at (321, 563): cyan inside its box, none in the picture there.
    expect(share(rendered(path, 3, '160:70:241:528'), cyan)).toBeGreaterThan(0.1);
    expect(share(source(3, 0, '160:70:241:528'), cyan)).toBeLessThan(0.01);
    // The outlined caption centred at (321, 924): white letters edged in black, and no plate
    // beside them (the plate style would darken x 49–593).
    const caption = rendered(path, 3, '200:50:221:899');
    expect(share(caption, white)).toBeGreaterThan(0.05);
    expect(share(caption, black)).toBeGreaterThan(0.05);
    expect(rgbDiff(rendered(path, 3, '20:30:60:909'), source(3, 0, '20:30:60:909')).mean).toBeLessThan(12);
    // The box-style intro card (white, 720 wide around x 321) at 1 s, gone by 3 s.
    expect(Math.min(...regionColor(path, 1, 100, 370, 16, 16))).toBeGreaterThan(220);
    expect(Math.min(...regionColor(path, 3, 100, 370, 16, 16))).toBeLessThan(220);
  }
  for (const t of [1, 3]) expect(rgbDiff(frameRgb(fast, t), frameRgb(slow, t)).mean, `engines at ${t} s`).toBeLessThan(6);
});

test('box captions in Anton and an outlined intro: drawn where the canvas put them, the same on both engines', async ({ page }) => {
  await openEditor(page, { clipSec: 4 });
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByRole('radiogroup', { name: 'Caption style' }).getByLabel('Box').check();
  await page.getByLabel('Caption font').selectOption({ label: 'Anton (headline)' });
  await page.getByRole('radiogroup', { name: 'Intro style' }).getByLabel('Bold outline').check();
  await oneCaption(page, 'LINK BELOW', '0.5', '3.5');

  await chooseEngine(page, /Fast only/);
  const fast = await renderAndDownload(page, outDir, 'box-webcodecs');
  await chooseEngine(page, /Compatible only/);
  const slow = await renderAndDownload(page, outDir, 'box-ffmpeg');
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'ffmpeg');
  for (const path of [fast, slow]) {
    // The caption's white box, centred at (321, 924), with black letters in it.
    const caption = frameRgb(path, 3, 120, 24, '120:24:261:912');
    expect(share(caption, white)).toBeGreaterThan(0.2);
    expect(share(caption, black)).toBeGreaterThan(0.1);
    // The intro without a card: outlined white name and yellow price around (321, 379), the
    // picture between them and the card's old edge (x 100) showing through.
    const intro = frameRgb(path, 1, 240, 120, '240:120:201:319');
    expect(share(intro, white)).toBeGreaterThan(0.03);
    expect(share(intro, black)).toBeGreaterThan(0.03);
    expect(Math.min(...regionColor(path, 1, 100, 370, 16, 16))).toBeLessThan(200);
  }
  for (const t of [1, 3]) expect(rgbDiff(frameRgb(fast, t), frameRgb(slow, t)).mean, `engines at ${t} s`).toBeLessThan(6);
});

test('dragging the picture slides the crop window: one undo step per drag', async ({ page }) => {
  await openEditor(page);
  await page.getByLabel('Centre crop').check();
  const position = page.getByLabel('Crop position');
  await expect(position).toHaveValue('0.5');
  const canvas = page.locator('[data-testid=editor-canvas] canvas').last();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  // From an empty spot (no overlay under it: design 160,1700) a third of the canvas to the right.
  const k = box.width / 1080;
  await page.mouse.move(box.x + 160 * k, box.y + 1700 * k);
  await page.mouse.down();
  await page.mouse.move(box.x + 520 * k, box.y + 1700 * k, { steps: 10 });
  await page.mouse.up();
  // Dragging the picture right shows more of its left: the window moves left, as far as the
  // picture moved: 360 of 1080 design px × 406 / 1080 source px per design px over the 874 px of slack.
  const moved = Number(await position.inputValue());
  expect(moved).toBeCloseTo(0.5 - (360 * 406) / 1080 / 874, 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(position).toHaveValue('0.5');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(position).toHaveValue(String(moved));
});

test('handles are touch-sized: the scale handle takes hold 10 px off its corner', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Add text' }).click();
  const host = page.getByTestId('editor-canvas');
  await expect(host).toHaveAttribute('data-selection', /^\d+,\d+,\d+,\d+$/);
  const [left, top, width, height] = (await host.getAttribute('data-selection'))!.split(',').map(Number) as [number, number, number, number];
  const canvas = host.locator('canvas').last();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const k = box.width / 1080;
  // The bottom-right handle sits 6 CSS px (the selection padding) beyond the box corner; its hit
  // area is 24 px square, so 10 px further out still takes hold (Fabric's default: 13 canvas px ≈ 4 CSS px).
  const x = box.x + (left + width) * k + 6 + 10;
  const y = box.y + (top + height) * k + 6 + 10;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 40, y + 40, { steps: 5 });
  await page.mouse.up();
  expect(Number(await page.getByLabel('Selected Scale').inputValue())).toBeGreaterThan(1.1);
});

test('keyboard: Render is a few Tabs from the top through the skip links, and the layers and settings too', async ({ page }) => {
  await openEditor(page);
  // Opened afresh, the keyboard starts at the top of the page.
  await page.reload();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  // From the page's start: at most 10 Tabs to "Skip to Render" (it shows when focused), Enter.
  await tabTo(page, page.getByRole('button', { name: 'Skip to Render' }), 10);
  await expect(page.getByRole('button', { name: 'Skip to Render' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Render video' })).toBeFocused();
  await page.getByRole('button', { name: 'Skip to the layers' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Layers' })).toBeFocused();
  // Tab from the layers reaches the first overlay's button: selected with Enter, shown on the canvas.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=editor-canvas]')).toHaveAttribute('data-selection', /^-?\d+,-?\d+,\d+,\d+$/);
  // Without the layer list: ] and [ step through the overlays shown, on the canvas.
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid=editor-canvas]')).toHaveAttribute('data-selection', '');
  await page.keyboard.press(']');
  const first = page.locator('[data-testid=editor-canvas]');
  await expect(first).toHaveAttribute('data-selection', /^-?\d+,-?\d+,\d+,\d+$/);
  const one = await first.getAttribute('data-selection');
  await page.keyboard.press(']');
  await expect(first).not.toHaveAttribute('data-selection', one!);
  await page.keyboard.press('[');
  await expect(first).toHaveAttribute('data-selection', one!);
  await page.getByRole('button', { name: 'Skip to the edit settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#edit-panel')).toBeFocused();
});
