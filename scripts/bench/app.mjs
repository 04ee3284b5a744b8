// Shared by the browser benches: the bench recording and log, the preview server, Chromium.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';

export const root = new URL('../..', import.meta.url).pathname;
export const benchOut = join(root, 'bench-out');
/** The 60 s burst starts here, mid-file, so seeking matters. */
export const CLIP_START = 900;

/** The generated 30-minute 720p recording (made on first use). */
export function benchRecording() {
  const path = join(root, 'tests/fixtures/generated/rec-30min-720p.mp4');
  if (!existsSync(path)) execFileSync('bash', [join(root, 'scripts/make-fixtures.sh'), '--bench'], { stdio: 'inherit' });
  return path;
}

/** One product with a 60 s click burst at 15:00: the app picks exactly that minute. */
export function benchLog() {
  mkdirSync(benchOut, { recursive: true });
  const rows = ['time,event,product_id,product_name,price'];
  for (let i = 0; i < 300; i++) rows.push(`${(CLIP_START + (i % 60) + i / 1000).toFixed(3)},click,B1,Bench Product,19.99`);
  const path = join(benchOut, 'bench-clicks.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

/** Serves a build (dist/, or `outDir`) with vite preview; call stop() when done. */
export function serveBuild(port, outDir) {
  // Its own process group, so stop() ends vite as well as the npx wrapper.
  const args = ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(outDir ? ['--outDir', outDir] : [])];
  const server = spawn('npx', args, { cwd: root, stdio: 'ignore', detached: true });
  return { url: `http://127.0.0.1:${port}/`, stop: () => process.kill(-server.pid) };
}

/** Goes to `url`, retrying while the server starts. */
export async function gotoWhenUp(page, url) {
  for (let i = 0; ; i++) {
    try {
      await page.goto(url);
      return;
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Serves dist/ and opens a page on it; call close() when done. */
export async function openApp(port, viewport = { width: 1400, height: 1000 }) {
  const server = serveBuild(port);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport });
  await gotoWhenUp(page, server.url);
  return {
    page,
    url: server.url,
    close: async () => {
      await browser.close();
      server.stop();
    },
  };
}

/** Picks files through the app's file input (path-based: the browser reads them from disk). */
export async function importFiles(page, files) {
  await page.locator('[data-testid=home-drop] input[type=file]').setInputFiles(files);
  await page.getByTestId('clip-list').waitFor({ timeout: 300_000 });
}

/** Resident memory of Chromium's renderer processes (the page and its workers), in MB. */
export function rendererRssMb() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return Math.round(kb / 1024);
}

export const round = (x) => Math.round(x * 100) / 100;

/** Resident memory of this browser's renderer processes (the page and its workers) in MB: other browsers on the machine left out. */
export function ownRendererRssMb(browserPid) {
  const parent = new Map();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its ')'.
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === browserPid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parent.keys()) {
    try {
      if (!ours(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return Math.round(kb / 1024);
}

/** Opens the first clip's editor at 720×1280 with the fast engine only: what the editor benches render with. */
export async function openFastEditor(page) {
  await page
    .getByRole('link', { name: /Auto-edit/ })
    .first()
    .click();
  await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
  await page.getByLabel('720×1280 (faster)').check();
  const select = page.getByLabel('Video engine');
  if (!(await select.isVisible())) await page.getByText('Advanced', { exact: true }).click();
  await select.selectOption(await select.locator('option', { hasText: /Fast only/ }).getAttribute('value'));
}

/** Renders the clip open in the editor; seconds from the click to the result. */
export async function renderInEditor(page) {
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Render video' }).click();
  await page.getByTestId('render-result').waitFor({ state: 'detached' });
  await page.getByTestId('render-result').waitFor({ timeout: 900_000 });
  return (performance.now() - t0) / 1000;
}
