// The whole recording's transcript in IndexedDB (issue 19), against fake-indexeddb: the plan, a
// row per finished chunk, gone with its project; and the v6 migration.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { planChunks } from '../../src/domain/speech/chunks';
import type { ChunkText } from '../../src/domain/speech/recordingTranscript';
import { DB_NAME, type TranscriptPlan } from '../../src/storage/schema';
import { newProject } from './projectFixture';

async function storage() {
  const [projects, transcripts] = await Promise.all([import('../../src/storage/projects'), import('../../src/storage/transcripts')]);
  return { ...projects, ...transcripts };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
});

const plan = (projectId: string): TranscriptPlan => ({
  projectId,
  modelId: 'moonshine-tiny',
  durationSec: 100,
  chunks: planChunks(100),
  paused: false,
  createdAt: 1,
});
const chunk = (index: number): ChunkText => ({
  index,
  start: index * 30,
  end: index * 30 + 30,
  segments: [{ start: index * 30 + 1, end: index * 30 + 2, parts: [], text: `chunk ${index}` }],
});

describe('transcript storage', () => {
  it('keeps the plan and each chunk as it is stored, read back in order (also past index 9)', async () => {
    const s = await storage();
    await s.createProject(newProject('p1', 100), new Blob(['rec']));
    await s.startTranscript(plan('p1'));
    for (const i of [10, 0, 2, 1]) await s.saveChunk('p1', chunk(i));
    expect((await s.getTranscriptPlan('p1'))?.chunks).toHaveLength(3);
    expect((await s.getChunks('p1')).map((c) => c.index)).toEqual([0, 1, 2, 10]);
    expect((await s.getChunks('p1', 1, 2)).map((c) => c.index)).toEqual([1, 2]);
    await s.setTranscriptPaused('p1', true);
    expect((await s.getTranscriptPlan('p1'))?.paused).toBe(true);
  });

  it('takes no chunk for a transcript discarded or a project deleted meanwhile, and a new start clears the old chunks', async () => {
    const s = await storage();
    await s.createProject(newProject('p1', 100), new Blob(['rec']));
    await s.startTranscript(plan('p1'));
    await s.saveChunk('p1', chunk(0));
    await s.startTranscript(plan('p1'));
    expect(await s.getChunks('p1')).toEqual([]);
    await s.discardTranscript('p1');
    await expect(s.saveChunk('p1', chunk(0))).rejects.toMatchObject({ code: 'deleted' });
    await s.deleteProject('p1');
    await expect(s.startTranscript(plan('p1'))).rejects.toMatchObject({ code: 'deleted' });
  });

  it('goes with its project, and only its own', async () => {
    const s = await storage();
    for (const id of ['p1', 'p10']) {
      await s.createProject(newProject(id, 100), new Blob(['rec']));
      await s.startTranscript(plan(id));
      await s.saveChunk(id, chunk(0));
      await s.saveChunk(id, chunk(1));
    }
    await s.deleteProject('p1');
    expect(await s.getTranscriptPlan('p1')).toBeUndefined();
    expect(await s.getChunks('p1')).toEqual([]);
    expect((await s.getChunks('p10')).map((c) => c.projectId)).toEqual(['p10', 'p10']);
  });
});

describe('v6 migration', () => {
  it('adds the transcript stores to a v5 database and keeps its projects', async () => {
    const old = await openDB(DB_NAME, 5, {
      upgrade(db) {
        db.createObjectStore('projects', { keyPath: 'id' }).createIndex('byUpdated', 'updatedAt');
        for (const name of ['recordings', 'logs', 'picks', 'loudness'] as const) db.createObjectStore(name, { keyPath: 'projectId' });
        db.createObjectStore('edits', { keyPath: 'key' }).createIndex('byProject', 'projectId');
        db.createObjectStore('shorts', { keyPath: 'id' }).createIndex('byProject', 'projectId');
        db.createObjectStore('shortFiles', { keyPath: 'id' });
      },
    });
    await old.put('projects', { ...newProject('kept', 100), version: 2 });
    await old.put('recordings', { projectId: 'kept', blob: new Blob(['rec']) });
    old.close();

    const s = await storage();
    expect(await s.listProjects()).toEqual([expect.objectContaining({ id: 'kept', version: 2 })]);
    await s.startTranscript(plan('kept'));
    await s.saveChunk('kept', chunk(0));
    expect(await s.getChunks('kept')).toHaveLength(1);
  });
});
