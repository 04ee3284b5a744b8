import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}
interface Manifest {
  name?: string;
  short_name?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: ManifestIcon[];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** "WxH" from a PNG's header: the IHDR chunk comes first, right after the signature. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/**
 * The icon as the page decodes it: its size, its least opaque pixel, and how many pixels outside
 * the maskable safe zone (the centred circle of 80 % diameter, which every launcher mask keeps)
 * differ from the corner's colour.
 */
function decodeIcon(page: Page, url: string) {
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const { naturalWidth: w, naturalHeight: h } = img;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, w, h).data;
    let minAlpha = 255;
    let outsideSafeZone = 0;
    for (let i = 0; i < px.length; i += 4) {
      minAlpha = Math.min(minAlpha, px[i + 3]!);
      const x = (i / 4) % w;
      const y = Math.floor(i / 4 / w);
      const off = [0, 1, 2, 3].some((c) => Math.abs(px[i + c]! - px[c]!) > 8);
      if (Math.hypot(x + 0.5 - w / 2, y + 0.5 - h / 2) > 0.4 * w && off) outsideSafeZone++;
    }
    return { size: `${w}x${h}`, minAlpha, outsideSafeZone };
  }, url);
}

const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/**
 * What Chromium (and Lighthouse) ask of an installable app, on the production build. A persistent
 * profile: Playwright's default context is incognito, where Chromium refuses to install anything.
 */
test('the manifest, icons and service worker make the app installable', async ({ baseURL }) => {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lhs-install-')), { ...chromiumLaunchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('./');
    const app = new URL('./', page.url());
    const manifestUrl = new URL((await page.locator('link[rel=manifest]').getAttribute('href')) ?? '', app);
    const response = await context.request.get(manifestUrl.href);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as Manifest;

    expect(manifest.name).toBe('LIVE Highlights Studio');
    // Launchers cut longer short names.
    expect(manifest.short_name?.length).toBeGreaterThan(0);
    expect(manifest.short_name!.length).toBeLessThanOrEqual(12);
    expect(manifest.display).toBe('standalone');
    // start_url and scope resolve against the manifest, so the app installs from any sub-path.
    expect(new URL(manifest.start_url ?? '', manifestUrl).href).toBe(app.href);
    expect(new URL(manifest.scope ?? '', manifestUrl).href).toBe(app.href);
    expect(manifest.theme_color).toBe(await page.locator('meta[name=theme-color]').getAttribute('content'));
    expect(hexToRgb(manifest.background_color ?? '')).toBe(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));

    // Every icon comes from this origin with its declared type and size.
    const icons = manifest.icons ?? [];
    const pngs: string[] = [];
    for (const icon of icons) {
      const url = new URL(icon.src, manifestUrl);
      expect(url.origin, icon.src).toBe(app.origin);
      const res = await context.request.get(url.href);
      expect(res.ok(), icon.src).toBe(true);
      expect(res.headers()['content-type'], icon.src).toMatch(new RegExp(`^${icon.type.replace('+', '\\+')}`));
      if (icon.type === 'image/svg+xml') {
        expect(icon.sizes).toBe('any');
        expect(await res.text()).toMatch(/^<svg[\s>]/);
        continue;
      }
      expect(icon.type, icon.src).toBe('image/png');
      expect(pngSize(await res.body()), icon.src).toBe(icon.sizes);
      const decoded = await decodeIcon(page, url.href);
      expect(decoded.size, icon.src).toBe(icon.sizes);
      pngs.push(`${icon.purpose ?? 'any'} ${icon.sizes}`);
      if (icon.purpose === 'maskable') {
        // Full-bleed (opaque) with the glyph inside the safe zone, so no mask shape cuts it.
        expect(decoded.minAlpha, icon.src).toBe(255);
        expect(decoded.outsideSafeZone, icon.src).toBe(0);
      }
    }
    expect(pngs).toEqual(expect.arrayContaining(['any 192x192', 'any 512x512', 'maskable 512x512']));
    expect(icons.some((i) => i.type === 'image/svg+xml' && (i.purpose ?? 'any') === 'any')).toBe(true);

    // iOS ignores the manifest's icons and fills transparency with black: an opaque 180 px PNG.
    const touch = new URL((await page.locator('link[rel=apple-touch-icon]').getAttribute('href')) ?? '', app);
    const touchRes = await context.request.get(touch.href);
    expect(touchRes.headers()['content-type']).toMatch(/^image\/png/);
    expect(pngSize(await touchRes.body())).toBe('180x180');
    expect((await decodeIcon(page, touch.href)).minAlpha).toBe(255);

    // A service worker controls the page once it is active (and after a reload)...
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(new URL('sw.js', app).href);

    // ...and Chromium's own verdict: the manifest parses cleanly, an icon is chosen, nothing blocks install.
    const cdp = await context.newCDPSession(page);
    expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
    expect((await cdp.send('Page.getManifestIcons')).primaryIcon).toBeTruthy();
    expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);

    // Its fetch handler serves the start URL, the manifest and the icons with the network off.
    await context.setOffline(true);
    await page.goto(app.href);
    await expect(page.getByRole('heading', { name: 'Turn your LIVE into highlight clips' })).toBeVisible();
    const offline = await page.evaluate(
      (urls) => Promise.all(urls.map(async (u) => (await fetch(u)).status)),
      [manifestUrl.href, touch.href, ...icons.map((i) => new URL(i.src, manifestUrl).href)],
    );
    expect(offline.every((status) => status === 200)).toBe(true);
  } finally {
    await context.close();
  }
});

