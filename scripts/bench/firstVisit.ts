// What a first visit fetches (issue 22): bytes until the app is usable, until the core flow works
// offline (the service worker's precache of the shell: in Chromium nothing else is needed), after
// the sample is imported and after a first render (neither fetches the video engine), and for
// "Keep everything".
// Counted by a proxy in front of the built app, so the service worker's own fetches count too.
// Prints one JSON line.
import { createServer, request } from 'node:http';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { gotoWhenUp, round, serveBuild } from './app.mjs';

const app = serveBuild(4396, process.env.BENCH_DIST);
const upstream = new URL(app.url);
let bytes = 0;
const proxy = createServer((req, res) => {
  const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.on('data', (chunk: Buffer) => (bytes += chunk.length));
    up.pipe(res);
  });
  forward.on('error', () => res.destroy());
  req.pipe(forward);
});
await new Promise<void>((resolve) => proxy.listen(4397, '127.0.0.1', resolve));
const mb = () => round(bytes / 1e6);

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const t0 = performance.now();
  await gotoWhenUp(page, 'http://127.0.0.1:4397/');
  await page.getByRole('button', { name: 'Try the sample' }).waitFor();
  const firstVisitUsableMb = mb();
  const usableSec = round((performance.now() - t0) / 1000);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.locator('[data-testid=offline-badge][data-ready=true]').waitFor();
  const firstVisitOfflineMb = mb();
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await page.getByTestId('clip-list').waitFor();
  // The sample imported, its pauses found: no ffmpeg core needed (mediabunny, the browser's decoders).
  await page.getByRole('status').filter({ hasText: 'Finding pauses' }).waitFor({ state: 'detached' });
  const sampleImportedMb = mb();
  // A first render: WebCodecs video, the audio mixed in a media worker, AAC from the small wasm encoder.
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByRole('button', { name: 'Render video' }).click();
  await page.getByTestId('render-result').waitFor({ timeout: 300_000 });
  const firstRenderMb = mb();
  const engineKept = (await page.getByTestId('offline-engine').getAttribute('data-cached')) === 'true';
  const badge = page.getByTestId('offline-badge');
  await badge.locator('summary').click();
  await badge.getByRole('button', { name: /Keep everything/ }).click();
  await page.locator('[data-testid=offline-speech][data-cached=true]').waitFor({ timeout: 120_000 });
  console.log(
    JSON.stringify({
      bench: 'first-visit',
      firstVisitUsableMb,
      // Includes the server starting up (the first attempts are retried).
      usableSec,
      // The shell, precached: the badge says the core flow works offline.
      firstVisitOfflineMb,
      // Plus the sample (3.3 MB): its import, pauses and highlights need no video engine.
      sampleImportedMb,
      // Plus a first render; engineKept says whether it fetched the video engine (it should not).
      firstRenderMb,
      engineKept,
      keepEverythingMb: mb(),
    }),
  );
} finally {
  await browser.close();
  proxy.close();
  app.stop();
}
