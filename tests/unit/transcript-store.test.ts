// Issue 19: the whole recording's transcription (TranscriptStore) on the real job runner, with a
// fake speech engine and an in-memory "database" that outlives each store (a reload or a crash
// is a new store and runner over the same rows).
import { describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner, type JobView } from '../../src/app/jobRunner';
import { LOAD_PHASE, TranscriptStore, type TranscriptDeps, type TranscriptPlanRecord, type TranscriptSource } from '../../src/app/stores/transcriptStore';
import { CancelledError } from '../../src/domain/errors/mediaFailure';
import type { Chunk } from '../../src/domain/speech/chunks';
import type { ChunkText } from '../../src/domain/speech/recordingTranscript';

const source: TranscriptSource = { recording: new Blob(['rec']), fileName: 'rec.mp4', durationSec: 300 };

/** The stored rows, shared by every store of the "project". */
function database() {
  return { plan: undefined as TranscriptPlanRecord | undefined, chunks: new Map<number, ChunkText>(), saves: [] as number[] };
}

/**
 * One page's store over `db`. Its speech engine says one sentence per 10 s of audio and finishes
 * each chunk at once, except from chunk `hangAt` on: that one never finishes (the page is reloaded
 * or closes during it) and ends only when aborted.
 */
function page(db: ReturnType<typeof database>, hangAt = Number.POSITIVE_INFINITY, onChunk?: (index: number) => void) {
  const jobs: JobRunner = createJobRunner({ concurrency: 2, now: () => performance.now() / 1000 });
  const heard: number[] = [];
  const hinted: string[] = [];
  const phases: string[] = [];
  jobs.subscribe(() => {
    const phase = jobs.getSnapshot()[0]?.phase?.name;
    if (phase && phase !== phases.at(-1)) phases.push(phase);
  });
  const deps: TranscriptDeps = {
    modelId: 'moonshine-tiny',
    plan: async () => db.plan && structuredClone(db.plan),
    chunks: async () => [...db.chunks.values()],
    start: async (plan) => {
      db.plan = plan;
      db.chunks.clear();
    },
    setPaused: async (paused) => {
      if (db.plan) db.plan = { ...db.plan, paused };
    },
    save: async (chunk) => {
      if (!db.plan) throw new Error('discarded');
      db.saves.push(chunk.index);
      db.chunks.set(chunk.index, chunk);
    },
    discard: async () => {
      db.plan = undefined;
      db.chunks.clear();
    },
    loadModel: async () => 0,
    transcribe: (s, chunk: Chunk, job) => {
      heard.push(chunk.index);
      hinted.push(s.hints?.names.join(', ') ?? '');
      onChunk?.(chunk.index);
      if (chunk.index >= hangAt) return new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(new CancelledError())));
      const segments = [];
      for (let t = chunk.from; t + 2 <= chunk.to; t += 10)
        segments.push({ start: t + 1, end: t + 2, parts: [{ start: t + 1, end: t + 2 }], text: `At ${t} s.` });
      return Promise.resolve(segments);
    },
    jobs,
  };
  return { store: new TranscriptStore(deps), jobs, heard, hinted, phases };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};
/** Resolves when `jobs` has no job left. */
const idle = (jobs: JobRunner) =>
  new Promise<void>((resolve) => {
    const check = (all: readonly JobView[]) => all.length === 0 && resolve();
    jobs.subscribe(() => check(jobs.getSnapshot()));
  });

/** The stored chunks tile the recording: contiguous from 0 to the end, each once. */
function expectContiguous(db: ReturnType<typeof database>) {
  const chunks = [...db.chunks.values()].sort((a, b) => a.index - b.index);
  expect(chunks.map((c) => c.index)).toEqual(db.plan!.chunks.map((c) => c.index));
  for (const [i, c] of chunks.entries()) expect(c.start).toBe(i === 0 ? 0 : chunks[i - 1]!.end);
  expect(chunks.at(-1)!.end).toBe(source.durationSec);
}

