import type { IDBPTransaction, StoreNames } from 'idb';
import type { ClickLog } from '../domain/clicklog/model';
import type { Highlight } from '../domain/selection/model';
import type { CaptionLook } from '../domain/edit/captionStyle';
import type { ClipEdit } from '../domain/edit/model';
import { mergeEdit, sameEditValue } from '../domain/edit/mergeEdit';
import type { Loudness } from '../domain/recording/loudness';
import { announce, announceEdit, announceShorts } from './changes';
import { openStudioDB } from './db';
import { deletedError, spaceError, StorageError, storageError } from './errors';
import { STORES, type ProjectRecord, type StudioDB } from './schema';
import { rebase, type ProjectPatch } from './versions';

type Store = StoreNames<StudioDB>;
type WriteTx<S extends Store> = IDBPTransaction<StudioDB, S[], 'readwrite'>;

/** Runs storage work with errors mapped to ours; a write refused for space says what and how much. */
export async function guarded<T>(work: () => Promise<T>, refused?: { what: string; bytes: () => number }): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const mapped = storageError(err);
    throw mapped.code === 'quota' && refused ? await spaceError(refused.what, refused.bytes()) : mapped;
  }
}

/**
 * Ends a readwrite transaction: commits, or aborts so nothing of it is kept. The transaction's
 * own error says why it failed (a QuotaExceededError reaches its requests only as AbortError).
 */
async function finish<S extends Store, R>(tx: WriteTx<S>, work: () => Promise<R>): Promise<R> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (err) {
    if (!tx.error) {
      try {
        tx.abort();
      } catch {
        // Already finished: nothing left to undo.
      }
    }
    await tx.done.catch(() => undefined);
    throw tx.error ?? err;
  }
}

/**
 * One readwrite transaction over `stores` and the project's record, which it checks first: a write
 * for a project deleted meanwhile (in this or another tab) writes nothing, so it never comes back.
 */
export async function inProject<S extends Store, R>(
  projectId: string,
  stores: S[],
  work: (tx: WriteTx<S | 'projects'>, current: ProjectRecord) => Promise<R>,
): Promise<R> {
  const tx = (await openStudioDB()).transaction<Array<S | 'projects'>, 'readwrite'>([...stores, 'projects'], 'readwrite');
  return finish(tx, async () => {
    const current = await tx.objectStore('projects').get(projectId);
    if (!current) throw deletedError();
    return work(tx, current);
  });
}

const logSummary = (log: ClickLog): NonNullable<ProjectRecord['log']> => ({
  fileName: log.fileName,
  events: log.events.time.length,
  products: log.products.length,
  rejectedCount: log.rejectedCount,
});

/** About what a log takes in storage: its event columns, products and kept rejected rows. */
function logBytes(log: ClickLog): number {
  const e = log.events;
  return e.time.byteLength + e.absolute.byteLength + e.kind.byteLength + e.product.byteLength + JSON.stringify([log.products, log.rejected]).length;
}

export function listProjects(): Promise<ProjectRecord[]> {
  return guarded(async () => (await (await openStudioDB()).getAllFromIndex('projects', 'byUpdated')).reverse());
}

/** The record and its log, read together so the summary and the log always agree. */
export function openProject(id: string): Promise<{ project: ProjectRecord; log: ClickLog | undefined }> {
  return guarded(async () => {
    const tx = (await openStudioDB()).transaction(['projects', 'logs']);
    const [project, log] = await Promise.all([tx.objectStore('projects').get(id), tx.objectStore('logs').get(id)]);
    if (!project) throw new StorageError('This project no longer exists.', 'not-found');
    return { project, log: log?.log };
  });
}

export type NewProject = Omit<ProjectRecord, 'version' | 'log'>;

/**
 * An import: the record, its recording and its log in ONE transaction, so a failure (storage
 * full, tab closed) leaves nothing behind — never a project without its log or recording.
 */
