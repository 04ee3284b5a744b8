// Storage's promises for issue 9, against an in-memory IndexedDB (fake-indexeddb): real transactions
// and aborts, no browser. Quota and cross-tab behaviour in Chromium are covered by e2e (tabs, quota).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SELECTION, type Highlight } from '../../src/domain/selection/model';
import type { ClickLog } from '../../src/domain/clicklog/model';
import type { ClipEdit } from '../../src/domain/edit/model';
import { newProject } from './projectFixture';
import { DB_NAME, STORES } from '../../src/storage/schema';

const fields = (id: string) => newProject(id);

const clickLog = (fileName: string, events: number): ClickLog => ({
  fileName,
  format: 'csv',
  products: [{ id: 'P1' }],
  events: { time: new Float64Array(events), absolute: new Uint8Array(events), kind: new Uint8Array(events), product: new Uint32Array(events) },
  rejected: [],
  rejectedCount: 0,
});

const recording = () => new Blob(['rec']);

/** Fresh modules over a fresh database: each test is a browser profile of its own. */
async function storage() {
  const [projects, db, errors] = await Promise.all([import('../../src/storage/projects'), import('../../src/storage/db'), import('../../src/storage/errors')]);
  /** How many rows each store holds for the project (edits by their project field). */
  const rowsOf = async (id: string) => {
    const d = await db.openStudioDB();
    const counts: Record<string, number> = {};
    for (const s of STORES)
      counts[s] = s === 'edits' ? (await d.getAllKeysFromIndex('edits', 'byProject', id)).length : (await d.getKey(s, id)) === undefined ? 0 : 1;
    return counts;
  };
  return { ...projects, ...db, ...errors, rowsOf };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
});

const none = Object.fromEntries(STORES.map((s) => [s, 0]));

describe('import', () => {
  it('stores the record, its recording and its log together, version 1', async () => {
    const s = await storage();
    const project = await s.createProject(fields('p1'), recording(), clickLog('a.csv', 334));
    expect(project).toMatchObject({ version: 1, log: { fileName: 'a.csv', events: 334 } });
    const opened = await s.openProject('p1');
    expect(opened.log?.events.time.length).toBe(334);
    expect(await s.rowsOf('p1')).toMatchObject({ projects: 1, recordings: 1, logs: 1 });
  });

  it('is rolled back whole when the log cannot be written after the recording was', async () => {
    const s = await storage();
    // A leftover log row makes the log's add fail after the recording's add succeeded.
    await (await s.openStudioDB()).put('logs', { projectId: 'p1', log: clickLog('left.csv', 1) });
    await expect(s.createProject(fields('p1'), recording(), clickLog('a.csv', 3))).rejects.toMatchObject({ name: 'StorageError' });
    expect(await s.rowsOf('p1')).toMatchObject({ projects: 0, recordings: 0 });
    expect(await s.listProjects()).toEqual([]);
  });
});

describe('a deleted project stays deleted (issue 9: zombie project)', () => {
  it('removes every store’s rows in one transaction', async () => {
    const s = await storage();
    const p = await s.createProject(fields('p1'), recording(), clickLog('a.csv', 3));
    await s.savePicks('p1', [] as Highlight[]);
    await s.saveLoudness('p1', { stepSec: 0.1, db: new Float32Array(4) });
    await s.saveEdit('p1', 'P1#1', {} as ClipEdit);
    await s.createProject(fields('p2'), recording());
    await s.deleteProject(p.id);
    expect(await s.rowsOf('p1')).toEqual(none);
    expect((await s.listProjects()).map((x) => x.id)).toEqual(['p2']);
  });

  it('refuses every later write from a tab that still has it open, and writes nothing', async () => {
    const s = await storage();
    const p = await s.createProject(fields('p1'), recording(), clickLog('a.csv', 3));
    await s.deleteProject(p.id);
    const writes = [
      s.updateProject(p, { selection: { ...DEFAULT_SELECTION, minSec: 5 } }),
      s.saveLog(p, clickLog('b.csv', 4)),
      s.savePicks(p.id, []),
      s.saveLoudness(p.id, { stepSec: 0.1, db: new Float32Array(4) }),
      s.saveEdit(p.id, 'P1#1', {} as ClipEdit),
    ];
    for (const w of writes) await expect(w).rejects.toMatchObject({ code: 'deleted', message: 'This project was deleted in another tab.' });
    expect(await s.rowsOf('p1')).toEqual(none);
    expect(await s.listProjects()).toEqual([]);
  });
});

