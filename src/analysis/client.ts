import { NeedsStreamStartError, type Analysis, type TimeBase } from '../domain/selection/analysis';
import type { ClickLogResult } from '../domain/clicklog/parse';
import type { ClickLog, Product } from '../domain/clicklog/model';
import type { SaidText, SpokenSignals } from '../domain/speech/spokenSignals';
import type { SelectionOptions } from '../domain/selection/model';
import type { Loudness } from '../domain/recording/loudness';
import { CancelledError } from '../domain/errors/mediaFailure';
import { WorkerClient, type WorkerLike } from '../workers/client';
import type { WorkerFailure } from '../workers/rpc';
import { CANCELLED, NEEDS_STREAM_START, NOT_RESIDENT, type Requests, type Results } from '../../workers/protocol';

export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** A request cancelled by a newer one for the same log, by its signal or by unloading the log. */

const toError = ({ code, message }: WorkerFailure): Error => {
  if (code === CANCELLED) return new CancelledError();
  if (code === NEEDS_STREAM_START) return new NeedsStreamStartError(message);
  return new AnalysisError(message, code);
};

const spawnWorker = () => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' });

/**
 * Main-thread side of the analysis worker. Each log is sent once and stays in the worker;
 * `select` then sends only the settings, and a newer select for a log cancels the older one.
 */
export class AnalysisClient {
  readonly #worker: WorkerClient<Requests, Results>;
  #next = 1;
  #keys = new WeakMap<ClickLog, string>();
  /** Keys the current worker holds, with the loudness last sent for each. */
  #resident = new Map<string, { loudness: Loudness | undefined }>();
  #selects = new Map<string, AbortController>();

  /** A cancelled select's answer is dropped: the worker skips selects that a newer one replaced. */
  constructor(spawn: () => WorkerLike = spawnWorker) {
    // A new worker holds no logs: the next select sends its log again.
    this.#worker = new WorkerClient(spawn, { name: 'analysis', cancel: 'forget', toError, onStop: () => this.#resident.clear() });
  }

  /** Parses a log file in the worker, which keeps the log for the selects that follow. */
  async parse(file: Blob, fileName: string): Promise<ClickLogResult> {
    const key = this.#newKey();
    const result = await this.#worker.request('parse', { file, fileName, key });
    if (result.ok) {
      this.#keys.set(result.log, key);
      this.#resident.set(key, { loudness: undefined });
    }
    return result;
  }

  /**
   * Selection on `log`, sent to the worker the first time (and again if the worker lost it).
   * Rejects with a CancelledError when a newer select for the same log, `signal`
   * or `unload` cancels it.
   */
  async select(
    log: ClickLog,
    durationSec: number,
    timeBase: TimeBase,
    options: SelectionOptions,
    loudness: Loudness | undefined,
    signal?: AbortSignal,
  ): Promise<Analysis> {
    const key = this.#keys.get(log) ?? this.#newKey();
    this.#keys.set(log, key);
    this.#selects.get(key)?.abort();
    const ctrl = new AbortController();
    this.#selects.set(key, ctrl);
    const forward = () => ctrl.abort();
    signal?.addEventListener('abort', forward, { once: true });
    if (signal?.aborted) forward();
    try {
      for (let attempt = 1; ; attempt++) {
        const sent = this.#resident.get(key);
        const ready: Array<Promise<null>> = [];
        if (!sent) ready.push(this.#load(key, log));
        if (sent?.loudness !== loudness) ready.push(this.#worker.request('loudness', { key, loudness }));
        this.#resident.set(key, { loudness });
        try {
          const [analysis] = await Promise.all([this.#worker.request('select', { key, durationSec, timeBase, options }, { signal: ctrl.signal }), ...ready]);
          return analysis;
        } catch (e) {
          // Evicted, or a new worker: send the log again, once.
          if (attempt > 1 || !(e instanceof AnalysisError && e.code === NOT_RESIDENT)) throw e;
          this.#resident.delete(key);
        }
      }
    } finally {
      signal?.removeEventListener('abort', forward);
      if (this.#selects.get(key) === ctrl) this.#selects.delete(key);
    }
  }

  /**
   * What the host said, read for `products` in the worker (`spokenSignals`), so a long transcript
   * doesn't hold up the page. Rejects with a CancelledError when `signal` aborts.
   */
  spoken(segments: SaidText[], products: Product[], durationSec: number, loudness: Loudness | undefined, signal?: AbortSignal): Promise<SpokenSignals> {
    return this.#worker.request('spoken', { segments, products, durationSec, loudness }, { signal });
  }

  /** Lets the worker forget `log` and cancels its select; a later select sends it again. */
  unload(log: ClickLog): void {
    const key = this.#keys.get(log);
    if (key === undefined) return;
    this.#selects.get(key)?.abort();
    // Fails only when the worker died, which took the log with it.
    if (this.#resident.delete(key)) this.#worker.request('unload', { key }).catch(() => undefined);
  }

  #load(key: string, log: ClickLog): Promise<null> {
    // Copies are transferred: the UI keeps its own arrays, and the worker gets its copy without cloning.
    const { time, absolute, kind, product } = log.events;
    const events = { time: time.slice(), absolute: absolute.slice(), kind: kind.slice(), product: product.slice() };
    const transfer = [events.time.buffer, events.absolute.buffer, events.kind.buffer, events.product.buffer];
    return this.#worker.request('load', { key, log: { ...log, events } }, { transfer });
  }

  #newKey = () => `log-${this.#next++}`;
}