export function createProject(fields: NewProject, recording: Blob, log?: ClickLog): Promise<ProjectRecord> {
  const project: ProjectRecord = { ...fields, version: 1, ...(log && { log: logSummary(log) }) };
  return guarded(
    async () => {
      const tx = (await openStudioDB()).transaction(['projects', 'recordings', 'logs'], 'readwrite');
      await finish(tx, async () => {
        await tx.objectStore('recordings').add({ projectId: project.id, blob: recording });
        if (log) await tx.objectStore('logs').add({ projectId: project.id, log });
        await tx.objectStore('projects').add(project);
      });
      announce({ id: project.id, version: project.version });
      return project;
    },
    { what: 'The project', bytes: () => recording.size + (log ? logBytes(log) : 0) + JSON.stringify(project).length },
  );
}

/**
 * Writes `patch`, made against `base` (the record as this tab read it). A newer stored version is
 * merged or refused by `rebase`; a deleted project stays deleted. Returns the stored record.
 */
export function updateProject(base: ProjectRecord, patch: ProjectPatch): Promise<ProjectRecord> {
  return guarded(async () => {
    const next = await inProject(base.id, [], async (tx, current) => {
      const next = rebase(base, current, patch, Date.now());
      await tx.objectStore('projects').put(next);
      return next;
    });
    announce({ id: next.id, version: next.version });
    return next;
  });
}

/** Replaces the log, drops its picks and updates the summary atomically (the offset lined up the old log). */
export function saveLog(base: ProjectRecord, log: ClickLog): Promise<ProjectRecord> {
  return guarded(
    async () => {
      const next = await inProject(base.id, ['logs', 'picks'], async (tx, current) => {
        const next = rebase(base, current, { log: logSummary(log), offsetSec: undefined }, Date.now());
        await tx.objectStore('logs').put({ projectId: base.id, log });
        await tx.objectStore('picks').delete(base.id);
        await tx.objectStore('projects').put(next);
        return next;
      });
      announce({ id: next.id, version: next.version });
      return next;
    },
    { what: 'The new click log', bytes: () => logBytes(log) },
  );
}

export function getRecording(projectId: string): Promise<Blob> {
  return guarded(async () => {
    const r = await (await openStudioDB()).get('recordings', projectId);
    if (!r) throw new StorageError('The recording of this project is missing from browser storage.', 'not-found');
    return r.blob;
  });
}

export function getPicks(projectId: string): Promise<Highlight[] | undefined> {
  return guarded(async () => (await (await openStudioDB()).get('picks', projectId))?.picks);
}

/** Picks are derived (any open view recomputes them), so they carry no version; they never outlive their project. */
export function savePicks(projectId: string, picks: Highlight[]): Promise<void> {
  return guarded(() => inProject(projectId, ['picks'], async (tx) => void (await tx.objectStore('picks').put({ projectId, picks, computedAt: Date.now() }))));
}

export function getLoudness(projectId: string): Promise<Loudness | undefined> {
  return guarded(async () => (await (await openStudioDB()).get('loudness', projectId))?.loudness);
}

export function saveLoudness(projectId: string, loudness: Loudness): Promise<void> {
  return guarded(() => inProject(projectId, ['loudness'], async (tx) => void (await tx.objectStore('loudness').put({ projectId, loudness }))));
}

/** The key of a clip's edit row, also what edit change signals name. */
export const editKey = (projectId: string, clipKey: string) => `${projectId}/${clipKey}`;

/** A clip's stored edit and its version (1 and up; rows from before versions count as 1). */
export interface StoredEdit {
  edit: ClipEdit;
  version: number;
}
/** The version a tab that found no stored edit names as its base. */
export const NO_EDIT = 0;
const versionOf = (row: { version?: number } | undefined) => (row ? (row.version ?? 1) : NO_EDIT);

export async function getStoredEdit(projectId: string, clipKey: string): Promise<StoredEdit | undefined> {
  const row = await guarded(async () => (await openStudioDB()).get('edits', editKey(projectId, clipKey)));
  return row && { edit: row.edit, version: versionOf(row) };
}

