import { describe, expect, it } from 'vitest';
import { type OfflineIo, OfflineStore } from '../../src/app/stores/offlineStore';
import { type AssetGroup, coreGroups, missingBytes, offlineReady } from '../../src/domain/offline';

const GROUPS: AssetGroup[] = [
  { id: 'engine', label: 'Video engine', use: 'cutting', urls: ['core.js', 'core.wasm'], bytes: 300 },
  { id: 'speech', label: 'Speech model', use: 'captions', urls: ['model.onnx'], bytes: 500 },
  { id: 'sample', label: 'Sample video', use: 'the sample', urls: ['sample.mp4'], bytes: 100 },
];

/** Cache Storage and the network as a map: each file arrives in two chunks. */
function fakeIo(shell = true, fail?: string, full?: string): OfflineIo & { kept: Set<string>; fetched: string[] } {
  const kept = new Set<string>();
  const fetched: string[] = [];
  return {
    kept,
    fetched,
    isCached: async (g) => g.urls.every((u) => kept.has(u)),
    shellCached: async () => shell,
    fetchIntoCache: async (g, onBytes, signal) => {
      for (const url of g.urls) {
        if (kept.has(url)) continue;
        if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
        if (url === fail) throw new Error('Failed to fetch');
        fetched.push(url);
        const size = g.bytes / g.urls.length;
        onBytes(size / 2);
        onBytes(size / 2);
        if (url !== full) kept.add(url);
      }
      return g.urls.every((u) => kept.has(u));
    },
  };
}

describe('what is kept for offline use', () => {
  it('offline-ready needs the shell, and the video engine where the browser cannot render itself; the speech model and sample are extras', () => {
    const core = coreGroups(false);
    expect(offlineReady(true, { engine: true }, core)).toBe(true);
    expect(offlineReady(false, { engine: true, speech: true, sample: true }, core)).toBe(false);
    expect(offlineReady(true, { speech: true, sample: true }, core)).toBe(false);
    // A browser with WebCodecs renders, cuts and mixes with the shell alone.
    expect(offlineReady(true, {}, coreGroups(true))).toBe(true);
    expect(offlineReady(false, { engine: true }, coreGroups(true))).toBe(false);
    expect(missingBytes(GROUPS, { engine: true })).toBe(600);
  });

  it('the video engine is fetched on first use, once, with progress in bytes', async () => {
    const io = fakeIo();
    const store = new OfflineStore(GROUPS, coreGroups(false), io);
    await store.refresh();
    expect(store.snapshot).toMatchObject({ shell: true, ready: false, cached: { engine: false, speech: false, sample: false } });
    const seen: Array<[number, number]> = [];
    store.subscribe(() => store.snapshot.download && seen.push([store.snapshot.download.loaded, store.snapshot.download.total]));
    await Promise.all([store.ensure('engine'), store.ensure('engine')]);
    expect(io.fetched).toEqual(['core.js', 'core.wasm']);
    // Every chunk moves it on, from nothing to all of the engine's bytes.
    expect(seen[0]).toEqual([0, 300]);
    expect(new Set(seen.map(([loaded]) => loaded))).toEqual(new Set([0, 75, 150, 225, 300]));
    expect(seen.every(([loaded], i) => i === 0 || loaded >= seen[i - 1]![0])).toBe(true);
    expect(store.snapshot).toMatchObject({ ready: true, cached: { engine: true, speech: false } });
    expect(store.snapshot.download).toBeUndefined();
    expect(store.missingBytes).toBe(600);
  });

  it('"Keep everything" fetches what is missing; a failure says what stopped and keeps what was fetched', async () => {
    const io = fakeIo(true, 'sample.mp4');
    const store = new OfflineStore(GROUPS, coreGroups(false), io);
    await store.refresh();
    await store.ensure('engine');
    await expect(store.keepEverything()).rejects.toThrow('Failed to fetch');
    expect(io.fetched).toEqual(['core.js', 'core.wasm', 'model.onnx']);
    expect(store.snapshot.cached).toMatchObject({ engine: true, speech: true, sample: false });
    expect(store.snapshot.error).toBe('Keeping everything for offline use stopped: Failed to fetch');
    expect(store.snapshot.download).toBeUndefined();
  });

  it('a full storage that refuses a file: no error, the app goes on, the part is not kept', async () => {
    const store = new OfflineStore(GROUPS, coreGroups(false), fakeIo(true, undefined, 'core.wasm'));
    await store.ensure('engine');
    expect(store.snapshot).toMatchObject({ ready: false, cached: { engine: false } });
    expect(store.snapshot.error).toBeUndefined();
  });

  it('a cancelled download is no error, and nothing is marked kept', async () => {
    const store = new OfflineStore(GROUPS, coreGroups(false), fakeIo());
    const abort = new AbortController();
    abort.abort();
    await expect(store.keepEverything(abort.signal)).rejects.toThrow();
    expect(store.snapshot.error).toBeUndefined();
    expect(store.snapshot.cached.engine).not.toBe(true);
  });
});
