import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { advancedSetting, dropFiles, fixture, generated, rowRange } from './helpers';

// File names and zone-less dates are local time: pin the zone so the fixtures' epoch times line up.
test.use({ timezoneId: 'Europe/Berlin' });

const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');
const row = (page: Page, product: string) => rows(page).filter({ hasText: product });
const startField = (page: Page) => page.getByLabel('Stream start (your local time)');
const source = (page: Page) => page.getByTestId('stream-start-source');

/** The fixture's products are pinned for 8.5 s and 6.5 s: below the default 15 s minimum. */
async function allowShortClips(page: Page) {
  await (await advancedSetting(page, 'Min length')).fill('5');
  await expect(rows(page)).toHaveCount(2);
}

test('issue 8: epoch NDJSON + an OBS-named recording import with no question; a later start moves the clips', async ({ page }) => {
  await page.goto('./');
  // The log's first event (a pin) is 1 s after 19:00:05 Berlin time, the OBS file name.
  await dropFiles(page, '[data-testid=home-drop]', [generated('2026-03-14 19-00-05.mkv'), fixture('clicks-obs-epoch.ndjson')]);
  await expect(page.locator('.timeline svg')).toBeVisible();
  await expect(page.getByText(/When did the recording start/)).toHaveCount(0);
  await expect(startField(page)).toHaveValue('2026-03-14T19:00:05');
  await expect(source(page)).toHaveText('from the file name');
  await allowShortClips(page);
  const [mugStart, mugEnd] = await rowRange(row(page, 'Red Mug'));
  const [capStart, capEnd] = await rowRange(row(page, 'Blue Cap'));
  expect([mugStart, mugEnd]).toEqual([1, 9.5]);

  // Typing only edits a draft; Enter applies it. A start 2 s later moves every clip 2 s earlier.
  await startField(page).fill('2026-03-14T19:00:07');
  await expect(source(page)).toHaveText('from the file name');
  await startField(page).press('Enter');
  await expect(source(page)).toHaveText('set by you');
  await expect.poll(() => rowRange(row(page, 'Blue Cap'))).toEqual([capStart - 2, capEnd - 2]);
  // The mug's pin is now 1 s before the recording: its clip starts at 0.
  expect(await rowRange(row(page, 'Red Mug'))).toEqual([0, mugEnd - 2]);

  await page.reload();
  await expect(startField(page)).toHaveValue('2026-03-14T19:00:07');
  await expect(source(page)).toHaveText('set by you');
  await expect.poll(() => rowRange(row(page, 'Blue Cap'))).toEqual([capStart - 2, capEnd - 2]);
});

test('issue 8: a small text file holding a date-time beside the log is the stream start, not a log', async ({ page }) => {
  const startTxt = join(mkdtempSync(join(tmpdir(), 'lhs-start-')), 'start.txt');
  // No zone: local time, as a person wrote it. 20:00:01 in Berlin is 19:00:01Z, the log's first event.
  writeFileSync(startTxt, '2026-11-20 20:00:01\n');
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [startTxt, generated('rec-20s.mp4'), fixture('clicks-20s-absolute.csv')]);
  await expect(page.getByTestId('log-summary')).toContainText('clicks-20s-absolute.csv');
  await expect(source(page)).toHaveText('from start.txt');
  await expect(startField(page)).toHaveValue('2026-11-20T20:00:01');
  await expect(page.getByText(/When did the recording start/)).toHaveCount(0);
  await allowShortClips(page);
  expect(await rowRange(row(page, 'Red Mug'))).toEqual([0, 8.5]);
});
