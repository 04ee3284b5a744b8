import { announceShorts } from './changes';
import { openStudioDB } from './db';
import { StorageError } from './errors';
import { guarded, inProject } from './projects';
import type { SavedShort } from './shortRecord';

export type { SavedShort } from './shortRecord';

/**
 * Keeps a rendered short: its record and its MP4 in one transaction, and only while its project
 * exists (a render that ends after its project was deleted writes nothing). Returns the MP4 as
 * stored — a Blob on disk — so the caller can let go of the rendered copy in memory.
 */
export function saveShort(short: SavedShort, mp4: Blob): Promise<Blob> {
  return guarded(
    async () => {
      await inProject(short.projectId, ['shorts', 'shortFiles'], async (tx) => {
        await tx.objectStore('shortFiles').add({ id: short.id, blob: mp4 });
        await tx.objectStore('shorts').add(short);
      });
      announceShorts(short.projectId);
      return getShortFile(short.id);
    },
    { what: 'The short', bytes: () => mp4.size + (short.poster?.size ?? 0) },
  );
}

/** A project's shorts, newest first (records only: no MP4 is read). */
export function listShorts(projectId: string): Promise<SavedShort[]> {
  return guarded(async () => (await (await openStudioDB()).getAllFromIndex('shorts', 'byProject', projectId)).sort((a, b) => b.createdAt - a.createdAt));
}

/** The MP4 of a short (on disk until read). */
export function getShortFile(id: string): Promise<Blob> {
  return guarded(async () => {
    const file = await (await openStudioDB()).get('shortFiles', id);
    if (!file) throw new StorageError('This short is no longer stored (it was deleted, perhaps in another tab).', 'not-found');
    return file.blob;
  });
}

/** The short's own post text; the MP4 is not touched. */
export function setShortPost(id: string, postText: string): Promise<void> {
  return guarded(async () => {
    const tx = (await openStudioDB()).transaction('shorts', 'readwrite');
    const short = await tx.store.get(id);
    if (!short) throw new StorageError('This short is no longer stored (it was deleted, perhaps in another tab).', 'not-found');
    await tx.store.put({ ...short, postText });
    await tx.done;
    announceShorts(short.projectId);
  });
}

/** The record and its MP4 together; the browser frees the file once no page holds the Blob. */
export function deleteShort(short: Pick<SavedShort, 'id' | 'projectId'>): Promise<void> {
  return guarded(async () => {
    const tx = (await openStudioDB()).transaction(['shorts', 'shortFiles'], 'readwrite');
    await Promise.all([tx.objectStore('shorts').delete(short.id), tx.objectStore('shortFiles').delete(short.id), tx.done]);
    announceShorts(short.projectId);
  });
}

export interface ShortsUsage {
  count: number;
  /** The MP4s and their posters. */
  bytes: number;
}

/** How many shorts each project keeps and what they take, from the records alone. */
export function shortsUsage(): Promise<Map<string, ShortsUsage>> {
  return guarded(async () => {
    const usage = new Map<string, ShortsUsage>();
    for (const s of await (await openStudioDB()).getAll('shorts')) {
      const u = usage.get(s.projectId) ?? { count: 0, bytes: 0 };
      usage.set(s.projectId, { count: u.count + 1, bytes: u.bytes + s.size + (s.poster?.size ?? 0) });
    }
    return usage;
  });
}
