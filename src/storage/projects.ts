import type { ClickLog, Pick } from '../domain/events';
import type { ClipEdit } from '../domain/edit/model';
import type { Loudness } from '../domain/loudness';
import { openStudioDB, StorageError, storageError } from './db';
import { STORES, type ProjectRecord } from './schema';

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw storageError(err);
  }
}

export function listProjects(): Promise<ProjectRecord[]> {
  return guarded(async () => {
    const db = await openStudioDB();
    return (await db.getAllFromIndex('projects', 'byUpdated')).reverse();
  });
}

export function getProject(id: string): Promise<ProjectRecord> {
  return guarded(async () => {
    const p = await (await openStudioDB()).get('projects', id);
    if (!p) throw new StorageError('This project no longer exists.', 'not-found');
    return p;
  });
}

/** Creates a project with its recording in one transaction: both are stored or neither is. */
export function createProject(project: ProjectRecord, recording: Blob): Promise<void> {
  return guarded(async () => {
    const tx = (await openStudioDB()).transaction(['projects', 'recordings'], 'readwrite');
    await Promise.all([
      tx.objectStore('projects').add(project),
      tx.objectStore('recordings').add({ projectId: project.id, blob: recording }),
      tx.done,
    ]);
  });
}

export function updateProject(project: ProjectRecord): Promise<void> {
  return guarded(async () => {
    await (await openStudioDB()).put('projects', { ...project, updatedAt: Date.now() });
  });
}

export function getRecording(projectId: string): Promise<Blob> {
  return guarded(async () => {
    const r = await (await openStudioDB()).get('recordings', projectId);
    if (!r) throw new StorageError('The recording of this project is missing from browser storage.', 'not-found');
    return r.blob;
  });
}

export function getLog(projectId: string): Promise<ClickLog | undefined> {
  return guarded(async () => (await (await openStudioDB()).get('logs', projectId))?.log);
}

/** Replaces the log, drops stale picks and updates the summary atomically. */
export function saveLog(project: ProjectRecord, log: ClickLog): Promise<ProjectRecord> {
  return guarded(async () => {
    const next: ProjectRecord = {
      ...project,
      updatedAt: Date.now(),
      log: {
        fileName: log.fileName,
        events: log.events.time.length,
        products: log.products.length,
        rejectedCount: log.rejectedCount,
      },
    };
    // The stream start belongs to the recording and stays; the offset lined up the old log.
    delete next.offsetSec;
    const tx = (await openStudioDB()).transaction(['projects', 'logs', 'picks'], 'readwrite');
    await Promise.all([
      tx.objectStore('logs').put({ projectId: project.id, log }),
      tx.objectStore('picks').delete(project.id),
      tx.objectStore('projects').put(next),
      tx.done,
    ]);
    return next;
  });
}

export function getPicks(projectId: string): Promise<Pick[] | undefined> {
  return guarded(async () => (await (await openStudioDB()).get('picks', projectId))?.picks);
}

export function savePicks(projectId: string, picks: Pick[]): Promise<void> {
  return guarded(async () => {
    await (await openStudioDB()).put('picks', { projectId, picks, computedAt: Date.now() });
  });
}

export function getLoudness(projectId: string): Promise<Loudness | undefined> {
  return guarded(async () => (await (await openStudioDB()).get('loudness', projectId))?.loudness);
}

export function saveLoudness(projectId: string, loudness: Loudness): Promise<void> {
  return guarded(async () => {
    await (await openStudioDB()).put('loudness', { projectId, loudness });
  });
}

const editKey = (projectId: string, clipKey: string) => `${projectId}/${clipKey}`;

export function getEdit(projectId: string, clipKey: string): Promise<ClipEdit | undefined> {
  return guarded(async () => (await (await openStudioDB()).get('edits', editKey(projectId, clipKey)))?.edit);
}

export function saveEdit(projectId: string, clipKey: string, edit: ClipEdit): Promise<void> {
  return guarded(async () => {
    await (await openStudioDB()).put('edits', { key: editKey(projectId, clipKey), projectId, edit });
  });
}

export function deleteEdit(projectId: string, clipKey: string): Promise<void> {
  return guarded(async () => (await openStudioDB()).delete('edits', editKey(projectId, clipKey)));
}

export function deleteProject(id: string): Promise<void> {
  return guarded(async () => {
    const tx = (await openStudioDB()).transaction(STORES, 'readwrite');
    const edits = tx.objectStore('edits');
    const editKeys = await edits.index('byProject').getAllKeys(id);
    await Promise.all([
      ...STORES.filter((s) => s !== 'edits').map((s) => tx.objectStore(s).delete(id)),
      ...editKeys.map((k) => edits.delete(k)),
      tx.done,
    ]);
  });
}
