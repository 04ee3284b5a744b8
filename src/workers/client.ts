/**
 * Main-thread side of a worker, for any protocol (src/workers/rpc.ts): starts the worker on the
 * first request, matches answers to requests by id, relays progress, and cancels by AbortSignal
 * the way the worker needs. Failures arrive as values with a code; each client turns them into
 * its own named errors.
 */
import { CancelledError } from '../domain/errors/mediaFailure';
import type { Reply, WorkerFailure } from './rpc';

/** The part of a Worker the client uses: a real one, or a fake in unit tests. */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<Reply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

/** `code` of the failure every waiting request gets when the worker dies. */
export const WORKER_STOPPED = 'WorkerStopped';

export interface WorkerClientOptions {
  /** Names the worker in the failure when it dies ("The speech worker stopped: …"). */
  name: string;
  /**
   * What cancelling a request does. 'forget': its answer is dropped (the worker finishes or skips
   * it on its own). 'restart': the worker is terminated, every request on it fails as cancelled,
   * and the next request starts a new one (for work that cannot be interrupted otherwise).
   */
  cancel: 'forget' | 'restart';
  /** The client's named error for a failure: one the worker answered with, or its death (WORKER_STOPPED). */
  toError: (failure: WorkerFailure) => Error;
  /** The worker is gone (died, or terminated on cancel or by `terminate`): forget what it held. */
  onStop?: () => void;
}

export interface RequestOptions {
  /** Aborting it rejects the request with a CancelledError and applies the client's cancel policy. */
  signal?: AbortSignal | undefined;
  /** Buffers moved to the worker rather than copied (the sender's views are emptied). */
  transfer?: Transferable[];
  /** The worker's progress on this request, 0–1. */
  onProgress?: ((ratio: number) => void) | undefined;
}

/** A request in flight. */
export interface Job<Result, Notes> {
  result: Promise<Result>;
  /** Sends more input to this request while it runs; dropped once it is answered or cancelled. */
  note<K extends keyof Notes & string>(kind: K, payload: Notes[K], transfer?: Transferable[]): void;
}

interface Waiter {
  resolve(result: unknown): void;
  reject(err: Error): void;
  onProgress: ((ratio: number) => void) | undefined;
}

/** `Requests` maps each kind to its payload, `Results` to its result, `Notes` to the payload of a note. */
export class WorkerClient<Requests, Results extends { [K in keyof Requests]: unknown }, Notes = Record<never, never>> {
  #worker: WorkerLike | undefined;
  #next = 1;
  #pending = new Map<number, Waiter>();

  constructor(
    private readonly spawn: () => WorkerLike,
    private readonly options: WorkerClientOptions,
  ) {}

  /** One request; its result type follows from its kind. */
  request<K extends keyof Requests & string>(kind: K, payload: Requests[K], options?: RequestOptions): Promise<Results[K]> {
    return this.start(kind, payload, options).result;
  }

  /** A request that may be sent notes while it runs. */
  start<K extends keyof Requests & string>(kind: K, payload: Requests[K], { signal, transfer = [], onProgress }: RequestOptions = {}): Job<Results[K], Notes> {
    const id = this.#next++;
    const result = new Promise<Results[K]>((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError());
      const onAbort = () => this.#cancel(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, {
        // The worker answers an id with the result of that id's kind.
        resolve: (r) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(r as Results[K]);
        },
        reject: (err) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
        onProgress,
      });
      this.#post({ id, kind, payload }, transfer);
    });
    return {
      result,
      note: (noteKind, notePayload, noteTransfer = []) => {
        if (this.#pending.has(id)) this.#post({ id, kind: noteKind, payload: notePayload }, noteTransfer);
      },
    };
  }

  /** Ends the worker; what waits on it fails as cancelled. The next request starts a new one. */
  terminate(): void {
    this.#stop(new CancelledError());
  }

  #post(message: { id: number; kind: string; payload: unknown }, transfer: Transferable[]): void {
    this.#worker ??= this.#connect();
    this.#worker.postMessage(message, transfer);
  }

  #connect(): WorkerLike {
    const worker = this.spawn();
    worker.onmessage = (e) => this.#onReply(e.data);
    worker.onerror = (e) => {
      const message = `The ${this.options.name} worker stopped: ${e.message || 'unknown error'}`;
      if (this.#worker === worker) this.#stop(this.options.toError({ code: WORKER_STOPPED, message }));
    };
    return worker;
  }

  #onReply(reply: Reply): void {
    const waiter = this.#pending.get(reply.id);
    if (!waiter) return; // cancelled on this side already
    if (reply.kind === 'progress') waiter.onProgress?.(reply.ratio);
    else {
      this.#pending.delete(reply.id);
      if (reply.kind === 'result') waiter.resolve(reply.result);
      else waiter.reject(this.options.toError(reply.error));
    }
  }

  #cancel(id: number): void {
    if (this.options.cancel === 'restart') {
      this.#stop(new CancelledError());
      return;
    }
    const waiter = this.#pending.get(id);
    this.#pending.delete(id);
    waiter?.reject(new CancelledError());
  }

  /** Terminates the worker and fails every request on it with `reason`. */
  #stop(reason: Error): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.options.onStop?.();
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const w of waiting) w.reject(reason);
  }
}