describe('TranscriptStore', () => {
  it('takes the hints of a reopen (a product list added) from the next chunk on, without starting again', async () => {
    const db = database();
    const reopen = (index: number) => index === 2 && store.open({ ...source, recording: new Blob(['rec']), hints: { names: ['Glow Serum', 'Velora'] } });
    const { store, jobs, heard, hinted } = page(db, Number.POSITIVE_INFINITY, reopen);
    store.open(source);
    await settle();
    const finished = idle(jobs);
    store.start();
    await finished;
    expect(heard).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(hinted).toEqual(['', '', '', ...Array(6).fill('Glow Serum, Velora')]);
  });

  it('starts as nothing, then transcribes every chunk once, stored as each finishes, with the model load as its first phase', async () => {
    const db = database();
    const { store, jobs, heard, phases } = page(db);
    store.open(source);
    await settle();
    expect(store.snapshot.status).toBe('none');
    const finished = idle(jobs);
    store.start();
    await finished;
    await settle();
    expect(store.snapshot).toMatchObject({ status: 'done', jobId: null, progress: { chunks: 9, done: 9, coveredSec: 300, durationSec: 300, words: 90 } });
    expect(heard).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(db.saves).toEqual(heard);
    expectContiguous(db);
    // The first chunk's label is set as it starts, then the model loads in it.
    expect(phases.slice(0, 3)).toEqual(['Transcribing 0:00 of 5:00', LOAD_PHASE, 'Transcribing 0:00 of 5:00']);
    expect(phases).toContain('Transcribing 4:00 of 5:00');
  });

  it('after a reload mid-chunk goes on by itself from the first chunk not stored: no chunk lost, none done twice', async () => {
    const db = database();
    const first = page(db, 4);
    first.store.open(source);
    await settle();
    first.store.start();
    await settle();
    expect(first.heard).toEqual([0, 1, 2, 3, 4]);
    expect([...db.chunks.keys()]).toEqual([0, 1, 2, 3]);
    // The page goes (a reload): its job stops, the transcript is not paused.
    first.store.dispose();
    await settle();
    expect(db.plan?.paused).toBe(false);

    const second = page(db);
    const finished = idle(second.jobs);
    second.store.open(source);
    await finished;
    await settle();
    expect(second.heard).toEqual([4, 5, 6, 7, 8]);
    expect(db.saves).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expectContiguous(db);
    expect(second.store.snapshot).toMatchObject({ status: 'done', progress: { done: 9, words: 90 } });
    // The text the selection reads: every chunk once, in recording order, stored ones and new ones.
    expect(second.store.snapshot.texts.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('Cancel pauses it: the chunks done stay, reopening offers to continue, and Continue goes on from there', async () => {
    const db = database();
    const first = page(db, 2);
    first.store.open(source);
    await settle();
    first.store.start();
    await settle();
    first.store.cancel();
    await settle();
    expect(first.store.snapshot).toMatchObject({ status: 'paused', jobId: null, progress: { done: 2, resumeAtSec: 60 } });
    expect(db.plan?.paused).toBe(true);
    first.store.dispose();

    const second = page(db);
    second.store.open(source);
    await settle();
    expect(second.store.snapshot).toMatchObject({ status: 'paused', jobId: null, progress: { done: 2 } });
    expect(second.heard).toEqual([]);
    const finished = idle(second.jobs);
    second.store.continue();
    await finished;
    await settle();
    expect(second.heard).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(db.saves).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(second.store.snapshot.status).toBe('done');
  });

  it('a finished transcript is read back as done without a job; Discard removes it', async () => {
    const db = database();
    const first = page(db);
    first.store.open(source);
    await settle();
    const finished = idle(first.jobs);
    first.store.start();
    await finished;
    first.store.dispose();

    const second = page(db);
    second.store.open(source);
    await settle();
    expect(second.store.snapshot).toMatchObject({ status: 'done', jobId: null, progress: { done: 9 } });
    expect(second.heard).toEqual([]);
    second.store.discard();
    await settle();
    expect(second.store.snapshot).toMatchObject({ status: 'none', progress: undefined, texts: [] });
    expect(db.plan).toBeUndefined();
  });

  it('cuts at the pauses it is given', async () => {
    const db = database();
    const { store, jobs } = page(db);
    store.open(source);
    await settle();
    const finished = idle(jobs);
    store.start([{ start: 44, end: 46 }]);
    await finished;
    expect(db.plan?.chunks[0]).toMatchObject({ start: 0, end: 45, from: 0, to: 45 });
  });
});
