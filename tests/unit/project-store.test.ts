// Issue 18: the project store (versioned write queue, changes from other tabs, deleted elsewhere)
// against a fake storage: no DOM, no IndexedDB.
import { describe, expect, it, vi } from 'vitest';
import { ProjectStore, type ProjectStorage } from '../../src/app/stores/projectStore';
import type { ProjectChange } from '../../src/storage/changes';
import type { ProjectRecord } from '../../src/storage/schema';
import { newProject } from './projectFixture';
import type { ClickLog } from '../../src/domain/clicklog/model';

const record = (version: number, name = 'stream'): ProjectRecord => ({ ...newProject('p1'), name, version });

function fakeStorage(initial: ProjectRecord) {
  let stored = initial;
  let listener: ((c: ProjectChange) => void) | undefined;
  const storage: ProjectStorage = {
    open: vi.fn(async () => ({ project: stored, log: undefined })),
    recording: async () => new Blob(['rec']),
    update: vi.fn(async (base: ProjectRecord, patch) => {
      if (base.version !== stored.version) throw Object.assign(new Error('Not saved: the name was changed in another tab.'), { why: 'conflict' });
      stored = { ...stored, ...patch, version: stored.version + 1 };
      return stored;
    }),
    saveCaptionLook: async (base) => base,
    saveLog: async (base) => base,
    onChange: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
    failure: (e) => (e as { why?: 'conflict' | 'deleted' }).why ?? 'other',
    release: vi.fn(),
  };
  return {
    storage,
    /** Another tab commits `next`. */
    otherTab: (next: ProjectRecord) => {
      stored = next;
      listener?.({ id: next.id, version: next.version });
    },
    deleteElsewhere: () => listener?.({ id: 'p1', deleted: true }),
  };
}

const ready = (store: ProjectStore) => {
  const s = store.snapshot.state;
  if (s.status !== 'ready') throw new Error(`not ready: ${s.status}`);
  return s;
};

describe('ProjectStore', () => {
  it('shows a write at once and stores it one version on', async () => {
    const fake = fakeStorage(record(1));
    const store = new ProjectStore('p1', fake.storage);
    await store.start();
    const saved = store.save({ name: 'renamed' });
    expect(ready(store).project.name).toBe('renamed');
    expect(await saved).toBe(true);
    expect(ready(store).project.version).toBe(2);
    expect(store.snapshot.notice).toBeNull();
  });

  it('a reload that read an older version than this tab holds changes nothing (no false "changed in another tab")', async () => {
    const fake = fakeStorage(record(1));
    const store = new ProjectStore('p1', fake.storage);
    await store.start();
    // A tab shown again starts a reload; its read answers with version 1 only after our write stored version 2.
    let answer: (v: { project: ProjectRecord; log: undefined }) => void = () => undefined;
    vi.mocked(fake.storage.open).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const refreshed = store.refresh();
    await store.save({ name: 'mine' });
    answer({ project: record(1), log: undefined });
    await refreshed;
    expect(store.snapshot.notice).toBeNull();
    expect(ready(store).project).toMatchObject({ version: 2, name: 'mine' });
  });

  it("shows another tab's newer version and says so", async () => {
    const fake = fakeStorage(record(1));
    const store = new ProjectStore('p1', fake.storage);
    await store.start();
    fake.otherTab(record(2, 'from the other tab'));
    await vi.waitFor(() => expect(ready(store).project.name).toBe('from the other tab'));
    expect(store.snapshot.notice?.message).toContain('changed in another tab');
  });

  it('a write refused for a clash says why and shows the stored version', async () => {
    const fake = fakeStorage(record(1));
    const store = new ProjectStore('p1', { ...fake.storage, onChange: () => () => undefined });
    await store.start();
    fake.otherTab(record(2, 'theirs'));
    expect(await store.save({ name: 'mine' })).toBe(false);
    expect(store.snapshot.notice).toMatchObject({ kind: 'error' });
    expect(store.snapshot.notice?.message).toContain('make your change again');
    expect(ready(store).project.name).toBe('theirs');
  });

  it('deleted in another tab: deleted, nothing held, media let go; writes store nothing', async () => {
    const fake = fakeStorage(record(1));
    const store = new ProjectStore('p1', fake.storage);
    await store.start();
    fake.deleteElsewhere();
    expect(store.snapshot.state.status).toBe('deleted');
    expect(fake.storage.release).toHaveBeenCalled();
    expect(await store.save({ name: 'too late' })).toBe(false);
    expect(fake.storage.update).not.toHaveBeenCalled();
  });

  it('shows the log with the product list’s names, the same log object across other saves', async () => {
    const fake = fakeStorage(record(1));
    const log = { fileName: 'clicks.csv', products: [{ id: '1729' }, { id: '1730', name: 'Blender (log)' }] } as unknown as ClickLog;
    fake.storage.open = vi.fn(async () => ({ project: record(1), log }));
    const store = new ProjectStore('p1', fake.storage);
    await store.start();
    expect(ready(store).log).toBe(log);
    await store.save({ productList: { fileName: 'products.csv', products: [{ id: '1729', name: 'Velora Glow Serum', price: '$45' }] } });
    const named = ready(store).log;
    expect(named?.products).toEqual([
      { id: '1729', name: 'Velora Glow Serum', price: '$45' },
      { id: '1730', name: 'Blender (log)' },
    ]);
    await store.save({ name: 'renamed' });
    expect(ready(store).log).toBe(named);
    // A log added beside it is merged with the log as stored, not with the list's names baked in.
    expect(store.storedLog).toBe(log);
  });
});
