import { liveSecondsLeft } from '../../src/domain/progress';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJobRunner, ENDED_KEPT, type JobContext } from '../../src/app/jobRunner';
import { MediaFailure } from '../../src/domain/errors/mediaFailure';

/** A job's work that reports progress and ends only when the test says so. */
function controlled() {
  let finish: (value: string) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  let context: JobContext | undefined;
  const work = (job: JobContext) =>
    new Promise<string>((resolve, reject) => {
      context = job;
      finish = resolve;
      fail = reject;
      job.signal.addEventListener('abort', () => reject(job.signal.reason));
    });
  return {
    work,
    finish: (v: string) => finish(v),
    fail: (e: unknown) => fail(e),
    get job() {
      if (!context) throw new Error('not started');
      return context;
    },
    get started() {
      return context !== undefined;
    },
  };
}

const runner = (concurrency = 1) => createJobRunner({ concurrency, now: () => Date.now() / 1000 });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('job runner', () => {
  it('runs jobs in order, no more at once than its limit', async () => {
    const jobs = runner(2);
    const [a, b, c] = [controlled(), controlled(), controlled()];
    const ja = jobs.submit('a', a.work);
    jobs.submit('b', b.work);
    const jc = jobs.submit('c', c.work);
    expect(jobs.getSnapshot().map((j) => [j.label, j.status])).toEqual([
      ['a', 'running'],
      ['b', 'running'],
      ['c', 'queued'],
    ]);
    expect(c.started).toBe(false);
    a.finish('A');
    expect(await ja.done).toEqual({ status: 'done', value: 'A' });
    expect(c.started).toBe(true);
    expect(jobs.getSnapshot().map((j) => j.label)).toEqual(['b', 'c']);
    c.finish('C');
    b.finish('B');
    await jc.done;
    expect(jobs.getSnapshot()).toEqual([]);
  });

  it('tells subscribers of each change until they unsubscribe', async () => {
    const jobs = runner();
    const seen: number[] = [];
    const unsubscribe = jobs.subscribe(() => seen.push(jobs.getSnapshot()[0]?.ratio ?? -1));
    const a = controlled();
    const job = jobs.submit('a', a.work);
    a.job.onProgress({ ratio: 0.25 });
    unsubscribe();
    a.job.onProgress({ ratio: 0.5 });
    a.finish('');
    await job.done;
    expect(seen.at(-1)).toBe(0.25);
  });

  it('shows named phases, and the time left only once there is enough progress', () => {
    const jobs = runner();
    const a = controlled();
    jobs.submit('Rendering', a.work);
    a.job.phase('Reading');
    vi.advanceTimersByTime(500);
    a.job.onProgress({ ratio: 0.1 });
    expect(jobs.getSnapshot()[0]).toMatchObject({ ratio: 0.1, phase: { name: 'Reading' } });
    expect(jobs.getSnapshot()[0]?.etaSec).toBeNaN();
    vi.advanceTimersByTime(500);
    a.job.onProgress({ ratio: 0.2 });
    // 10 % a half second: 80 % left takes 4 s.
    expect(jobs.getSnapshot()[0]?.etaSec).toBeCloseTo(4);
    // Between reports the UI counts down from when the estimate was made; past it, it says so.
    const { etaSec, etaAtSec } = jobs.getSnapshot()[0]!;
    expect(liveSecondsLeft(etaSec, etaAtSec, etaAtSec + 1.5)).toBeCloseTo(2.5);
    expect(liveSecondsLeft(etaSec, etaAtSec, etaAtSec + 5)).toBeLessThan(0);
    expect(liveSecondsLeft(Number.NaN, etaAtSec, etaAtSec)).toBeNaN();
  });

  it('smooths the time left: a burst of reports moves it gradually, not in a jump', () => {
    const jobs = runner();
    const a = controlled();
    jobs.submit('Rendering', a.work);
    for (let s = 1; s <= 10; s++) {
      vi.advanceTimersByTime(1000);
      a.job.onProgress({ ratio: s * 0.02 });
    }
    const steady = jobs.getSnapshot()[0]?.etaSec ?? 0;
    expect(steady).toBeCloseTo(0.8 / 0.02);
    // 5 % in a tenth of a second (a file copied at the end of a cut): the rate of the last
    // report alone would say 0.5/s, about 1.5 s left.
    for (let k = 1; k <= 10; k++) {
      vi.advanceTimersByTime(10);
      a.job.onProgress({ ratio: 0.2 + k * 0.005 });
    }
    expect(jobs.getSnapshot()[0]?.etaSec).toBeGreaterThan(steady / 2);
  });

  it('cancels a running job through its signal, and drops a queued one', async () => {
    const jobs = runner();
    const [a, b] = [controlled(), controlled()];
    const ja = jobs.submit('a', a.work);
    const jb = jobs.submit('b', b.work);
    jobs.cancel(jb.id);
    expect(await jb.done).toEqual({ status: 'cancelled' });
    expect(b.started).toBe(false);
    jobs.cancel(ja.id);
    expect(a.job.signal.aborted).toBe(true);
    expect(await ja.done).toEqual({ status: 'cancelled' });
    expect(jobs.getSnapshot()).toEqual([]);
  });

  it('reports a failure with its code', async () => {
    const jobs = runner();
    const [a, b] = [controlled(), controlled()];
    const ja = jobs.submit('a', a.work);
    a.fail(new MediaFailure('out-of-memory', { fileName: 'live.mp4' }));
    expect(await ja.done).toMatchObject({ status: 'failed', code: 'out-of-memory' });
    const jb = jobs.submit('b', b.work);
    b.fail(new Error('plain'));
    expect(await jb.done).toMatchObject({ status: 'failed', code: 'failed', error: { message: 'plain' } });
  });

  it('keeps the last jobs to end, with how each ended, for another screen to tell', async () => {
    const jobs = runner(3);
    const [a, b, c] = [controlled(), controlled(), controlled()];
    const [ja, jb, jc] = [jobs.submit('a', a.work), jobs.submit('b', b.work), jobs.submit('c', c.work)];
    expect(jobs.getEnded()).toEqual([]);
    b.fail(new Error('disk full'));
    await jb.done;
    a.finish('A');
    await ja.done;
    jobs.cancel(jc.id);
    await jc.done;
    expect(jobs.getEnded()).toEqual([
      { id: jb.id, label: 'b', status: 'failed', message: 'disk full' },
      { id: ja.id, label: 'a', status: 'done' },
      { id: jc.id, label: 'c', status: 'cancelled' },
    ]);
    for (let i = 0; i < ENDED_KEPT; i++) {
      const d = controlled();
      const job = jobs.submit(`d${i}`, d.work);
      d.finish('');
      await job.done;
    }
    expect(jobs.getEnded().map((j) => j.label)).toEqual(Array.from({ length: ENDED_KEPT }, (_, i) => `d${i}`));
  });

  it('holds the cross-tab mark while a job runs', async () => {
    const release = vi.fn();
    const hold = vi.fn(() => release);
    const jobs = createJobRunner({ concurrency: 1, hold });
    const a = controlled();
    const job = jobs.submit('a', a.work);
    expect([hold.mock.calls.length, release.mock.calls.length]).toEqual([1, 0]);
    a.finish('');
    await job.done;
    expect(release).toHaveBeenCalledOnce();
  });
});

