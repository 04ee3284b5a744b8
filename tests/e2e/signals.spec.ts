import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { advancedSetting, dropFiles, fixture, generated } from './helpers';
import { expectNothingStored } from './stored';

const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');

async function importWith(page: Page, ...logs: string[]) {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [generated('rec-20s.mp4'), ...logs]);
  // The worker has answered once the click timeline is drawn.
  await expect(page.locator('.timeline svg')).toBeVisible();
  // The 20-s recording's products are on show for 10 s or less: below the default 15 s minimum.
  await (await advancedSetting(page, 'Min length')).fill('5');
}

test('recording + interval analytics: the line says what it is used for, and its spread clicks make an explained highlight', async ({ page }) => {
  await importWith(page, fixture('analytics-20s.csv'));
  await expect(page.getByTestId('log-use')).toHaveText(
    'Analytics per 5 s: 4 rows, 2 products, 29 clicks, 3 add-to-carts and 1 order spread over their spans — used to rank moments like clicks.',
  );
  await expect(page.getByText('The "gmv" column is not used: money says how much, orders already say how many bought.')).toBeVisible();
  await expect(rows(page).first()).toContainText('Glow Serum');
  await rows(page).first().click();
  await expect(page.getByTestId('clip-moment')).toContainText(/^Clicks picked up at 0:0\d and calmed down at 0:\d\d/);
  await expect(page.getByTestId('clip-why')).toContainText('15 clicks, 2 add-to-carts, 1 order in the clip');
});

test('recording + chat NDJSON: pins make the windows, comments asking for the link make the moments', async ({ page }) => {
  await importWith(page, fixture('chat-20s.ndjson'));
  await expect(page.getByTestId('log-use')).toHaveText(
    "Chat log: 30 comments (26 about a product), 2 product pins, likes, gifts, shares and viewer rises — used to find each product's moments.",
  );
  await expect(page.getByText('Events the highlights do not use were read past: 1 "member".')).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  // Two pins, two coloured bands.
  await expect(page.locator('.timeline rect.band')).toHaveCount(2);
  const glow = rows(page).filter({ hasText: 'Glow Serum' });
  await glow.click();
  await expect(page.getByTestId('clip-why')).toContainText('Pinned from 0:00 to 0:10.');
  await expect(page.getByTestId('clip-moment')).toContainText(/^Viewers' interest picked up at/);
  await expect(page.getByTestId('clip-signals')).toHaveText(
    'During the clip 14 comments asked for the link or the price and 4 other comments came in; likes came in once, 1 gift and viewers rose once.',
  );
  await rows(page).filter({ hasText: 'Silk Scarf' }).click();
  await expect(page.getByTestId('clip-signals')).toContainText('6 comments asked for the link or the price and 6 comments named the product');
});

test('recording + interval analytics + chat log, dropped together: both are read, and the clips draw on both', async ({ page }) => {
  await importWith(page, fixture('analytics-20s.csv'), fixture('chat-20s.ndjson'));
  await expect(page.getByTestId('log-summary')).toContainText('analytics-20s.csv + chat-20s.ndjson');
  await expect(page.getByTestId('log-use')).toContainText(/^Analytics per 5 s: .* — used to rank moments like clicks\. Chat log: 30 comments/);
  await rows(page).filter({ hasText: 'Glow Serum' }).click();
  await expect(page.getByTestId('clip-why')).toContainText(/\d+ clicks?/);
  await expect(page.getByTestId('clip-signals')).toContainText(/comments asked for the link or the price/);
});

test('per-minute analytics beside a per-event click log are not counted twice, and the app says so', async ({ page }) => {
  await importWith(page, fixture('clicks-20s.csv'), fixture('analytics-20s.csv'));
  await expect(page.getByTestId('log-summary')).toContainText('clicks-20s.csv');
  await expect(page.getByTestId('log-summary')).not.toContainText('analytics-20s.csv');
  await expect(
    page.getByText('analytics-20s.csv was not used: its per-minute clicks are the ones clicks-20s.csv has per event, and would count twice.'),
  ).toBeVisible();
});

test('a chat log added on the project page goes beside the click log, stays after a reload, and a newer chat log takes its place', async ({ page }, info) => {
  await importWith(page, fixture('clicks-20s.csv'));
  await expect(page.getByTestId('log-use')).toHaveCount(0);
  await dropFiles(page, '[data-testid=log-drop]', [fixture('chat-20s.ndjson')]);
  await expect(page.getByText('chat-20s.ndjson was added beside clicks-20s.csv: the highlights use both.')).toBeVisible();
  await expect(page.getByTestId('log-summary')).toContainText('clicks-20s.csv + chat-20s.ndjson');
  await expect(page.getByTestId('log-use')).toContainText(/^clicks-20s\.csv: clicks per event\. Chat log: 30 comments/);
  // Products are matched by id: P1 keeps the click log's name.
  await rows(page).filter({ hasText: 'Red Mug' }).click();
  await expect(page.getByTestId('clip-signals')).toContainText(/comments asked for the link or the price/);

  await page.reload();
  await expect(page.getByTestId('log-summary')).toContainText('clicks-20s.csv + chat-20s.ndjson');

  // Another chat log replaces the chat file only: the click log's events stay.
  const chat = info.outputPath('chat-later.ndjson');
  writeFileSync(
    chat,
    `${JSON.stringify({ event: 'product_pin', time: 11, data: { productId: 'P2', title: 'Mini Blender' } })}\n${JSON.stringify({ event: 'chat', time: 12, data: { comment: 'link?' } })}\n`,
  );
  await dropFiles(page, '[data-testid=log-drop]', [chat]);
  await expect(page.getByText('chat-later.ndjson replaced chat-20s.ndjson; clicks-20s.csv is kept beside it.')).toBeVisible();
  const summary = page.getByTestId('log-summary');
  await expect(summary).toContainText('clicks-20s.csv + chat-later.ndjson');
  const clickEvents = readFileSync(fixture('clicks-20s.csv'), 'utf8').trim().split('\n').length - 1;
  await expect(summary).toContainText(`${(clickEvents + 2).toLocaleString('en-US')} events`);
});

test('a chat log without times is refused with what was expected, and nothing is imported', async ({ page }, info) => {
  const path = info.outputPath('no-time.ndjson');
  writeFileSync(path, '{"event":"chat","data":{"comment":"hi"}}\n{"event":"like","data":{"likeCount":3}}\n');
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [generated('rec-20s.mp4'), path]);
  await expect(page.getByRole('alert')).toContainText('no-time.ndjson: This looks like a chat/event log but its events have no time.');
  await expect(page.getByTestId('clip-list')).toHaveCount(0);
  await expectNothingStored(page);
});
