// Saved shorts in IndexedDB (issue 10), against fake-indexeddb: real transactions, no browser.
// That a delete gives the disk space back is measured in Chromium (tests/e2e/shorts.spec.ts).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newProject } from './projectFixture';
import { DB_NAME } from '../../src/storage/schema';
import type { SavedShort } from '../../src/storage/shortRecord';

const fields = (id: string) => newProject(id);

const short = (id: string, projectId: string, createdAt = 1): SavedShort => ({
  id,
  projectId,
  clipKey: 'P1#1',
  rank: 1,
  score: 10,
  product: { id: 'P1', name: 'Mug' },
  range: { start: 2, end: 8 },
  settings: { output: 'fast', width: 720, height: 1280, quality: 'balanced' },
  engine: 'webcodecs',
  timings: { totalSec: 3 },
  size: 4,
  durationSec: 6,
  postText: 'Buy it #fyp',
  createdAt,
  fingerprint: 'v1:abc',
  fileName: 'mug-short_0m02s-0m08s.mp4',
  poster: new Blob(['jpg']),
});
const mp4 = () => new Blob(['mp4!'], { type: 'video/mp4' });

async function storage() {
  const [projects, shorts, db, changes] = await Promise.all([
    import('../../src/storage/projects'),
    import('../../src/storage/shorts'),
    import('../../src/storage/db'),
    import('../../src/storage/changes'),
  ]);
  /** The rows the raw stores hold for shorts and their files. */
  const raw = async () => {
    const d = await db.openStudioDB();
    return { shorts: await d.getAllKeys('shorts'), files: await d.getAllKeys('shortFiles') };
  };
  return { ...projects, ...shorts, ...changes, raw };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
});

describe('saved shorts', () => {
  it('keeps the record and its MP4 apart, lists a project’s newest first, and edits the text without touching the MP4', async () => {
    const s = await storage();
    await s.createProject(fields('p1'), new Blob(['rec']));
    await s.createProject(fields('p2'), new Blob(['rec']));
    const stored = await s.saveShort(short('a', 'p1', 1), mp4());
    expect(await stored.text()).toBe('mp4!');
    await s.saveShort(short('b', 'p1', 2), mp4());
    await s.saveShort(short('c', 'p2', 3), mp4());
    expect((await s.listShorts('p1')).map((x) => x.id)).toEqual(['b', 'a']);
    expect((await s.listShorts('p1'))[0]).not.toHaveProperty('blob');

    await s.setShortPost('a', 'New text');
    expect((await s.listShorts('p1')).find((x) => x.id === 'a')?.postText).toBe('New text');
    expect(await (await s.getShortFile('a')).text()).toBe('mp4!');

    const usage = await s.shortsUsage();
    expect(usage.get('p1')).toEqual({ count: 2, bytes: 2 * (4 + 3) });
    expect(usage.get('p2')).toEqual({ count: 1, bytes: 7 });
  });

  it('deletes a short with its MP4', async () => {
    const s = await storage();
    await s.createProject(fields('p1'), new Blob(['rec']));
    await s.saveShort(short('a', 'p1'), mp4());
    await s.deleteShort({ id: 'a', projectId: 'p1' });
    expect(await s.raw()).toEqual({ shorts: [], files: [] });
    await expect(s.getShortFile('a')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('is never written for a deleted project: a render that ends after the delete stores nothing', async () => {
    const s = await storage();
    await s.createProject(fields('p1'), new Blob(['rec']));
    await s.deleteProject('p1');
    await expect(s.saveShort(short('a', 'p1'), mp4())).rejects.toMatchObject({ code: 'deleted' });
    expect(await s.raw()).toEqual({ shorts: [], files: [] });
  });

  it('goes with its project: the delete removes every short and MP4 of it in the same transaction, and no other', async () => {
    const s = await storage();
    await s.createProject(fields('p1'), new Blob(['rec']));
    await s.createProject(fields('p2'), new Blob(['rec']));
    await s.saveShort(short('a', 'p1'), mp4());
    await s.saveShort(short('b', 'p1'), mp4());
    await s.saveShort(short('c', 'p2'), mp4());
    await s.deleteProject('p1');
    expect(await s.raw()).toEqual({ shorts: ['c'], files: ['c'] });
  });

  it('tells this tab and the others when a project’s shorts change', async () => {
    const s = await storage();
    const otherTabs: unknown[] = [];
    const thisTab: string[] = [];
    const channel = new BroadcastChannel('lhs-projects');
    channel.onmessage = (e: MessageEvent) => otherTabs.push(e.data);
    const off = s.onShortsChange((id) => thisTab.push(id));
    await s.createProject(fields('p1'), new Blob(['rec']));
    await s.saveShort(short('a', 'p1'), mp4());
    await s.setShortPost('a', 'x');
    await s.deleteShort({ id: 'a', projectId: 'p1' });
    expect(thisTab).toEqual(['p1', 'p1', 'p1']);
    await vi.waitFor(() => expect(otherTabs).toHaveLength(4));
    expect(otherTabs).toEqual([{ id: 'p1', version: 1 }, { shortsOf: 'p1' }, { shortsOf: 'p1' }, { shortsOf: 'p1' }]);
    off();
    channel.close();
  });
});

describe('v5 migration', () => {
  it('adds the shorts stores to a v4 database and keeps its projects', async () => {
    const old = await openDB(DB_NAME, 4, {
      upgrade(db) {
        db.createObjectStore('projects', { keyPath: 'id' }).createIndex('byUpdated', 'updatedAt');
        for (const name of ['recordings', 'logs', 'picks', 'loudness'] as const) db.createObjectStore(name, { keyPath: 'projectId' });
        db.createObjectStore('edits', { keyPath: 'key' }).createIndex('byProject', 'projectId');
      },
    });
    await old.put('projects', { ...fields('kept'), version: 3 });
    await old.put('recordings', { projectId: 'kept', blob: new Blob(['rec']) });
    old.close();

    const s = await storage();
    expect(await s.listProjects()).toEqual([expect.objectContaining({ id: 'kept', version: 3 })]);
    await s.saveShort(short('a', 'kept'), mp4());
    expect(await s.listShorts('kept')).toHaveLength(1);
  });
});
