import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DEFAULT_SELECTION, type SelectionOptions } from '../domain/selection/model';
import { StorageError } from './errors';
import { DB_NAME, DB_VERSION, type StudioDB } from './schema';
import { messageOf } from '../domain/errors/messageOf';

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
      if (oldVersion < 4) await addVersions(tx);
      if (oldVersion < 5) {
        // v5: rendered shorts are kept; the MP4s apart from their records.
        db.createObjectStore('shorts', { keyPath: 'id' }).createIndex('byProject', 'projectId');
        db.createObjectStore('shortFiles', { keyPath: 'id' });
      }
      if (oldVersion < 6) {
        // v6: the whole recording's transcript, its plan and its chunks apart (issue 19).
        db.createObjectStore('transcripts', { keyPath: 'projectId' });
        db.createObjectStore('transcriptChunks', { keyPath: 'key' }).createIndex('byProject', 'projectId');
      }
    },
    blocking() {
      // A newer tab wants to upgrade: let it, this tab reopens on next use.
      void dbPromise?.then((db) => db.close());
      dbPromise = undefined;
    },
  }).catch((err: unknown) => {
    dbPromise = undefined;
    throw new StorageError(`IndexedDB is not available (${messageOf(err)}). Private windows in some browsers disable it.`, 'unavailable');
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

type UpgradeTx = IDBPTransaction<StudioDB, StoreNames<StudioDB>[], 'versionchange'>;

/**
 * v4: projects carry a write version. Also sweeps what earlier writes could leave behind: a
 * project written back after its delete has no recording (it can never open), and rows whose
 * project is gone only take space.
 */
async function addVersions(tx: UpgradeTx): Promise<void> {
  const recordings = new Set(await tx.objectStore('recordings').getAllKeys());
  const kept = new Set<string>();
  for (let c = await tx.objectStore('projects').openCursor(); c; c = await c.continue()) {
    if (recordings.has(c.key)) {
      kept.add(c.key);
      await c.update({ ...c.value, version: 1 });
    } else await c.delete();
  }
  // The stores keyed by project id at v4 (later stores do not exist yet during this step).
  for (const store of ['recordings', 'logs', 'picks', 'loudness'] as const) {
    for (const key of await tx.objectStore(store).getAllKeys()) if (!kept.has(key)) await tx.objectStore(store).delete(key);
  }
  for (let c = await tx.objectStore('edits').openCursor(); c; c = await c.continue()) {
    if (!kept.has(c.value.projectId)) await c.delete();
  }
}
