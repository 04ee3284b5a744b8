/**
 * Main-thread side of the transcription worker. The worker (and the model in it) starts on the
 * first request and stays for later clips; cancelling a job terminates it, the next job starts a
 * fresh one. Requests are answered in order, one at a time.
 */
import type { SpeechEnvelope, SpeechReply, SpeechRequests, SpeechRequestType, SpeechResults } from '../../workers/transcribeProtocol';
import { CancelledError } from '../domain/mediaErrors';
import type { SpeechModelId } from '../domain/speech/models';

export class SpeechError extends Error {
  override name = 'SpeechError';
}

interface Waiter {
  resolve(result: SpeechResults[SpeechRequestType]): void;
  reject(err: unknown): void;
}

export class SpeechClient {
  #worker: Worker | undefined;
  #next = 1;
  #pending = new Map<number, Waiter>();
  /** The model the current worker has loaded (or is loading). */
  #loaded: SpeechModelId | undefined;

  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('../../workers/transcribe.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<SpeechReply>) => {
      const waiter = this.#pending.get(e.data.id);
      if (!waiter) return;
      this.#pending.delete(e.data.id);
      if (e.data.ok) waiter.resolve(e.data.result);
      else waiter.reject(new SpeechError(e.data.error));
    };
    worker.onerror = (e) => this.#stop(new SpeechError(`The speech worker stopped: ${e.message || 'unknown error'}`));
    this.#worker = worker;
    return worker;
  }

  #request<K extends SpeechRequestType>(
    type: K,
    body: SpeechRequests[K],
    signal: AbortSignal | undefined,
    transfer: Transferable[] = [],
  ): Promise<SpeechResults[K]> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<SpeechResults[K]>((resolve, reject) => {
      const id = this.#next++;
      const onAbort = () => this.#stop(new CancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(id, {
        // The worker answers an id with the result of that id's request type.
        resolve: (result) => {
          done();
          resolve(result as SpeechResults[K]);
        },
        reject: (err) => {
          done();
          reject(err);
        },
      });
      // `type` and `body` match (both from K); TypeScript cannot see that through the union.
      this.#spawn().postMessage({ id, type, body } as SpeechEnvelope, transfer);
    });
  }

  /** Loads the model if this worker has not; resolves with the seconds it took (0 when loaded). */
  async load(modelId: SpeechModelId, signal?: AbortSignal): Promise<number> {
    if (this.#loaded === modelId) return 0;
    this.#loaded = modelId;
    try {
      // The app's root (hash routes keep the document at it): the model files are under it.
      return (await this.#request('load', { modelId, base: new URL('./', document.baseURI).href }, signal)).loadSec;
    } catch (err) {
      this.#loaded = undefined;
      throw err;
    }
  }

  /** Text of one utterance (16 kHz mono; the array is transferred, the caller's copy emptied). */
  async transcribe(pcm: Float32Array, signal?: AbortSignal): Promise<string> {
    return (await this.#request('transcribe', { pcm }, signal, [pcm.buffer])).text;
  }

  /** Ends the worker and fails what waits on it with `reason`. */
  #stop(reason: Error): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#loaded = undefined;
    for (const w of this.#pending.values()) w.reject(reason);
    this.#pending.clear();
  }

  dispose(): void {
    this.#stop(new CancelledError());
  }
}

let shared: SpeechClient | undefined;
/** The app's one transcription worker client (the model stays loaded between clips). */
export const speechClient = (): SpeechClient => (shared ??= new SpeechClient());
