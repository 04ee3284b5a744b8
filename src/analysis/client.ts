import type { Analysis, TimeBase } from '../domain/analysis';
import type { ClickLogResult } from '../domain/clicklog/parse';
import type { ClickLog, SelectionOptions } from '../domain/events';
import type { Loudness } from '../domain/loudness';
import { CANCELLED, NOT_RESIDENT, type Envelope, type Reply, type Requests, type RequestType, type Results } from '../../workers/protocol';

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
export const isCancelled = (e: unknown): boolean => e instanceof Error && e.name === CANCELLED;

/** The worker as the client sees it: a fake one in the unit tests. */
export interface WorkerPort {
  post(msg: Envelope, transfer: Transferable[]): void;
  terminate(): void;
}
export type Connect = (onReply: (reply: Reply) => void, onCrash: (message: string) => void) => WorkerPort;

const connectWorker: Connect = (onReply, onCrash) => {
  const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<Reply>) => onReply(e.data);
  worker.onerror = (e) => onCrash(e.message || 'The analysis worker failed.');
  return { post: (msg, transfer) => worker.postMessage(msg, transfer), terminate: () => worker.terminate() };
};

export interface RequestOptions {
  signal?: AbortSignal;
  transfer?: Transferable[];
}

interface Waiter {
  resolve(result: Results[RequestType]): void;
  reject(e: unknown): void;
}

/**
 * Main-thread side of the analysis worker. Each log is sent once and stays in the worker;
 * `select` then sends only the settings, and a newer select for a log cancels the older one.
 */
export class AnalysisClient {
  #port: WorkerPort | undefined;
  #next = 1;
  #pending = new Map<number, Waiter>();
  #keys = new WeakMap<ClickLog, string>();
  /** Keys the current worker holds, with the loudness last sent for each. */
  #resident = new Map<string, { loudness: Loudness | undefined }>();
  #selects = new Map<string, AbortController>();

  constructor(private readonly connect: Connect = connectWorker) {}

  /** One request; its result type follows from its type. */
  request<K extends RequestType>(type: K, body: Requests[K], { signal, transfer = [] }: RequestOptions = {}): Promise<Results[K]> {
    return new Promise<Results[K]>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const id = this.#next++;
      const onAbort = () => {
        this.#pending.delete(id);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, {
        resolve: (result) => {
          signal?.removeEventListener('abort', onAbort);
          // The worker answers an id with the result of that id's request type.
          resolve(result as Results[K]);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      this.#port ??= this.connect(this.#onReply, this.#onCrash);
      // `type` and `body` match (both from K); TypeScript cannot see that through the union.
      this.#port.post({ id, type, body } as Envelope, transfer);
    });
  }

  /** Parses a log file in the worker, which keeps the log for the selects that follow. */
  async parse(file: Blob, fileName: string): Promise<ClickLogResult> {
    const key = this.#newKey();
    const result = await this.request('parse', { file, fileName, key });
    if (result.ok) {
      this.#keys.set(result.log, key);
      this.#resident.set(key, { loudness: undefined });
    }
    return result;
  }

  /**
   * Selection on `log`, sent to the worker the first time (and again if the worker lost it).
   * Rejects with an AbortError (see isCancelled) when a newer select for the same log, `signal`
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
    const forward = () => ctrl.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    if (signal?.aborted) forward();
    try {
      for (let attempt = 1; ; attempt++) {
        const sent = this.#resident.get(key);
        const ready: Array<Promise<null>> = [];
        if (!sent) ready.push(this.#load(key, log));
        if (sent?.loudness !== loudness) ready.push(this.request('loudness', { key, loudness }));
        this.#resident.set(key, { loudness });
        try {
          const [analysis] = await Promise.all([this.request('select', { key, durationSec, timeBase, options }, { signal: ctrl.signal }), ...ready]);
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

  /** Lets the worker forget `log` and cancels its select; a later select sends it again. */
  unload(log: ClickLog): void {
    const key = this.#keys.get(log);
    if (key === undefined) return;
    this.#selects.get(key)?.abort();
    // Fails only when the worker died, which took the log with it.
    if (this.#resident.delete(key)) this.request('unload', { key }).catch(() => undefined);
  }

  #load(key: string, log: ClickLog): Promise<null> {
    // Copies are transferred: the UI keeps its own arrays, and the worker gets its copy without cloning.
    const { time, absolute, kind, product } = log.events;
    const events = { time: time.slice(), absolute: absolute.slice(), kind: kind.slice(), product: product.slice() };
    const transfer = [events.time.buffer, events.absolute.buffer, events.kind.buffer, events.product.buffer];
    return this.request('load', { key, log: { ...log, events } }, { transfer });
  }

  #newKey = () => `log-${this.#next++}`;

  #onReply = (reply: Reply) => {
    const waiter = this.#pending.get(reply.id);
    if (!waiter) return; // cancelled on this side already
    this.#pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(reply.code === CANCELLED ? new DOMException(reply.error, CANCELLED) : new AnalysisError(reply.error, reply.code));
  };

  /** The worker died with whatever it held: fail what waits, start a new one on the next request. */
  #onCrash = (message: string) => {
    this.#port?.terminate();
    this.#port = undefined;
    this.#resident.clear();
    for (const w of this.#pending.values()) w.reject(new AnalysisError(message));
    this.#pending.clear();
  };
}