describe('batch', () => {
  const items = ['one', 'two', 'three', 'four'];

  /** Items run on demand: each waits for the test to finish or fail it. */
  function batchOf(jobs: ReturnType<typeof runner>, from?: number) {
    const running: ReturnType<typeof controlled>[] = [];
    const job = jobs.submitBatch(
      'All',
      items,
      (item, context) => {
        const c = controlled();
        running.push(c);
        return c.work(context).then((v) => `${item}:${v}`);
      },
      { weight: (item) => item.length, itemLabel: (item) => item, ...(from !== undefined && { from }) },
    );
    const flush = () => vi.advanceTimersByTimeAsync(0);
    return { job, running, flush };
  }

  it('runs the items in order with one overall progress and the item as its phase', async () => {
    const jobs = runner();
    const { job, running, flush } = batchOf(jobs);
    await flush();
    expect(running).toHaveLength(1);
    running[0]?.job.onProgress({ ratio: 0.5 });
    // Weighted by length: "one" is 3 of 15.
    expect(jobs.getSnapshot()[0]).toMatchObject({ ratio: 1.5 / 15, phase: { name: 'one', step: { index: 0, count: 4, ratio: 0.5 } } });
    running[0]?.finish('a');
    await flush();
    expect(jobs.getSnapshot()[0]).toMatchObject({ ratio: 3 / 15, phase: { name: 'two', step: { index: 1 } } });
    for (const [i, v] of ['b', 'c', 'd'].entries()) {
      running[i + 1]?.finish(v);
      await flush();
    }
    expect(await job.done).toEqual({ status: 'done', value: undefined, results: ['one:a', 'two:b', 'three:c', 'four:d'], next: 4 });
  });

  it('cancelled mid-item: that item is aborted and the rest are skipped', async () => {
    const jobs = runner();
    const { job, running, flush } = batchOf(jobs);
    await flush();
    running[0]?.finish('a');
    await flush();
    jobs.cancel(job.id);
    expect(running[1]?.job.signal.aborted).toBe(true);
    expect(await job.done).toMatchObject({ status: 'cancelled', results: ['one:a'], next: 1 });
    expect(running).toHaveLength(2);
  });

  it('fails with the code of the failing item, and resumes from the first item not done', async () => {
    const jobs = runner();
    const first = batchOf(jobs);
    await first.flush();
    first.running[0]?.finish('a');
    await first.flush();
    first.running[1]?.fail(new MediaFailure('truncated', { fileName: 'live.mp4' }));
    const failed = await first.job.done;
    expect(failed).toMatchObject({ status: 'failed', code: 'truncated', results: ['one:a'], next: 1 });

    const resumed = batchOf(jobs, failed.next);
    await resumed.flush();
    // The done item counts as done in the overall progress.
    expect(jobs.getSnapshot()[0]).toMatchObject({ ratio: 3 / 15, phase: { name: 'two' } });
    for (const [i, v] of ['b', 'c', 'd'].entries()) {
      resumed.running[i]?.finish(v);
      await resumed.flush();
    }
    expect(await resumed.job.done).toMatchObject({ status: 'done', results: ['two:b', 'three:c', 'four:d'], next: 4 });
  });

  it('a resumed batch estimates its time left from its own pace: the items done before are not counted as speed (issue 19)', async () => {
    // A real clock moves between the job's start and its first report, if only by microseconds.
    let calls = 0;
    const jobs = createJobRunner({ concurrency: 1, now: () => Date.now() / 1000 + calls++ * 1e-5 });
    // Items 0–1 (6 of 15) were done before; item 2 ("three", 5 of 15) goes at 1/10 of its length per second.
    const resumed = batchOf(jobs, 2);
    await resumed.flush();
    const item = resumed.running[0]!;
    const left: number[] = [];
    for (let s = 1; s <= 8; s++) {
      vi.advanceTimersByTime(1000);
      item.job.onProgress({ ratio: s / 10 });
      left.push(jobs.getSnapshot()[0]!.etaSec);
    }
    // 5/15 per 10 s: (1 − 6/15 − 8/10·5/15) / (5/150) ≈ 10 s left after 8 s, and no estimate near zero on the way.
    expect(left.at(-1)).toBeCloseTo(10, 0);
    for (const t of left.filter((x) => !Number.isNaN(x))) expect(t).toBeGreaterThan(9);
  });
});
