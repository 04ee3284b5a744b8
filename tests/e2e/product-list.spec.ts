// Issue 19 item 1: the shop's product list names the products a click log knows only by id.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { dropFiles, generated } from './helpers';
import { importProject, SHOTS } from './stored';

const dir = mkdtempSync(join(tmpdir(), 'lhs-products-'));
/** A click log with product ids only, as many shop tools export them. */
const IDS_ONLY = join(dir, 'clicks-ids.csv');
writeFileSync(
  IDS_ONLY,
  ['time,event,product_id', '1.0,pin,1729', ...Array.from({ length: 24 }, (_, i) => `${(2 + i * 0.5).toFixed(1)},click,1729`)].join('\n'),
);
/** The shop's product export: one row per variant. */
const EXPORT = join(dir, 'product-export.csv');
writeFileSync(
  EXPORT,
  ['Product ID,Product Name,SKU ID,Price,Stock', '1729,Velora Glow Serum,1729-30ml,$45.00,120', '1729,Velora Glow Serum,1729-50ml,$59.00,80'].join('\n'),
);

test('a product export dropped with the recording and an id-only log names the clips; typed names work too', async ({ page }) => {
  await importProject(page, [generated('rec-20s.mp4'), IDS_ONLY, EXPORT]);
  const list = page.getByTestId('clip-list');
  await expect(list).toContainText('Velora Glow Serum');
  await expect(page.getByTestId('log-summary')).toContainText('clicks-ids.csv');
  await expect(page.getByTestId('product-list-summary')).toContainText('product-export.csv · 1 product');
  await expect(page.getByRole('status').filter({ hasText: 'repeated a product already listed' })).toBeVisible();
  // The editor's intro card takes the list's price.
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await expect(page.getByLabel('Price', { exact: true })).toHaveValue('$45.00');
  await page.goBack();

  // Typed in the app instead: the names follow, and a reload keeps them.
  await page.getByText('Type the products instead').click();
  await page.getByLabel('Products, one per line').fill('1729, $39');
  await page.getByRole('button', { name: 'Use these 1 product' }).click();
  await expect(page.getByTestId('product-list-summary')).toContainText('typed here · 1 product');
  await page.reload();
  await expect(page.getByTestId('product-list-summary')).toContainText('typed here');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('region', { name: 'Click log' }).screenshot({ path: join(SHOTS, 'product-list-390.png') });
});

test('a product export dropped on an open project is its product list, not a replacement log', async ({ page }) => {
  await importProject(page, [generated('rec-20s.mp4'), IDS_ONLY]);
  await expect(page.getByTestId('clip-list')).toContainText('1729');
  await dropFiles(page, '[data-testid=log-drop]', [EXPORT]);
  await expect(page.getByTestId('clip-list')).toContainText('Velora Glow Serum');
  await expect(page.getByTestId('log-summary')).toContainText('clicks-ids.csv');
});
