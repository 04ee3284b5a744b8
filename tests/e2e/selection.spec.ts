import { expect, test, type Page } from '@playwright/test';
import { dropFiles, fixture, generated } from './helpers';

const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');

test('sample: explained picks, pinned windows per product, edges snapped to pauses', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(rows(page).first()).toBeVisible();
  // Five products, each pinned once: five coloured bands.
  await expect(page.locator('.timeline rect.band')).toHaveCount(5);
  const why = page.getByTestId('clip-why');
  await expect(why).toContainText('Pinned');
  await expect(page.getByTestId('clip-moment')).toContainText(/^Clicks rose at \d+:\d\d and fell at \d+:\d\d: \d+ a minute/);
  await expect(why).toContainText(/of this product's activity/);
  // Pause detection runs once per project, then the picks are re-made with snapped edges.
  await expect(page.getByTestId('clip-edges')).toContainText('snapped to a pause', { timeout: 60_000 });
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
  const min = page.getByLabel('Min length');
  await min.fill('70');
  await expect(min).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveText('Use 1–60 s: no longer than the max length. Not applied.');
  await expect(rows(page)).toHaveCount(5);
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
  await page.getByLabel('Order weight').fill('50');
  await expect.poll(async () => (await scores())[0]).toBeGreaterThan(before[0]!);
});

test('a recording started after the stream: outside events are reported and an offset lines them up', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [generated('rec-20s.mp4'), fixture('clicks-20s-late.csv')]);
  await expect(page.getByTestId('outside-events')).toContainText('30 events fall outside the recording (0 before it starts, 30 after it ends)');
  await page.getByLabel('Recording start offset in seconds').fill('30');
  await page.getByLabel('Recording start offset in seconds').press('Enter');
  await page.getByLabel('Min length').fill('5');
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('outside-events')).toHaveCount(0);
  await expect(rows(page).first()).toContainText('0:01–0:09.5');
});