/** Whether any tab holds the lock a running job holds (src/app/browser/runningJobs.ts). */
const jobLockHeld = (page: Page) => page.evaluate(async () => ((await navigator.locks.query()).held ?? []).some((l) => l.name === 'lhs-job'));

/** The controlling worker's answer to the line the test appends to the new sw.js; the old one never answers. */
const workerVersion = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(String(event.data));
        navigator.serviceWorker.controller?.postMessage('version?', [channel.port2]);
        setTimeout(() => resolve('first'), 1000);
      }),
  );

const waiting = (page: Page) => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

/**
 * A new deploy, simulated: the served sw.js changes (the browser's own update fetch cannot be
 * routed, so the file in the build folder is rewritten, and restored afterwards) and the page checks
 * for an update. The new worker must wait for the user, and a job in any tab must be warned about.
 */
test('a new version waits for "Reload to update", with a warning while a job runs', async ({ page, context }, info) => {
  const swFile = join(process.env.E2E_DIST ?? 'dist', 'sw.js');
  const deployed = readFileSync(swFile, 'utf8');
  try {
    await page.goto('./');
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    // A first visit is not an update (tests/unit/swUpdate.test.ts: a worker waiting there says nothing).
    await expect(page.getByTestId('update-prompt')).toBeHidden();
    await page.reload();

    // A real job (importing the sample) holds the lock while it runs, and lets it go.
    // biome-ignore lint/correctness/noPlaywrightMissingAwait: started before the click and awaited after it, so the short hold is not missed.
    const seen = expect.poll(() => jobLockHeld(page), { intervals: [10] }).toBe(true);
    await page.getByRole('button', { name: 'Try the sample' }).click();
    await seen;
    await expect(page.getByTestId('clip-list')).toBeVisible();
    await expect.poll(() => jobLockHeld(page), { timeout: 60_000 }).toBe(false);

    writeFileSync(swFile, `${deployed}\nself.addEventListener('message', (e) => { if (e.data === 'version?') e.ports[0]?.postMessage('second'); });\n`);
    await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())?.update()));
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('A new version is ready.');
    expect(await waiting(page)).toBe(true);
    expect(await workerVersion(page)).toBe('first');
    await page.screenshot({ path: info.outputPath('update-prompt.png') });

    // Another tab, open while a render runs in it (the lock its job would hold).
    const other = await context.newPage();
    await other.goto('./');
    await expect(other.getByTestId('update-prompt')).toContainText('A new version is ready.');
    await other.evaluate(
      () =>
        new Promise<void>((started) => {
          void navigator.locks.request('lhs-job', { mode: 'shared' }, () => {
            started();
            return new Promise<void>((end) => Object.assign(window, { endJob: end }));
          });
        }),
    );

    // Reload during that job: a warning first, nothing swapped.
    await prompt.getByRole('button', { name: 'Reload to update' }).click();
    await expect(prompt).toContainText('A job is still running');
    await page.screenshot({ path: info.outputPath('update-prompt-warning.png') });
    expect(await waiting(page)).toBe(true);
    await prompt.getByRole('button', { name: 'Wait' }).click();
    await expect(prompt).toContainText('A new version is ready.');

    // The job ends: Reload lets the new worker in and reloads this tab only.
    await other.evaluate(() => (window as unknown as { endJob: () => void }).endJob());
    await other.evaluate(() => Object.assign(window, { notReloaded: true }));
    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    expect(await workerVersion(page)).toBe('second');
    expect(await waiting(page)).toBe(false);
    // Same place after the reload: the project the user had open.
    await expect(page.getByTestId('clip-list')).toBeVisible();
    await expect(prompt).toBeHidden();

    // The other tab now runs old code under the new worker: it asks, and never reloads by itself.
    const otherPrompt = other.getByTestId('update-prompt');
    await expect(otherPrompt).toContainText('A new version is ready.');
    expect(await other.evaluate(() => 'notReloaded' in window)).toBe(true);
    const otherReloaded = other.waitForEvent('load');
    await otherPrompt.getByRole('button', { name: 'Reload to update' }).click();
    await otherReloaded;
    await expect(otherPrompt).toBeHidden();
    expect(await workerVersion(other)).toBe('second');
  } finally {
    writeFileSync(swFile, deployed);
  }
});
