/**
 * Main-thread side of the transcription worker. The worker (and the model in it) starts on the
 * first request and stays for later clips; cancelling a job terminates it, the next job starts a
 * fresh one. Requests are answered in order, one at a time.
 */
import type { SpeechRequests, SpeechResults } from '../../workers/transcribeProtocol';
import type { SpeechModelId } from '../domain/speech/models';
import type { SpeechHints } from '../domain/speech/vocabulary';
import { messageOf } from '../domain/errors/messageOf';
import { WorkerClient } from '../workers/client';

export class SpeechError extends Error {
  override name = 'SpeechError';
}

export class SpeechClient {
  /** `fetchModel` gets the model's files before the worker first loads them (the app keeps them, with progress). */
  constructor(private readonly fetchModel: (signal?: AbortSignal) => Promise<void> = async () => {}) {}

  /** The model the current worker has loaded (or is loading). */
  #loaded: SpeechModelId | undefined;
  // A transcription cannot be interrupted inside the model: cancelling ends the worker.
  readonly #worker = new WorkerClient<SpeechRequests, SpeechResults>(
    () => new Worker(new URL('../../workers/transcribe.worker.ts', import.meta.url), { type: 'module' }),
    {
      name: 'speech',
      cancel: 'restart',
      toError: ({ message }) => new SpeechError(message),
      onStop: () => {
        this.#loaded = undefined;
      },
    },
  );

  /** Loads the model if this worker has not; resolves with the seconds it took (0 when loaded). */
  async load(modelId: SpeechModelId, signal?: AbortSignal): Promise<number> {
    if (this.#loaded === modelId) return 0;
    this.#loaded = modelId;
    try {
      await this.fetchModel(signal).catch((err: unknown) => {
        if (signal?.aborted) throw err;
        throw new SpeechError(
          `The speech model (a one-time download) could not be downloaded (${messageOf(err)}). Connect to the internet and try again; to transcribe offline later, choose "Keep everything for offline use" under the badge at the top while online.`,
        );
      });
      // The app's root (hash routes keep the document at it): the model files are under it.
      return (await this.#worker.request('load', { modelId, base: new URL('./', document.baseURI).href }, { signal })).loadSec;
    } catch (err) {
      this.#loaded = undefined;
      throw err;
    }
  }

  /** Text of one utterance (16 kHz mono; the array is transferred, the caller's copy emptied), nudged towards `hints`. */
  async transcribe(pcm: Float32Array, signal?: AbortSignal, hints?: SpeechHints): Promise<string> {
    return (await this.#worker.request('transcribe', { pcm, ...(hints && { hints }) }, { signal, transfer: [pcm.buffer] })).text;
  }

  /** Speech probability per 32 ms (VAD_FRAME samples) of 16 kHz mono audio; the array is transferred. Needs `load` first. */
  async speechProbabilities(pcm: Float32Array, signal?: AbortSignal): Promise<Float32Array> {
    return (await this.#worker.request('vad', { pcm }, { signal, transfer: [pcm.buffer] })).probs;
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