export async function getEdit(projectId: string, clipKey: string): Promise<ClipEdit | undefined> {
  return (await getStoredEdit(projectId, clipKey))?.edit;
}

/**
 * Stores a clip's edit, one version on, and tells other tabs. With `base` (the edit as this tab
 * read or last saved it) a newer stored version is merged with it part by part (mergeEdit), or
 * the write is refused when both changed the same part; `merged` says the stored edit is not
 * exactly `edit`. Without `base`, the edit replaces whatever is stored.
 */
export async function saveEdit(projectId: string, clipKey: string, edit: ClipEdit, base?: StoredEdit): Promise<StoredEdit & { merged: boolean }> {
  const key = editKey(projectId, clipKey);
  const saved = await guarded(() =>
    inProject(projectId, ['edits'], async (tx) => {
      const store = tx.objectStore('edits');
      const row = await store.get(key);
      const version = versionOf(row) + 1;
      let next = edit;
      if (base && row && versionOf(row) !== base.version) {
        const m = mergeEdit(base.edit, edit, row.edit);
        if (!m.ok) throw new StorageError(`Not saved: ${m.clash} of this clip was changed in another tab after this tab read it.`, 'conflict');
        next = m.edit;
      }
      await store.put({ key, projectId, edit: next, version });
      // The same edit from both sides ("Use for all clips" wrote this clip's look too) is no merge to tell about.
      return { edit: next, version, merged: !sameEditValue(next, edit) };
    }),
  );
  announceEdit({ editOf: key, version: saved.version });
  return saved;
}

/**
 * Makes `look` the project's caption look: its default for new clips and, in the same
 * transaction, the look of every clip edit already stored ("Use for all clips").
 */
export function saveCaptionLook(base: ProjectRecord, look: CaptionLook): Promise<ProjectRecord> {
  return guarded(async () => {
    const next = await inProject(base.id, ['edits'], async (tx, current) => {
      const next = rebase(base, current, { captionLook: look }, Date.now());
      const edits = tx.objectStore('edits');
      for (const row of await edits.index('byProject').getAll(base.id)) {
        await edits.put({ ...row, edit: { ...row.edit, captions: { ...row.edit.captions, ...look } }, version: versionOf(row) + 1 });
      }
      await tx.objectStore('projects').put(next);
      return next;
    });
    announce({ id: next.id, version: next.version });
    return next;
  });
}

export async function deleteEdit(projectId: string, clipKey: string): Promise<void> {
  await guarded(async () => (await openStudioDB()).delete('edits', editKey(projectId, clipKey)));
  announceEdit({ editOf: editKey(projectId, clipKey), version: NO_EDIT });
}

/** Every store's rows of the project (its shorts and their MP4s too) in one transaction, then a signal so open tabs let go of it. */
export function deleteProject(id: string): Promise<void> {
  return guarded(async () => {
    const tx = (await openStudioDB()).transaction(STORES, 'readwrite');
    const hadShorts = await finish(tx, async () => {
      const edits = tx.objectStore('edits');
      const shorts = tx.objectStore('shorts');
      const chunks = tx.objectStore('transcriptChunks');
      const [editKeys, shortKeys, chunkKeys] = await Promise.all([
        edits.index('byProject').getAllKeys(id),
        shorts.index('byProject').getAllKeys(id),
        chunks.index('byProject').getAllKeys(id),
      ]);
      const byProjectId = STORES.filter((s) => s !== 'edits' && s !== 'shorts' && s !== 'shortFiles' && s !== 'transcriptChunks');
      await Promise.all([
        ...byProjectId.map((s) => tx.objectStore(s).delete(id)),
        ...editKeys.map((k) => edits.delete(k)),
        ...chunkKeys.map((k) => chunks.delete(k)),
        ...shortKeys.flatMap((k) => [shorts.delete(k), tx.objectStore('shortFiles').delete(k)]),
      ]);
      return shortKeys.length > 0;
    });
    announce({ id, deleted: true });
    if (hadShorts) announceShorts(id);
  });
}
