/**
 * Bad input a held-out run found (issue 19, item 1): a log with every row three times, a
 * workbook beside the recording, and a replacement log that parses but is clearly wrong.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles } from './helpers';
import { SHOTS, storedRows } from './stored';

const dir = mkdtempSync(join(tmpdir(), 'lhs-bad-'));
const SAMPLES = join(import.meta.dirname, '..', '..', 'public', 'samples');
const RECORDING = join(SAMPLES, 'sample.mp4');
const SAMPLE_LOG = join(SAMPLES, 'sample-clicks.csv');
const [HEADER = '', ...SAMPLE_ROWS] = readFileSync(SAMPLE_LOG, 'utf8').trimEnd().split('\n');

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The sample's 334 rows, each three times over. */
const TRIPLED = write('tripled-clicks.csv', [HEADER, ...SAMPLE_ROWS.flatMap((r) => [r, r, r])]);
/** The sample moved 200 s later: every event after the 3:07 recording ends. */
const LATE = write('late-clicks.csv', [
  HEADER,
  ...SAMPLE_ROWS.map((r) => {
    const [t = '0', ...rest] = r.split(',');
    return [(Number(t) + 200).toFixed(1), ...rest].join(',');
  }),
]);
/** The sample with an unclosed quote on line 22: 20 events read, the rest swallowed into one bad row. */
const QUOTE = write('quote-clicks.csv', [HEADER, ...SAMPLE_ROWS.map((r, i) => (i === 20 ? r.replace(',Glow Serum,', ',"Glow Serum,') : r))]);
/** A fair edit: the sample's first 300 rows. */
const EDITED = write('edited-clicks.csv', [HEADER, ...SAMPLE_ROWS.slice(0, 300)]);
/** The first bytes of an .xlsx: a ZIP whose first entry is "[Content_Types].xml", then "xl/…". */
const XLSX = join(dir, 'clicks.xlsx');
writeFileSync(
  XLSX,
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('[Content_Types].xml xl/workbook.xml'), Buffer.alloc(200)]),
);

/** Each clip row's product and range (not its poster, which may still be loading). */
const clipRanges = async (page: Page) =>
  (await page.getByTestId('clip-list').locator('tbody tr').allInnerTexts()).map((t) => /(P-\d+)\s+(\S+–\S+)/.exec(t)?.slice(1).join(' '));

async function importSample(page: Page, log = SAMPLE_LOG) {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [RECORDING, log]);
  await expect(page.locator('.timeline svg')).toBeVisible();
}

test('a log with every row three times counts each event once and says how many rows it dropped', async ({ page }) => {
  await importSample(page, TRIPLED);
  await expect(page.getByTestId('log-summary')).toContainText('tripled-clicks.csv · 334 events · 5 products');
  await expect(page.getByText(/^Dropped 668 duplicate rows: .*334 events kept\)\.$/)).toBeVisible();
  // The counts are the sample's: the same highlights as the log imported once.
  const tripled = await clipRanges(page);
  expect(tripled).toHaveLength(5);
  await importSample(page);
  expect(await clipRanges(page)).toEqual(tripled);
});

test('an .xlsx beside the recording gets "save it as CSV", and nothing is stored', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [RECORDING, XLSX]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('clicks.xlsx is an Excel workbook (.xlsx), not CSV text.');
  await expect(alert).toContainText('save it as CSV (in Excel: File › Save As › "CSV UTF-8")');
  await page.reload();
  await expect(page.getByText('No projects yet')).toBeVisible();

  // Beside a CSV log, the CSV is used and the workbook is named as not used.
  await dropFiles(page, '[data-testid=home-drop]', [RECORDING, SAMPLE_LOG, XLSX]);
  await expect(page.locator('.timeline svg')).toBeVisible();
  await expect(page.getByText(/^clicks\.xlsx was not used: it is a spreadsheet, and sample-clicks\.csv is the click log\. .*save it as CSV/)).toBeVisible();
});

test('a replacement log that is clearly wrong asks first: Keep leaves the stored log, Replace anyway replaces it', async ({ page }) => {
  await importSample(page);
  const summary = page.getByTestId('log-summary');
  await expect(summary).toContainText('sample-clicks.csv · 334 events');
  // Clip edges move to pauses once those are measured: compare the highlights after that.
  await expect.poll(async () => (await storedRows(page)).loudness).toBe(1);
  await expect(page.getByText(/at a pause in the voice|no pause within 3 s/).first()).toBeVisible();
  await expect(page.getByText(/pauses not measured yet/)).toHaveCount(0);
  const before = await clipRanges(page);
  expect(before).toHaveLength(5);

  // Every event after the recording ends.
  await dropFiles(page, '[data-testid=log-drop]', [LATE]);
  const dialog = page.getByRole('dialog', { name: 'Replace the click log?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('late-clicks.csv looks wrong:');
  await expect(dialog).toContainText('None of its events falls inside the 3:07 recording: all 334 events are after the recording ends');
  const table = dialog.getByRole('table', { name: 'What would change' });
  await expect(table.getByRole('row', { name: /^Events inside the 3:07 recording/ })).toContainText(/334 of 334\s*0 of 334/);
  await expect(table.getByRole('row', { name: /^Products/ })).toContainText('5 (5 in common)');
  await expect(dialog.getByRole('button', { name: 'Keep the current log' })).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: join(SHOTS, 'replace-log-dialog-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SHOTS, 'replace-log-dialog-390.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  // Keep (here with Enter on the focused button): nothing changes, then or after a reload.
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(summary).toContainText('sample-clicks.csv · 334 events');
  expect(await clipRanges(page)).toEqual(before);
  await page.reload();
  await expect(summary).toContainText('sample-clicks.csv · 334 events');

  // Escape keeps the current log too.
  await dropFiles(page, '[data-testid=log-drop]', [LATE]);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(summary).toContainText('sample-clicks.csv');

  // 20 of 334 rows read after an unclosed quote: Replace anyway stores it.
  await dropFiles(page, '[data-testid=log-drop]', [QUOTE]);
  await expect(dialog).toContainText("Only 20 of the file's 334 rows could be read; the rest were skipped. First problem, line 22: unclosed quote");
  await dialog.getByRole('button', { name: 'Replace anyway' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(summary).toContainText('quote-clicks.csv · 20 events');
  await page.reload();
  await expect(summary).toContainText('quote-clicks.csv · 20 events');

  // A normal replacement is stored without a question.
  await dropFiles(page, '[data-testid=log-drop]', [EDITED]);
  await expect(summary).toContainText('edited-clicks.csv · 300 events');
  await expect(dialog).toHaveCount(0);
});
