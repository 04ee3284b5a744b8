import { advance, clampRatio, type JobProgress, type Pace, secondsLeft, startPace } from '../domain/progress';
import { CancelledError } from '../domain/errors/mediaFailure';

/** What a job is doing now: a named step, or in a batch the item being worked on. */
export interface JobPhase {
  name: string;
  /** Which item of how many (0-based), and how far along that item is (0..1). */
  step?: { index: number; count: number; ratio: number };
}

/** A queued or running job, as the UI shows it. Finished jobs leave the snapshot. */
export interface JobView {
  readonly id: number;
  readonly label: string;
  readonly status: 'queued' | 'running';
  /** 0..1 */
  readonly ratio: number;
  /** Seconds left, or NaN until there is enough progress to estimate. */
  readonly etaSec: number;
  /** When that estimate was made (the runner's clock, seconds): the UI counts down from it. */
  readonly etaAtSec: number;
  readonly phase?: JobPhase;
}

/** Given to a job's work: it is the JobHooks an engine call takes, plus named phases. */
export interface JobContext {
  readonly signal: AbortSignal;
  onProgress(p: JobProgress): void;
  phase(name: string, step?: JobPhase['step']): void;
}

/** Why a job failed: the error's own code when it has one (MediaFailure, EngineUnsupportedError…), else 'failed'. */
export interface JobFailure {
  code: string;
  error: Error;
}

/** A job that has ended, kept a while so a screen other than its own can say how it ended. */
export interface EndedJob {
  readonly id: number;
  readonly label: string;
  readonly status: 'done' | 'cancelled' | 'failed';
  /** Why it failed, in the error's words. */
  readonly message?: string;
}

/** Ended jobs kept: a seller runs a handful at once. */
export const ENDED_KEPT = 8;

export type JobOutcome<T> = { status: 'done'; value: T } | { status: 'cancelled' } | ({ status: 'failed' } & JobFailure);

/** A batch ends with the items it got through and, to resume it, the first item not done. */
export type BatchOutcome<R> = JobOutcome<void> & { results: R[]; next: number };

export interface Job<O> {
  id: number;
  /** Settles when the job ends, however it ends: failures are an outcome, never a rejection. */
  done: Promise<O>;
}

export interface BatchOptions<I> {
  /** Start at this item (a resume: the `next` of an earlier outcome); the ones before count as done. */
  from?: number;
  /** Share of the overall progress (1 each by default): seconds of video, bytes… */
  weight?: (item: I) => number;
  /** Shown as the phase while the item runs. */
  itemLabel?: (item: I, index: number) => string;
}

export interface JobRunner {
  submit<T>(label: string, work: (job: JobContext) => Promise<T>): Job<JobOutcome<T>>;
  /** Runs `each` over `items` one after another as one job; cancelling it stops the running item and skips the rest. */
  submitBatch<I, R>(
    label: string,
    items: readonly I[],
    each: (item: I, job: JobContext, index: number) => Promise<R>,
    options?: BatchOptions<I>,
  ): Job<BatchOutcome<R>>;
  /** Aborts a running job's signal, or drops a queued one. */
  cancel(id: number): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): readonly JobView[];
  /** The last ENDED_KEPT jobs to end, newest last (a new array when one ends). */
  getEnded(): readonly EndedJob[];
}

export interface RunnerOptions {
  /** Jobs running at once; more wait in order. */
  concurrency: number;
  /** Seconds, monotonic. */
  now?: () => number;
  /** Called as a job starts; the function it returns, as it ends (the app marks running jobs across tabs with it). */
  hold?: () => () => void;
}

interface Entry {
  view: JobView;
  pace: Pace;
  abort: AbortController;
  start: () => void;
}

