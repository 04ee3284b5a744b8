// Issue 9: an import that does not fit stores nothing; a delete gives its space back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { advancedSetting, fixture, generated } from './helpers';
import { expectNothingStored, importProject, SHOTS, usage } from './stored';

// The service worker's precache would change usage while the quota is being set.
test.use({ serviceWorkers: 'block' });

const dir = mkdtempSync(join(tmpdir(), 'lhs-quota-'));
const REC = generated('rec-20s.mp4');
const picker = '[data-testid=home-drop] input[type=file]';

/** A valid click log of `rows` events over 20 s and 50 products: several MB once stored. */
function bigLog(rows: number): string {
  const path = join(dir, `big-${rows}.csv`);
  const lines = ['time,event,product_id,product_name'];
  for (let i = 0; i < rows; i++) lines.push(`${((i * 20) / rows).toFixed(5)},click,P${i % 50},Product ${i % 50}`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** Chromium's DevTools quota for this origin. (The page's estimate() does not show it.) */
async function limitQuota(page: Page, bytes: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: bytes });
}

async function expectRefusedAndGone(page: Page, shot?: string): Promise<void> {
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/The project was not saved: not enough storage space\. It needs about [\d.]+ MB\./);
  await expect(alert).toContainText('Nothing was stored.');
  await expect(page).not.toHaveURL(/#\/p\//);
  if (shot) await page.screenshot({ path: join(SHOTS, shot) });
  await page.reload();
  await expect(page.getByText('No projects yet')).toBeVisible();
  await expectNothingStored(page);
}

test('the recording fits but the log does not: nothing is stored, and the page says why', async ({ page }) => {
  await page.goto('./');
  // Room for the recording and a little more, not for a ~4 MB log beside it.
  await limitQuota(page, (await usage(page)) + statSync(REC).size + 256_000);
  await page.locator(picker).setInputFiles([REC, bigLog(300_000)]);
  await expectRefusedAndGone(page, 'quota-refused.png');

  // The recording alone is stored: it was the log that did not fit. The quota is set again for
  // this step, with room for the recording twice (still far less than the ~5 MB the log needs):
  // Chromium 156.0.8078.114 sometimes goes on counting the refused attempt's recording against an
  // overridden quota (in 3 of 6 runs; not in estimate(), not freed by GC or by waiting 20 s), while
  // the page holds nothing of it and the previous build never did.
  await limitQuota(page, (await usage(page)) + 2 * statSync(REC).size + 256_000);
  await importProject(page, [REC]);
  await expect(page.getByTestId('log-empty')).toContainText('No click log?');
});

test('the recording itself does not fit: nothing is stored, and the page says why', async ({ page }) => {
  await page.goto('./');
  await limitQuota(page, (await usage(page)) + 100_000);
  await page.locator(picker).setInputFiles([REC, fixture('clicks-20s.csv')]);
  await expectRefusedAndGone(page);
});

/**
 * On disk (a persistent profile: Playwright's default context keeps IndexedDB in memory, where
 * Chromium never lowers usage after a delete). Chromium frees a deleted recording's file once
 * nothing holds it: the app must let go of every reference (views, object URLs, <video>, the
 * ffmpeg workers). Garbage collection is forced here; left alone, V8 ran it 25–35 s later.
 */
test('deleting a project gives its space back', async ({ baseURL }, info) => {
  const long = join(dir, 'rec-10min.mp4');
  // MP2 sound: the browser's decoder can't read it, so ffmpeg.wasm measures it, slowly enough to be caught mid-way
  // (the browser's own decoder measures AAC minutes in a second or two).
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', '29', '-i', REC, '-c:v', 'copy', '-c:a', 'mp2', long]);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lhs-profile-')), {
    ...chromiumLaunchOptions,
    baseURL,
    serviceWorkers: 'block',
  });
  try {
    const a = context.pages()[0]!;
    const b = await context.newPage();
    const figures: Record<string, number> = {};
    const collectGarbage = async () => {
      for (const page of context.pages()) await (await context.newCDPSession(page)).send('HeapProfiler.collectGarbage');
    };
    /** Usage once it is back to the empty profile's (within 100 kB), collecting garbage as it waits; fails after 10 s. */
    const givenBack = async (name: string) => {
      const started = Date.now();
      await expect
        .poll(
          async () => {
            await collectGarbage();
            return usage(a);
          },
          { timeout: 10_000, intervals: [500] },
        )
        .toBeLessThan(figures.empty! + 100_000);
      figures[name] = await usage(a);
      figures[`${name}Ms`] = Date.now() - started;
    };
    const deleteIn = async (page: Page, name: string) => {
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: `Delete ${name}` }).click();
      await expect(page.getByText('No projects yet')).toBeVisible();
    };

    await a.goto('./');
    figures.empty = await usage(a);

    // Closed after its jobs finished (the pause finder and a cut: idle ffmpeg workers), deleted from the list.
    await importProject(a, [REC, fixture('clicks-20s.csv')]);
    await (await advancedSetting(a, 'Min length')).fill('5');
    await expect(a.getByRole('status').filter({ hasText: 'Finding pauses' })).toHaveCount(0);
    const download = a.waitForEvent('download');
    await a.getByRole('button', { name: 'Download clip' }).click();
    await download;
    figures.storedSmall = await usage(a);
    expect(figures.storedSmall).toBeGreaterThan(figures.empty + statSync(REC).size);
    await a.getByRole('button', { name: '← Projects' }).click();
    await deleteIn(a, 'rec-20s');
    await givenBack('afterDeleteClosed');

    // Open in tab B (previewing, measuring pauses) while tab A deletes it.
    const id = await importProject(a, [long, fixture('clicks-20s.csv')]);
    await (await advancedSetting(a, 'Min length')).fill('5');
    await b.goto(`./#/p/${id}`);
    await expect(b.getByTestId('preview-video')).toBeVisible();
    await expect(b.getByRole('status').filter({ hasText: 'Finding pauses' }).getByTestId('job-percent')).not.toHaveText('0%');
    await a.goto('./');
    figures.storedLong = await usage(a);
    expect(figures.storedLong).toBeGreaterThan(figures.empty + statSync(long).size);
    await deleteIn(a, 'rec-10min');
    await expect(b.getByTestId('project-deleted')).toBeVisible();
    await givenBack('afterDeleteOpenElsewhere');

    info.annotations.push({ type: 'storage estimate (bytes)', description: JSON.stringify(figures) });
  } finally {
    await context.close();
  }
});
