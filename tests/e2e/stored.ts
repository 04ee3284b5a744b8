import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Screenshots of the states these tests reach, to look at. */
export const SHOTS = process.env.E2E_SHOTS ?? join(tmpdir(), 'lhs-shots');
mkdirSync(SHOTS, { recursive: true });

/**
 * Imports through the file picker (the browser reads the files from disk, however big) and waits
 * for the project view; returns the project's id (from its #/p/<id> route).
 */
export async function importProject(page: Page, files: string[]): Promise<string> {
  await page.goto('./');
  await page.locator('[data-testid=home-drop] input[type=file]').setInputFiles(files);
  await page.waitForURL(/#\/p\/[\w-]+$/);
  return /#\/p\/([\w-]+)$/.exec(page.url())![1]!;
}

/**
 * Rows per object store as the browser holds them, read with the raw IndexedDB API, not the
 * app's code: for `id` (edits and shorts by their project), or every row when no id is given.
 */
export function storedRows(page: Page, id?: string): Promise<Record<string, number>> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const open = indexedDB.open('live-highlights-studio');
      // No database yet: do not create one (the app's own open would then skip its migrations).
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error));
    });
    if (!db) return {};
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names);
    const count = (req: IDBRequest<number>) => new Promise<number>((resolve) => (req.onsuccess = () => resolve(req.result)));
    const counts: Record<string, number> = {};
    for (const name of names) {
      const store = tx.objectStore(name);
      // Stores keyed by their own id (edits, shorts) are found by project through their index.
      counts[name] = await count(
        id === undefined ? store.count() : store.indexNames.contains('byProject') ? store.index('byProject').count(id) : store.count(id),
      );
    }
    db.close();
    return counts;
  }, id);
}

/** Every store holds nothing (for the project, or at all). */
export async function expectNothingStored(page: Page, id?: string): Promise<void> {
  const rows = await storedRows(page, id);
  expect(
    Object.values(rows).every((n) => n === 0),
    JSON.stringify(rows),
  ).toBe(true);
}

/** A click log written for the test: `rows` are "time,event,product_id[,product_name]" lines. */
export function writeLog(dir: string, name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, ['time,event,product_id,product_name', ...rows].join('\n'));
  return path;
}

/** Usage as the page's own navigator.storage.estimate() reports it. */
/**
 * Bytes the origin stores in IndexedDB where the browser tells them apart (Chromium's
 * `usageDetails`), else all of its usage: the video engine kept in Cache Storage on first use
 * (docs/offline.md) is not a project's.
 */
export const usage = (page: Page) =>
  page.evaluate(async () => {
    const estimate: StorageEstimate & { usageDetails?: { indexedDB?: number } } = await navigator.storage.estimate();
    return estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0;
  });

/** A stored chunk of the whole recording's transcript (issue 19), as the raw rows hold it. */
export interface StoredChunkRow {
  index: number;
  start: number;
  end: number;
  savedAt: number;
  segments: Array<{ text: string }>;
}

/** The transcript plan's chunk count and the stored chunks, read with the raw IndexedDB API (one project in the profile). */
export function storedTranscript(page: Page): Promise<{ chunks: number; rows: StoredChunkRow[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('live-highlights-studio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const plans = await all<{ chunks: unknown[] }>('transcripts');
    const rows = await all<StoredChunkRow>('transcriptChunks');
    db.close();
    return { chunks: plans[0]?.chunks.length ?? 0, rows: rows.map(({ index, start, end, savedAt, segments }) => ({ index, start, end, savedAt, segments })) };
  });
}
