// Issue 11, accessibility: axe-core finds no violations on any screen, at desktop and phone sizes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CLIP_SEC } from './editor';
import { advancedSetting } from './helpers';
import { SHOTS } from './stored';

/** axe's own build, evaluated in the page: the CSP forbids inline scripts, not DevTools evaluation. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe on the whole page as it is now; fails listing each violation's rule and elements. */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as Window & { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } };
    return (await axe.run(document)).violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
  await page.screenshot({ path: join(SHOTS, `a11y-${screen.replace(/\W+/g, '-')}.png`), fullPage: true });
  const found = violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(found, `axe on ${screen}`).toEqual([]);
}

const clipRows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');

/** The sample imported, on its project page with its clips listed. */
async function sampleProject(page: Page): Promise<void> {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(clipRows(page).first()).toBeVisible();
}

async function openLogHelp(page: Page): Promise<void> {
  const help = page.getByTestId('log-help');
  await help.getByText('Where to get a click log, and what goes in it').click();
  await expect(help.getByRole('link', { name: 'Download an example log' })).toBeVisible();
  await help.getByText(/^Details: every accepted name/).click();
  await expect(help.getByRole('heading', { name: 'Columns' })).toBeVisible();
}

test('desktop: home, project, settings, log help, editor, upload dialog and saved shorts have no axe violations', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Try the sample' })).toBeVisible();
  await expectNoViolations(page, 'home (empty)');
  await openLogHelp(page);
  await expectNoViolations(page, 'home (log help open)');
  // The example log downloads as the sample's own click log.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download an example log' }).click();
  const example = await download;
  expect(example.suggestedFilename()).toBe('example-click-log.csv');
  expect(readFileSync(await example.path(), 'utf8')).toBe(
    readFileSync(join(import.meta.dirname, '..', '..', 'public', 'samples', 'sample-clicks.csv'), 'utf8'),
  );

  await sampleProject(page);
  await expectNoViolations(page, 'project (clips)');
  await (await advancedSetting(page, 'Min length')).fill('5');
  await (await advancedSetting(page, 'Max length')).fill(String(CLIP_SEC));
  await expect(clipRows(page).first().locator('td').nth(3)).toHaveText(`${CLIP_SEC} s`);
  await expectNoViolations(page, 'project (Advanced open)');
  await (await advancedSetting(page, 'Max length')).fill('90');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'project (invalid setting)');
  await (await advancedSetting(page, 'Max length')).fill(String(CLIP_SEC));
  await openLogHelp(page);
  await expectNoViolations(page, 'project (log help open)');

  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await expectNoViolations(page, 'editor');
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByRole('button', { name: 'Render video' }).click();
  await expect(page.getByTestId('render-result')).toBeVisible({ timeout: 150_000 });
  await expectNoViolations(page, 'editor (rendered)');
  await page.getByRole('region', { name: 'Render' }).getByRole('button', { name: 'Upload to TikTok' }).click();
  await expect(page.getByTestId('upload-dialog')).toBeVisible();
  await expectNoViolations(page, 'upload dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('upload-dialog')).toBeHidden();

  await page.getByRole('button', { name: '← Highlights' }).click();
  await expect(page.getByTestId('your-shorts').getByTestId('short')).toHaveCount(1);
  await expectNoViolations(page, 'project (saved shorts)');

  await page.goto('./');
  await expect(page.getByTestId('project-list').locator('li')).toHaveCount(1);
  await expectNoViolations(page, 'home (with a project)');
});

test.describe('phone (390×844, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('home, project and editor have no axe violations', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('button', { name: 'Try the sample' })).toBeVisible();
    await expectNoViolations(page, 'phone home');
    await sampleProject(page);
    await expectNoViolations(page, 'phone project');
    await page.getByRole('link', { name: /Auto-edit/ }).click();
    await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
    await expectNoViolations(page, 'phone editor');
  });
});
