import { describe, expect, it } from 'vitest';
import type { BatchOutcome, Job } from '../../src/app/jobRunner';
import { type BatchDeps, type BatchSource, BatchStore, type MadeShort } from '../../src/app/stores/batchStore';
import type { Clip } from '../../src/domain/clip/override';

const pick = (rank: number) => ({ rank, key: `P${rank}#1`, productId: `P${rank}` }) as unknown as Clip;
const source: BatchSource = { picks: [pick(1), pick(2), pick(3)] };
const settings = { size: 'fast', quality: 'balanced' } as const;

/** A batch the test ends: it makes the shorts it is told to, then ends as told. */
function fakeDeps() {
  const runs: { from: number; made: (i: number, extra?: Partial<MadeShort>) => void; end: (o: BatchOutcome<void>) => void }[] = [];
  const cancelled: number[] = [];
  let id = 0;
  const deps: BatchDeps<BatchSource> = {
    start: (src, _settings, from, onMade): Job<BatchOutcome<void>> => {
      let end: (o: BatchOutcome<void>) => void = () => {};
      const done = new Promise<BatchOutcome<void>>((resolve) => (end = resolve));
      const made = (i: number, extra: Partial<MadeShort> = {}) =>
        onMade(src.picks[i]!, `short-${i + 1}.mp4`, { blob: new Blob([]), engine: 'webcodecs', ...extra });
      runs.push({ from, made, end });
      return { id: ++id, done };
    },
    cancel: (jobId) => cancelled.push(jobId),
  };
  return { deps, runs, cancelled };
}

describe('batch store', () => {
  it('lists each short as it is made, and where a cancelled batch stopped; resume goes on from there and keeps the list', async () => {
    const { deps, runs, cancelled } = fakeDeps();
    const store = new BatchStore(deps);
    const running = store.run(source, settings);
    expect(store.snapshot.jobId).toBe(1);
    runs[0]!.made(0);
    expect(store.snapshot.made.map((m) => m.name)).toEqual(['short-1.mp4']);
    store.cancel();
    expect(cancelled).toEqual([1]);
    runs[0]!.end({ status: 'cancelled', results: [], next: 1 });
    await running;
    expect(store.snapshot).toMatchObject({ jobId: null, stopped: { next: 1, settings }, error: null });

    const resumed = store.resume();
    expect(runs[1]!.from).toBe(1);
    runs[1]!.made(1);
    runs[1]!.made(2);
    runs[1]!.end({ status: 'done', value: undefined, results: [], next: 3 });
    await resumed;
    expect(store.snapshot.made.map((m) => m.pick.rank)).toEqual([1, 2, 3]);
    expect(store.snapshot.stopped).toBeNull();
  });

  it('says why a batch failed, and that a short was made but not kept', async () => {
    const { deps, runs } = fakeDeps();
    const store = new BatchStore(deps);
    const running = store.run(source, settings);
    runs[0]!.made(0, { notKept: 'the disk is full' });
    expect(store.snapshot.error?.message).toBe('#1 was rendered but not kept in Your shorts (the disk is full); download it below.');
    runs[0]!.end({ status: 'failed', code: 'failed', error: new Error('decoder crashed'), results: [], next: 1 });
    await running;
    expect(store.snapshot.error?.message).toBe('decoder crashed');
    expect(store.snapshot.stopped?.next).toBe(1);
    store.dismissError();
    expect(store.snapshot.error).toBeNull();
  });

  it('starts one batch at a time; a new run starts its list anew; a disposed store starts none', async () => {
    const { deps, runs, cancelled } = fakeDeps();
    const store = new BatchStore(deps);
    const first = store.run(source, settings);
    void store.run(source, settings);
    expect(runs).toHaveLength(1);
    runs[0]!.made(0);
    runs[0]!.end({ status: 'done', value: undefined, results: [], next: 3 });
    await first;
    void store.run(source, settings);
    expect(store.snapshot.made).toEqual([]);
    store.dispose();
    expect(cancelled).toEqual([2]);
    runs[1]!.end({ status: 'cancelled', results: [], next: 0 });
    await store.run(source, settings);
    expect(runs).toHaveLength(2);
  });
});
