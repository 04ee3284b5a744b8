// Issue 18: the loudness store (read the stored envelope or measure it once as a job; cancel,
// retry, stop when the recording goes) on the real job runner with a fake engine and storage.
import { describe, expect, it, vi } from 'vitest';
import type { JobContext } from '../../src/app/jobRunner';
import { createJobRunner } from '../../src/app/jobRunner';
import { LOUDNESS_JOB, LoudnessStore, type LoudnessDeps, type LoudnessSource } from '../../src/app/stores/loudnessStore';
import type { Loudness } from '../../src/domain/recording/loudness';
import { CancelledError } from '../../src/domain/errors/mediaFailure';

const envelope = { hopSec: 0.1, db: new Float32Array([-20, -60]) } as unknown as Loudness;
const source = (recording = new Blob(['rec'])): LoudnessSource => ({ recording, fileName: 'rec.mp4', durationSec: 20 });

/** An engine whose measurements the test finishes by hand; they end in a cancel when aborted. */
function fakeDeps(stored?: Loudness) {
  const jobs = createJobRunner({ concurrency: 2, now: () => Date.now() / 1000 });
  const running: Array<{ job: JobContext; finish: (l: Loudness) => void; fail: (e: Error) => void }> = [];
  const deps: LoudnessDeps = {
    stored: async () => stored,
    measure: (_s, job) =>
      new Promise((resolve, reject) => {
        job.signal.addEventListener('abort', () => reject(new CancelledError()));
        running.push({ job, finish: resolve, fail: reject });
      }),
    save: vi.fn(async () => {}),
    jobs,
  };
  return { deps, jobs, running };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LoudnessStore', () => {
  it('uses the stored envelope without a job', async () => {
    const { deps, running } = fakeDeps(envelope);
    const store = new LoudnessStore(deps);
    store.open(source());
    await settle();
    expect(store.snapshot).toEqual({ state: { status: 'ready', loudness: envelope }, jobId: null });
    expect(running).toHaveLength(0);
  });

  it('measures once as a job with progress, stores it, and the same recording again starts nothing', async () => {
    const { deps, jobs, running } = fakeDeps();
    const store = new LoudnessStore(deps);
    const s = source();
    store.open(s);
    await settle();
    expect(jobs.getSnapshot().map((j) => [j.id, j.label])).toEqual([[store.snapshot.jobId, LOUDNESS_JOB]]);
    running[0]!.job.onProgress({ ratio: 0.5 });
    expect(jobs.getSnapshot()[0]!.ratio).toBe(0.5);
    store.open({ ...s });
    running[0]!.finish(envelope);
    await settle();
    expect(store.snapshot).toEqual({ state: { status: 'ready', loudness: envelope }, jobId: null });
    expect(deps.save).toHaveBeenCalledWith(envelope);
    expect(running).toHaveLength(1);
  });

  it('a cancel says so and a retry measures again; a failure is named', async () => {
    const { deps, running } = fakeDeps();
    const store = new LoudnessStore(deps);
    store.open(source());
    await settle();
    store.cancel();
    await settle();
    expect(store.snapshot).toEqual({ state: { status: 'cancelled' }, jobId: null });
    store.retry();
    await settle();
    running[1]!.fail(new Error('no audio stream could be decoded'));
    await settle();
    expect(store.snapshot.state).toEqual({ status: 'error', message: 'no audio stream could be decoded' });
    expect(deps.save).not.toHaveBeenCalled();
  });

  it('losing the recording (closed, deleted, no sound) stops the measurement and leaves the state as it was', async () => {
    const { deps, jobs, running } = fakeDeps();
    const store = new LoudnessStore(deps);
    store.open(source());
    await settle();
    store.open(undefined);
    await settle();
    expect(running[0]!.job.signal.aborted).toBe(true);
    expect(jobs.getSnapshot()).toEqual([]);
    expect(store.snapshot).toEqual({ state: { status: 'none' }, jobId: null });
    store.open(source());
    await settle();
    store.dispose();
    await settle();
    expect(running[1]!.job.signal.aborted).toBe(true);
  });
});
