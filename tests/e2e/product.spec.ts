// Link a clip to another product (issue 10, point 2): the intro card (its name box, in pixels, on the
// canvas and in the rendered short), the post text, the file names and the exports follow, and a
// stored edit made for the old product keeps the user's own choices.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openEditor, renderAndDownload } from './editor';
import { frameRgb, saveDownload } from './helpers';
import { SHOTS, storedRows } from './stored';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-product-'));
const panel = (page: Page) => page.getByRole('complementary', { name: 'Selected clip' });
const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');

const NEW = { id: 'VASE-9', name: 'Ceramic Pour-Over Coffee Dripper Deluxe Edition', price: '45', url: 'https://shop.example/vase-9' };
const SLUG = 'ceramic-pour-over-coffee-dripper-deluxe';
/** A column through the intro card's plate, left of its text (the card is 720 wide, centred at x 481)… */
const PLATE_X = 140;
/** …above the captions' plate (centred at y 1386), which crosses the same column. */
const ABOVE_CAPTIONS = 1200;
const dark = (r: number, g: number, b: number) => Math.max(r, g, b) < 60;

/**
 * The longest run of dark pixels (the card's plate) down column x of the editor canvas, in design
 * pixels. Once the recording's frame is painted: before it, the empty background is dark too.
 */
async function canvasPlateHeight(page: Page): Promise<number> {
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true][data-framed=true]')).toBeVisible();
  return page.locator('[data-testid=editor-canvas] canvas.lower-canvas').evaluate(
    (c: HTMLCanvasElement, [x, bottom]) => {
      const px = c.getContext('2d')!.getImageData(x, 0, 1, bottom).data;
      let best = 0;
      let run = 0;
      for (let y = 0; y < bottom; y++) {
        run = Math.max(px[y * 4]!, px[y * 4 + 1]!, px[y * 4 + 2]!) < 60 ? run + 1 : 0;
        best = Math.max(best, run);
      }
      return best;
    },
    [PLATE_X, ABOVE_CAPTIONS] as const,
  );
}

/** The same, in frame `t` of a rendered video `width` pixels wide. */
function videoPlateHeight(path: string, t: number, width: number, height: number): number {
  const k = width / 1080;
  // Two pixels wide: 4:2:0 video cannot be cropped to one.
  const strip = frameRgb(path, t, 2, height, `2:${height}:${Math.round(PLATE_X * k)}:0`);
  let best = 0;
  let run = 0;
  for (let y = 0; y < ABOVE_CAPTIONS * k; y++) {
    run = dark(strip[y * 6]!, strip[y * 6 + 1]!, strip[y * 6 + 2]!) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best / k;
}

test('change the product: intro card, post text, file names and exports follow; the stored edit keeps the user’s choices', async ({ page }) => {
  await openEditor(page);
  const oldName = await page.locator('#edit-intro-name').inputValue();
  expect(oldName).not.toBe(NEW.name);
  const oneLine = await canvasPlateHeight(page);
  // A stored edit made for the old product: the user picked the fast size.
  await page.getByLabel('720×1280 (faster)').check();
  await expect.poll(async () => (await storedRows(page)).edits).toBe(1);
  await page.getByRole('button', { name: '← Highlights' }).click();

  // Type a product of one's own; a link that is not a web address is refused.
  const link = panel(page).getByRole('region', { name: 'Product link' });
  await link.getByLabel('Product shown in this clip').selectOption({ label: 'Your own product…' });
  await link.getByLabel('Product id').fill(NEW.id);
  await link.getByLabel('Name').fill(NEW.name);
  await link.getByLabel(/^Price/).fill(NEW.price);
  await link.getByLabel(/^Product link/).fill('shop.example/vase-9');
  await link.getByRole('button', { name: 'Link this product' }).click();
  await expect(link.getByText('A web address starting with https://')).toBeVisible();
  await expect(rows(page).first()).not.toContainText(NEW.name);
  await link.getByLabel(/^Product link/).fill(NEW.url);
  await link.getByRole('button', { name: 'Link this product' }).click();
  await expect(rows(page).first()).toContainText(NEW.name);
  await expect(rows(page).first()).toContainText(NEW.id);
  await expect(panel(page).getByRole('heading', { level: 2 })).toContainText(NEW.name);
  await expect(link.getByRole('link', { name: 'Product page' })).toHaveAttribute('href', NEW.url);
  await link.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: join(SHOTS, 'product-link.png') });

  // The raw clip's file name and the exported list name the new product.
  let download = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Download clip' }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^${SLUG}_\\d+m\\d\\ds-\\d+m\\d\\ds\\.mp4$`));
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON' }).click();
  const listed = JSON.parse(readFileSync(await saveDownload(await download, outDir), 'utf8')) as Array<Record<string, unknown>>;
  expect(listed[0]).toMatchObject({ product_id: NEW.id, product_name: NEW.name });

  // Stored with the project.
  await page.reload();
  await expect(rows(page).first()).toContainText(NEW.name);
  await expect(panel(page).getByLabel('Product shown in this clip')).toHaveValue('own');

  // The editor: the intro card's name box holds the new, three-line name; the post text names it; the fast size stays.
  await panel(page)
    .getByRole('link', { name: /Auto-edit/ })
    .click();
  await expect(page.locator('#edit-intro-name')).toHaveValue(NEW.name);
  await expect(page.getByLabel('Post text')).toHaveValue(new RegExp(`${NEW.name} — \\$45`));
  await expect(page.getByLabel('Post text')).not.toHaveValue(new RegExp(oldName));
  await expect(page.getByLabel('720×1280 (faster)')).toBeChecked();
  // Two more lines of 64 px type (Fabric's line box: 64 × 1.13 × 1.05 ≈ 76 px): the plate grows by about 152 px.
  await expect.poll(() => canvasPlateHeight(page)).toBeGreaterThan(oneLine + 140);
  const threeLines = await canvasPlateHeight(page);
  expect(threeLines).toBeLessThan(oneLine + 165);

  // The render: same card at 1 s, gone after the intro; the file is named for the new product.
  const path = await renderAndDownload(page, outDir, 'relinked');
  expect(Math.abs(videoPlateHeight(path, 1, 720, 1280) - threeLines)).toBeLessThan(12);
  expect(videoPlateHeight(path, 4, 720, 1280)).toBeLessThan(oneLine / 2);
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download video' }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^${SLUG}[-a-z]*_\\d+m\\d\\ds-\\d+m\\d\\ds\\.mp4$`));

  // Back to the log's product: the link goes, and so does the new name.
  await page.getByRole('button', { name: '← Highlights' }).click();
  const select = panel(page).getByLabel('Product shown in this clip');
  await select.selectOption((await select.locator('option', { hasText: `${oldName} · ` }).getAttribute('value'))!);
  await expect(rows(page).first()).toContainText(oldName);
  await expect(panel(page).getByRole('region', { name: 'Product link' }).locator('.tag')).toHaveCount(0);
});