const codeOf = (e: Error): string => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'failed';
};

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export function createJobRunner({ concurrency, now = () => performance.now() / 1000, hold = () => () => {} }: RunnerOptions): JobRunner {
  const entries: Entry[] = [];
  const listeners = new Set<() => void>();
  let snapshot: readonly JobView[] = [];
  let ended: readonly EndedJob[] = [];
  let nextId = 1;

  const emit = () => {
    snapshot = entries.map((e) => e.view);
    for (const listener of [...listeners]) listener();
  };
  const update = (entry: Entry, change: Partial<JobView>) => {
    entry.view = { ...entry.view, ...change };
    emit();
  };
  const remove = (entry: Entry, outcome: JobOutcome<unknown>) => {
    const { id, label } = entry.view;
    const message = outcome.status === 'failed' ? { message: outcome.error.message } : {};
    ended = [...ended, { id, label, status: outcome.status, ...message }].slice(-ENDED_KEPT);
    entries.splice(entries.indexOf(entry), 1);
    pump();
    emit();
  };
  function pump() {
    let running = entries.filter((e) => e.view.status === 'running').length;
    for (const entry of entries) {
      if (running >= concurrency) break;
      if (entry.view.status !== 'queued') continue;
      running++;
      entry.start();
    }
  }

  function submit<T>(label: string, work: (job: JobContext) => Promise<T>): Job<JobOutcome<T>> {
    const abort = new AbortController();
    let settle: (outcome: JobOutcome<T>) => void = () => {};
    const done = new Promise<JobOutcome<T>>((resolve) => (settle = resolve));
    const entry: Entry = {
      view: { id: nextId++, label, status: 'queued', ratio: 0, etaSec: Number.NaN, etaAtSec: Number.NaN },
      pace: startPace(now()),
      abort,
      start: () => void run(),
    };
    const context: JobContext = {
      signal: abort.signal,
      onProgress: ({ ratio }) => {
        const r = clampRatio(ratio);
        const at = now();
        entry.pace = advance(entry.pace, r, at);
        update(entry, { ratio: r, etaSec: secondsLeft(entry.pace), etaAtSec: at });
      },
      phase: (name, step) => update(entry, { phase: step ? { name, step } : { name } }),
    };
    const run = async () => {
      const release = hold();
      entry.pace = startPace(now());
      update(entry, { status: 'running' });
      let outcome: JobOutcome<T>;
      try {
        outcome = { status: 'done', value: await work(context) };
      } catch (e) {
        const error = asError(e);
        outcome = e instanceof CancelledError || abort.signal.aborted ? { status: 'cancelled' } : { status: 'failed', code: codeOf(error), error };
      }
      release();
      settle(outcome);
      remove(entry, outcome);
    };
    abort.signal.addEventListener('abort', () => {
      if (entry.view.status !== 'queued') return;
      const outcome = { status: 'cancelled' } as const;
      settle(outcome);
      remove(entry, outcome);
    });
    entries.push(entry);
    pump();
    emit();
    return { id: entry.view.id, done };
  }

  function submitBatch<I, R>(
    label: string,
    items: readonly I[],
    each: (item: I, job: JobContext, index: number) => Promise<R>,
    { from = 0, weight = () => 1, itemLabel = () => label }: BatchOptions<I> = {},
  ): Job<BatchOutcome<R>> {
    const results: R[] = [];
    let next = from;
    const job = submit(label, async (batch) => {
      const weights = items.map(weight);
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      let doneWeight = weights.slice(0, from).reduce((a, b) => a + b, 0);
      for (; next < items.length; next++) {
        // Cancelled between items: the rest are skipped.
        batch.signal.throwIfAborted();
        const index = next;
        const item = items[index] as I;
        const share = (weights[index] ?? 0) / total;
        const base = doneWeight / total;
        let name = itemLabel(item, index);
        let itemRatio = 0;
        const report = () => batch.phase(name, { index, count: items.length, ratio: itemRatio });
        report();
        batch.onProgress({ ratio: base });
        const context: JobContext = {
          signal: batch.signal,
          onProgress: ({ ratio }) => {
            itemRatio = clampRatio(ratio);
            report();
            batch.onProgress({ ratio: base + share * itemRatio });
          },
          phase: (phaseName) => {
            name = phaseName;
            report();
          },
        };
        results.push(await each(item, context, index));
        doneWeight += weights[index] ?? 0;
      }
    });
    return { id: job.id, done: job.done.then((outcome) => ({ ...outcome, results, next })) };
  }

  return {
    submit,
    submitBatch,
    cancel: (id) => entries.find((e) => e.view.id === id)?.abort.abort(),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    getEnded: () => ended,
  };
}
