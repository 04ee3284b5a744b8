import { expect, test, type Page } from '@playwright/test';
import { advancedSetting, dropFiles, fixture, generated } from './helpers';

const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');

test('sample: explained picks, pinned windows per product, edges at pauses in the voice', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(rows(page).first()).toBeVisible();
  // Five products, each pinned once: five coloured bands.
  await expect(page.locator('.timeline rect.band')).toHaveCount(5);
  const why = page.getByTestId('clip-why');
  await expect(why).toContainText('Pinned');
  await expect(page.getByTestId('clip-moment')).toContainText(
    /^Clicks picked up at \d+:\d\d and calmed down at \d+:\d\d(: about \d+ times the usual level|: above the usual level|, with hardly any the rest of the time)\./,
  );
  // The exact figures are one click away.
  await why.getByText('Details').click();
  await expect(page.getByTestId('clip-details')).toContainText(/^Busy stretch \d+:\d\d–\d+:\d\d: \d+ points a minute/);
  await expect(why).toContainText(/of this product's activity/);
  // Pause detection runs once per project, then the picks are re-made with snapped edges.
  await expect(page.getByTestId('clip-edges')).toContainText('at a pause in the voice', { timeout: 60_000 });
  for (const row of await rows(page).all()) {
    const length = Number((await row.locator('td').nth(3).innerText()).replace(' s', ''));
    expect(length).toBeGreaterThanOrEqual(15);
    expect(length).toBeLessThanOrEqual(60);
  }
});

test('a clip count that hides products says so, and "Show them" brings them back', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(rows(page)).toHaveCount(5);
  await expect(page.getByTestId('hidden-products')).toHaveCount(0);
  await page.getByLabel('Clips', { exact: true }).fill('2');
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('hidden-products')).toHaveText('3 more products have a highlight. Show them');
  await page.getByRole('button', { name: 'Show them' }).click();
  await expect(rows(page)).toHaveCount(5);
  await expect(page.getByLabel('Clips', { exact: true })).toHaveValue('5');
});

test('an out-of-range length stays typed with a message and changes nothing', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(rows(page)).toHaveCount(5);
  const min = await advancedSetting(page, 'Min length');
  await min.fill('70');
  await expect(min).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveText('Use 1–60 s: no longer than the max length. Not applied.');
  await expect(rows(page)).toHaveCount(5);
  // "Advanced" cannot hide a refused value: it stays open, the message in view.
  await page.getByRole('group', { name: 'Clip settings' }).getByRole('button', { name: 'Advanced' }).click();
  await expect(min).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  await min.fill('20');
  await expect(min).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('changing a weight re-ranks the clips live', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(rows(page).first()).toBeVisible();
  const scores = async () => Promise.all((await rows(page).all()).map(async (r) => Number(await r.locator('td').nth(5).innerText())));
  const before = await scores();
  await (await advancedSetting(page, 'Points per order')).fill('50');
  await expect.poll(async () => (await scores())[0]).toBeGreaterThan(before[0]!);
});

test('a recording started after the stream: outside events are reported and an offset lines them up', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [generated('rec-20s.mp4'), fixture('clicks-20s-late.csv')]);
  await expect(page.getByTestId('outside-events')).toContainText('30 events fall outside the recording (0 before it starts, 30 after it ends)');
  await page.getByLabel('Recording start offset in seconds').fill('30');
  await page.getByLabel('Recording start offset in seconds').press('Enter');
  await (await advancedSetting(page, 'Min length')).fill('5');
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('outside-events')).toHaveCount(0);
  await expect(rows(page).first()).toContainText('0:01–0:09.5');
});
