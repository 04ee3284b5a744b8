import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

/**
 * A persistent (on-disk) profile. In Playwright's default context IndexedDB lives in memory and
 * Chromium never lowers the reported usage after a delete (docs/storage.md).
 */
export function diskContext(baseURL: string | undefined): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lhs-profile-')), {
    ...chromiumLaunchOptions,
    ...(baseURL && { baseURL }),
    serviceWorkers: 'block',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
}

/** Forces V8's garbage collection in every page: Chromium frees a deleted Blob's file once nothing holds it. */
export async function collectGarbage(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) await (await context.newCDPSession(page)).send('HeapProfiler.collectGarbage');
}

/** Where the page's save picker writes: a file of the origin private file system, a real FileSystemFileHandle (writable stream, remove()). */
export const OPFS_PICKER = () => {
  const picker = async ({ suggestedName }: { suggestedName: string }) =>
    (await navigator.storage.getDirectory()).getFileHandle(suggestedName, { create: true });
  Object.defineProperty(window, 'showSaveFilePicker', { value: picker, configurable: true });
};

/** A browser without a save picker (Firefox, Safari): files are downloaded. */
export const NO_PICKER = () => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });

/** Whether the origin private file system holds `name`. */
export const opfsHas = (page: Page, name: string) =>
  page.evaluate(async (name) => {
    try {
      await (await navigator.storage.getDirectory()).getFileHandle(name);
      return true;
    } catch {
      return false;
    }
  }, name);

/** A file of the origin private file system, brought over to the test in 4 MB pieces. */
export async function readOpfs(page: Page, name: string): Promise<Buffer> {
  const size = await page.evaluate(async (name) => (await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile()).size, name);
  const parts: Buffer[] = [];
  for (let at = 0; at < size; at += 4 << 20) {
    const base64 = await page.evaluate(
      async ({ name, at }) => {
        const file = await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile();
        const bytes = new Uint8Array(await file.slice(at, at + (4 << 20)).arrayBuffer());
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
      },
      { name, at },
    );
    parts.push(Buffer.from(base64, 'base64'));
  }
  return Buffer.concat(parts);
}

/** Resident memory (bytes) of this browser's renderer processes: the page, its workers' threads, and Blink's own buffers, not only the JS heap. */
async function rendererRss(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  await cdp.detach();
  let kb = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended between the listing and the read.
    }
  }
  return kb * 1024;
}

export interface MemoryFigures {
  /** Live JS memory after a forced GC (heap + embedder heap + ArrayBuffer contents), bytes. */
  liveBefore: number;
  livePeak: number;
  /** Resident size of the renderer processes, bytes. */
  rssBefore: number;
  rssPeak: number;
  samples: number;
}

/**
 * Samples the renderer's memory while `work` runs, with the CPU slowed 4× so a short job still
 * gets many samples. Live memory: after a forced garbage collection, CDP Runtime.getHeapUsage's
 * JS heap + embedder (Blink) heap + ArrayBuffer backing stores — what the page holds, where
 * Performance.getMetrics' JSHeapUsedSize leaves ArrayBuffer contents out and
 * performance.measureUserAgentSpecificMemory() needs cross-origin isolation, which the app does
 * not have. Also the renderer processes' resident size (/proc, pids from CDP SystemInfo), which
 * counts Blink's own buffers but also garbage not yet collected and memory the allocator keeps.
 */
export async function measureMemory(page: Page, browser: Browser, work: () => Promise<void>): Promise<MemoryFigures> {
  const cdp = await page.context().newCDPSession(page);
  const live = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number };
    return u.usedSize + (u.embedderHeapUsedSize ?? 0) + (u.backingStorageSize ?? 0);
  };
  const figures: MemoryFigures = { liveBefore: await live(), livePeak: 0, rssBefore: await rendererRss(browser), rssPeak: 0, samples: 0 };
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let running = true;
  const sampling = (async () => {
    while (running) {
      const [used, rss] = await Promise.all([live(), rendererRss(browser)]);
      figures.livePeak = Math.max(figures.livePeak, used);
      figures.rssPeak = Math.max(figures.rssPeak, rss);
      figures.samples++;
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await sampling;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
  return figures;
}

export const MB = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
