import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** Issue 11's budget: the JavaScript the home page needs before anything is clicked. */
const INITIAL_JS_GZIP_BUDGET = 60_000;

test('the home page loads at most 60 kB of gzipped JavaScript, and no project or editor code (Fabric comes with those)', async ({ page, request }) => {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Try the sample' })).toBeVisible();
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js') && ['script', 'link', 'other'].includes((e as PerformanceResourceTiming).initiatorType))
      .map((e) => e.name),
  );
  expect(scripts.length).toBeGreaterThan(0);
  let total = 0;
  for (const url of scripts) total += gzipSync(await (await request.get(url)).body()).length;
  console.log(`initial JS: ${scripts.length} files, ${total} bytes gzipped`);
  expect(total).toBeLessThanOrEqual(INITIAL_JS_GZIP_BUDGET);
  expect(scripts.filter((u) => /EditorView|ProjectView/.test(u))).toEqual([]);

  // The editor's chunk arrives when it is needed.
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  const later = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(later.some((u) => /ProjectView-.*\.js$/.test(u))).toBe(true);
});
