/**
 * What of the app is kept for offline use, and the downloads that keep it (issue 22): the shell
 * is precached by the service worker on the first visit; the on-demand groups (video engine,
 * speech model, sample) are fetched on first use, or all at once when the user asks.
 */
import { type AssetGroup, type AssetGroupId, missingBytes, offlineReady, type Readiness } from '../../domain/offline';
import { messageOf } from '../../domain/errors/messageOf';
import { Store } from './store';

export interface OfflineState {
  /** The service worker has precached the shell. */
  shell: boolean;
  cached: Readiness;
  /** The core flow works with the network off. */
  ready: boolean;
  /** A download running: what it is, bytes so far of all it fetches. */
  download?: { label: string; loaded: number; total: number };
  error?: string;
}

/** How the store reaches Cache Storage and the service worker (fakes in tests). */
export interface OfflineIo {
  isCached(group: AssetGroup): Promise<boolean>;
  /** Resolves to whether all of `group` is kept (a full storage refuses it: the app works on, not offline). */
  fetchIntoCache(group: AssetGroup, onBytes: (bytes: number) => void, signal?: AbortSignal): Promise<boolean>;
  shellCached(): Promise<boolean>;
}

export class OfflineStore extends Store<OfflineState> {
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly groups: readonly AssetGroup[],
    /** The groups the core flow needs in this browser (domain/offline.ts coreGroups). */
    readonly core: readonly AssetGroupId[],
    private readonly io: OfflineIo,
  ) {
    super({ shell: false, cached: {}, ready: false });
  }

  #set(change: Partial<OfflineState>): void {
    const next = { ...this.snapshot, ...change };
    this.update({ ...change, ready: offlineReady(next.shell, next.cached, this.core) });
  }

  /** Reads what is cached now. */
  async refresh(): Promise<void> {
    const cached: Readiness = {};
    for (const g of this.groups) cached[g.id] = await this.io.isCached(g);
    this.#set({ shell: await this.io.shellCached(), cached });
  }

  /** Bytes "Keep everything" would fetch. */
  get missingBytes(): number {
    return missingBytes(this.groups, this.snapshot.cached);
  }

  /** Fetches the groups `ids` name that are not cached, one download at a time (queued), with progress in bytes. */
  #fetch(ids: readonly AssetGroupId[], label: string, signal?: AbortSignal): Promise<void> {
    const run = this.#queue.then(() => this.#download(ids, label, signal));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #download(ids: readonly AssetGroupId[], label: string, signal?: AbortSignal): Promise<void> {
    const todo: AssetGroup[] = [];
    for (const g of this.groups) {
      if (!ids.includes(g.id) || this.snapshot.cached[g.id] === true) continue;
      // Kept before this page read the cache (another tab, the service worker): no download to show.
      if (await this.io.isCached(g)) this.#set({ cached: { ...this.snapshot.cached, [g.id]: true } });
      else todo.push(g);
    }
    if (todo.length === 0) return;
    const total = todo.reduce((n, g) => n + g.bytes, 0);
    let loaded = 0;
    this.#set({ download: { label, loaded, total }, error: undefined });
    try {
      for (const g of todo) {
        const kept = await this.io.fetchIntoCache(
          g,
          (bytes) => {
            loaded += bytes;
            this.#set({ download: { label, loaded, total } });
          },
          signal,
        );
        this.#set({ cached: { ...this.snapshot.cached, [g.id]: kept } });
      }
      this.#set({ download: undefined });
    } catch (err) {
      this.#set({ download: undefined, error: signal?.aborted ? undefined : `${label} stopped: ${messageOf(err)}` });
      throw err;
    }
  }

  /** A group's files before its first use (the video engine before ffmpeg loads). */
  ensure(id: AssetGroupId, signal?: AbortSignal): Promise<void> {
    const g = this.groups.find((x) => x.id === id);
    return this.#fetch([id], `Downloading the ${g?.label.toLowerCase() ?? id} (first use)`, signal);
  }

  /** Everything at once, for offline use. */
  keepEverything(signal?: AbortSignal): Promise<void> {
    return this.#fetch(
      this.groups.map((g) => g.id),
      'Keeping everything for offline use',
      signal,
    );
  }
}
