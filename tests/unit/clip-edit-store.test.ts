// Issue 18: the clip-edit store (undo, debounced save, flush, versions across tabs), the merge it
// relies on, and the versioned edit rows in storage (fake-indexeddb: real transactions).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipEditStore, SAVE_DELAY_MS, type ClipEditStorage } from '../../src/app/stores/clipEditStore';
import { mergeEdit } from '../../src/domain/edit/mergeEdit';
import { autoEdit, type ClipEdit } from '../../src/domain/edit/model';
import { DEFAULT_HASHTAGS } from '../../src/domain/edit/postText';
import type { StoredEdit } from '../../src/storage/projects';
import { newProject } from './projectFixture';

const auto = (): ClipEdit => autoEdit({ pick: { start: 0, end: 20 }, product: { id: 'P1', name: 'Mug', price: '9.00' }, hashtags: DEFAULT_HASHTAGS });
const withPost = (e: ClipEdit, post: string): ClipEdit => ({ ...e, post });
const withPrice = (e: ClipEdit, price: string): ClipEdit => ({ ...e, intro: { ...e.intro, price } });

describe('mergeEdit: two tabs, one clip', () => {
  it('keeps both when they changed different parts, nested fields included', () => {
    const base = auto();
    const m = mergeEdit(base, withPost(base, 'mine'), withPrice(base, '5.00'));
    expect(m).toEqual({ ok: true, edit: withPrice(withPost(base, 'mine'), '5.00') });
    const name = { ...base, intro: { ...base.intro, name: 'Cup' } };
    expect(mergeEdit(base, name, withPrice(base, '5.00'))).toMatchObject({ ok: true, edit: { intro: { name: 'Cup', price: '5.00' } } });
  });
  it('names the part both changed differently; the same change twice is no clash', () => {
    const base = auto();
    expect(mergeEdit(base, withPost(base, 'a'), withPost(base, 'b'))).toEqual({ ok: false, clash: 'the post text' });
    expect(mergeEdit(base, withPost(base, 'a'), withPost(base, 'a'))).toMatchObject({ ok: true });
    const sticker = { key: 's1', stickerId: 'sale', from: 0, to: 2, layout: { x: 1, y: 2, scale: 1, angle: 0 } };
    expect(mergeEdit(base, { ...base, stickers: [sticker] }, { ...base, stickers: [{ ...sticker, key: 's2' }] })).toEqual({ ok: false, clash: 'the stickers' });
  });
});

/** A clip's edit row shared by "tabs" (stores), with change signals between them. */
function sharedRow(initial?: StoredEdit) {
  let row = initial;
  const listeners = new Set<{ tab: number; fn: (v: number) => void }>();
  const saves: ClipEdit[] = [];
  const storage = (tab: number): ClipEditStorage => ({
    load: async () => row,
    save: async (edit, base) => {
      saves.push(edit);
      let next = edit;
      if (row && row.version !== base.version) {
        const m = mergeEdit(base.edit, edit, row.edit);
        if (!m.ok) throw Object.assign(new Error(`Not saved: ${m.clash} was changed.`), { conflict: true });
        next = m.edit;
      }
      row = { edit: next, version: (row?.version ?? 0) + 1 };
      for (const l of listeners) if (l.tab !== tab) l.fn(row.version);
      return { ...row, merged: next !== edit };
    },
    remove: async () => {
      row = undefined;
    },
    onRemoteChange: (fn) => {
      const l = { tab, fn };
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    failure: (e) => ((e as { conflict?: boolean }).conflict ? 'conflict' : 'other'),
  });
  return { storage, saves, row: () => row };
}

const settle = () => vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);

