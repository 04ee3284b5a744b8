import { openDB, type IDBPDatabase } from 'idb';
import { DEFAULT_SELECTION, type SelectionOptions } from '../domain/events';
import { DB_NAME, DB_VERSION, type StudioDB } from './schema';

export class StorageError extends Error {
  constructor(
    message: string,
    readonly code: 'quota' | 'unavailable' | 'not-found' | 'unknown',
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Maps IndexedDB's DOMExceptions to messages a user can act on. */
export function storageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError(
      'The browser refused to store this project: storage is full. Delete old projects or free disk space, then try again.',
      'quota',
    );
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new StorageError(`Browser storage failed: ${detail}`, 'unknown');
}

let dbPromise: Promise<IDBPDatabase<StudioDB>> | undefined;

/** Migrations run in order; each `case` upgrades from that version to the next. */
export function openStudioDB(): Promise<IDBPDatabase<StudioDB>> {
  dbPromise ??= openDB<StudioDB>(DB_NAME, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      // Each step upgrades from the version before it; a new database runs them all.
      if (oldVersion < 1) {
        const projects = db.createObjectStore('projects', { keyPath: 'id' });
        projects.createIndex('byUpdated', 'updatedAt');
        db.createObjectStore('recordings', { keyPath: 'projectId' });
        db.createObjectStore('logs', { keyPath: 'projectId' });
        db.createObjectStore('picks', { keyPath: 'projectId' });
      }
      if (oldVersion < 2) {
        // v2: adaptive clip lengths replace the fixed window; picks gain their explanation.
        db.createObjectStore('loudness', { keyPath: 'projectId' });
        await tx.objectStore('picks').clear();
        for (let c = await tx.objectStore('projects').openCursor(); c; c = await c.continue()) {
          await c.update({ ...c.value, selection: migrateSelection(c.value.selection) });
        }
      }
      if (oldVersion < 3) {
        db.createObjectStore('edits', { keyPath: 'key' }).createIndex('byProject', 'projectId');
      }
    },
    blocking() {
      // A newer tab wants to upgrade: let it, this tab reopens on next use.
      void dbPromise?.then((db) => db.close());
      dbPromise = undefined;
    },
  }).catch((err: unknown) => {
    dbPromise = undefined;
    throw new StorageError(
      `IndexedDB is not available (${err instanceof Error ? err.message : String(err)}). Private windows in some browsers disable it.`,
      'unavailable',
    );
  });
  return dbPromise;
}

/** v1 stored `{ windowSec, topN, weights }`; keep what still applies, default the rest. */
export function migrateSelection(old: Partial<SelectionOptions> & { windowSec?: number }): SelectionOptions {
  return {
    ...DEFAULT_SELECTION,
    ...(old.topN !== undefined && { topN: old.topN }),
    ...(old.weights !== undefined && { weights: { ...DEFAULT_SELECTION.weights, ...old.weights } }),
  };
}