describe('versioned writes (issue 9: stale tab overwrites newer data)', () => {
  it('merges a stale settings change onto a replaced log: the summary and the stored log agree', async () => {
    const s = await storage();
    const read = await s.createProject(fields('p1'), recording(), clickLog('old.csv', 334));
    // Tab A replaces the log; tab B still holds `read`.
    await s.saveLog(read, clickLog('new.csv', 4));
    const merged = await s.updateProject(read, { selection: { ...DEFAULT_SELECTION, minSec: 5 } });
    expect(merged).toMatchObject({ version: 3, log: { fileName: 'new.csv', events: 4 }, selection: { minSec: 5 } });
    const stored = await s.openProject('p1');
    expect(stored.project).toEqual(merged);
    expect(stored.log?.fileName).toBe('new.csv');
    expect(stored.log?.events.time.length).toBe(stored.project.log?.events);
  });

  it('refuses a stale change that would overwrite newer data, and stores nothing of it', async () => {
    const s = await storage();
    const read = await s.createProject(fields('p1'), recording(), clickLog('old.csv', 334));
    await s.saveLog(read, clickLog('new.csv', 4));
    await expect(s.saveLog(read, clickLog('mine.csv', 9))).rejects.toMatchObject({ code: 'conflict' });
    await expect(s.updateProject(read, { offsetSec: 3 })).rejects.toMatchObject({ code: 'conflict' });
    const stored = await s.openProject('p1');
    expect(stored.project).toMatchObject({ version: 2, log: { fileName: 'new.csv' } });
    expect(stored.log?.fileName).toBe('new.csv');
  });

  it('drops the picks of a replaced log with it', async () => {
    const s = await storage();
    const read = await s.createProject(fields('p1'), recording(), clickLog('old.csv', 3));
    await s.savePicks('p1', [] as Highlight[]);
    await s.saveLog(read, clickLog('new.csv', 4));
    expect(await s.getPicks('p1')).toBeUndefined();
  });
});

describe('change signals', () => {
  it('tells other tabs the new version after each committed write, and about deletes', async () => {
    const s = await storage();
    const heard: unknown[] = [];
    const otherTab = new BroadcastChannel('lhs-projects');
    otherTab.onmessage = (e: MessageEvent) => heard.push(e.data);
    const p = await s.createProject(fields('p1'), recording());
    await s.updateProject(p, { hashtags: ['#x'] });
    await s.updateProject(p, { hashtags: ['#y'] }).catch(() => undefined); // refused: no signal
    await s.deleteProject(p.id);
    await vi.waitFor(() => expect(heard).toHaveLength(3));
    expect(heard).toEqual([
      { id: 'p1', version: 1 },
      { id: 'p1', version: 2 },
      { id: 'p1', deleted: true },
    ]);
    otherTab.close();
  });
});

describe('v4 migration', () => {
  it('adds versions and sweeps zombie projects (no recording) and orphan rows', async () => {
    // A v3 database as the old code left it.
    const old = await openDB(DB_NAME, 3, {
      upgrade(db) {
        db.createObjectStore('projects', { keyPath: 'id' }).createIndex('byUpdated', 'updatedAt');
        for (const s of ['recordings', 'logs', 'picks', 'loudness'] as const) db.createObjectStore(s, { keyPath: 'projectId' });
        db.createObjectStore('edits', { keyPath: 'key' }).createIndex('byProject', 'projectId');
      },
    });
    await old.put('projects', fields('kept'));
    await old.put('recordings', { projectId: 'kept', blob: recording() });
    await old.put('projects', fields('zombie'));
    await old.put('logs', { projectId: 'zombie', log: clickLog('z.csv', 1) });
    await old.put('picks', { projectId: 'gone', picks: [] });
    await old.put('edits', { key: 'gone/P1#1', projectId: 'gone', edit: {} });
    old.close();

    const s = await storage();
    expect(await s.listProjects()).toEqual([expect.objectContaining({ id: 'kept', version: 1 })]);
    expect(await s.rowsOf('zombie')).toEqual(none);
    expect(await s.rowsOf('gone')).toEqual(none);
    expect(await s.rowsOf('kept')).toMatchObject({ projects: 1, recordings: 1 });
  });
});