describe('ClipEditStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts from the stored edit or the auto-edit; saves once after a burst of changes; undo and redo save too', async () => {
    const shared = sharedRow();
    const store = new ClipEditStore(shared.storage(1), auto, () => undefined);
    await store.start();
    expect(store.snapshot.history?.present).toEqual(auto());
    const base = auto();
    store.change(withPost(base, 'a'), 'post');
    store.change(withPost(base, 'ab'), 'post');
    expect(shared.saves).toEqual([]);
    await settle();
    expect(shared.saves.map((e) => e.post)).toEqual(['ab']);
    expect(store.canUndo).toBe(true);
    store.undo();
    await settle();
    expect(shared.row()?.edit.post).toBe(base.post);
    store.redo();
    await settle();
    expect(shared.row()).toMatchObject({ version: 3, edit: { post: 'ab' } });
  });

  it('is fresh while it shows an auto-edit made just now (nothing stored, or reset), until the first change', async () => {
    const shared = sharedRow();
    const store = new ClipEditStore(shared.storage(1), auto, () => undefined);
    expect(store.snapshot.fresh).toBe(false);
    await store.start();
    expect(store.snapshot.fresh).toBe(true);
    store.change(withPost(auto(), 'mine'));
    expect(store.snapshot.fresh).toBe(false);
    await settle();
    const reopened = new ClipEditStore(shared.storage(2), auto, () => undefined);
    await reopened.start();
    expect(reopened.snapshot.fresh).toBe(false);
    await reopened.reset();
    expect(reopened.snapshot.fresh).toBe(true);
  });

  it('flush writes a waiting change at once (pagehide), and dispose does too', async () => {
    const shared = sharedRow();
    const store = new ClipEditStore(shared.storage(1), auto, () => undefined);
    await store.start();
    store.change(withPost(auto(), 'quick'));
    await store.flush();
    expect(shared.row()?.edit.post).toBe('quick');
    store.change(withPost(auto(), 'closing'));
    await store.dispose();
    expect(shared.row()?.edit.post).toBe('closing');
  });

  it('each store saves under its own clip: a store made for clip B never writes clip A', async () => {
    const a = sharedRow();
    const b = sharedRow();
    const storeA = new ClipEditStore(a.storage(1), auto, () => undefined);
    await storeA.start();
    storeA.change(withPost(auto(), 'for A'));
    await storeA.dispose();
    const storeB = new ClipEditStore(b.storage(1), auto, () => undefined);
    await storeB.start();
    storeB.change(withPost(auto(), 'for B'));
    await storeB.dispose();
    expect([a.row()?.edit.post, b.row()?.edit.post]).toEqual(['for A', 'for B']);
  });

  it('two tabs: changes to different parts are both kept, and the idle tab shows the newer edit', async () => {
    const shared = sharedRow({ edit: auto(), version: 1 });
    const tab1 = new ClipEditStore(shared.storage(1), auto, () => undefined);
    const tab2 = new ClipEditStore(shared.storage(2), auto, () => undefined);
    await Promise.all([tab1.start(), tab2.start()]);
    // Both edit before either saves (the lost-update case: each names version 1).
    tab1.change(withPost(auto(), 'post from tab 1'));
    tab2.change({ ...withPrice(auto(), '5.00'), stickers: [{ key: 's', stickerId: 'sale', from: 0, to: 1, layout: { x: 0, y: 0, scale: 1, angle: 0 } }] });
    await settle();
    const stored = shared.row()!.edit;
    expect(stored.post).toBe('post from tab 1');
    expect(stored.intro.price).toBe('5.00');
    expect(stored.stickers).toHaveLength(1);
    // The tab that saved second merged and says so; the other heard of version 3 and shows it.
    await vi.runAllTimersAsync();
    for (const tab of [tab1, tab2]) expect(tab.snapshot.history?.present).toEqual(stored);
    expect([tab1, tab2].map((t) => t.snapshot.notice?.message)).toEqual(
      expect.arrayContaining(['Saved. This clip had also been changed in another tab: both changes are kept.']),
    );
  });

  it('two tabs changing the same part: the later save is refused, said so, and that tab shows the stored edit', async () => {
    const shared = sharedRow({ edit: auto(), version: 1 });
    const tab1 = new ClipEditStore(shared.storage(1), auto, () => undefined);
    const tab2 = new ClipEditStore(shared.storage(2), auto, () => undefined);
    await Promise.all([tab1.start(), tab2.start()]);
    tab1.change(withPost(auto(), 'one'));
    tab2.change(withPost(auto(), 'two'));
    await settle();
    await vi.runAllTimersAsync();
    expect(shared.row()?.edit.post).toBe('one');
    expect(tab2.snapshot.notice).toMatchObject({ kind: 'error' });
    expect(tab2.snapshot.notice?.message).toContain('the post text');
    expect(tab2.snapshot.history?.present.post).toBe('one');
  });

  it('a change made while a merging save is on its way goes on top of the merged edit', async () => {
    const shared = sharedRow({ edit: auto(), version: 1 });
    const other = new ClipEditStore(shared.storage(2), auto, () => undefined);
    // This tab misses the other's signal (asleep): it learns of the newer version from its own save.
    const tab = new ClipEditStore({ ...shared.storage(1), onRemoteChange: () => () => undefined }, auto, () => undefined);
    await Promise.all([other.start(), tab.start()]);
    other.change(withPrice(auto(), '5.00'));
    await other.flush();
    tab.change(withPost(auto(), 'first'));
    const saving = tab.flush();
    tab.change(withPost(auto(), 'second'), 'post');
    await saving;
    await settle();
    expect(shared.row()?.edit).toMatchObject({ post: 'second', intro: { price: '5.00' } });
  });
});

describe('versioned edit rows in storage', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    vi.resetModules();
  });

  it('a save names its base: merged with a newer row, refused on a clash; an unversioned save replaces', async () => {
    const s = await import('../../src/storage/projects');
    await s.createProject(newProject('p1'), new Blob(['rec']));
    const first = await s.saveEdit('p1', 'c', auto(), { edit: auto(), version: s.NO_EDIT });
    expect(first).toMatchObject({ version: 1, merged: false });
    await s.saveEdit('p1', 'c', withPrice(auto(), '5.00'), first);
    const merged = await s.saveEdit('p1', 'c', withPost(auto(), 'mine'), first);
    expect(merged).toMatchObject({ version: 3, merged: true, edit: { post: 'mine', intro: { price: '5.00' } } });
    await expect(s.saveEdit('p1', 'c', withPrice(auto(), '1.00'), first)).rejects.toMatchObject({ code: 'conflict' });
    expect((await s.getStoredEdit('p1', 'c'))?.version).toBe(3);
    expect(await s.saveEdit('p1', 'c', withPost(auto(), 'plain'))).toMatchObject({ version: 4, merged: false });
    // Both sides made the same change (the project's caption look written into every edit): not a merge to report.
    const look = withPrice(withPost(auto(), 'plain'), '2.00');
    await s.saveEdit('p1', 'c', look);
    expect(await s.saveEdit('p1', 'c', look, { edit: withPost(auto(), 'plain'), version: 4 })).toMatchObject({ version: 6, merged: false });
  });
});
