/**
 * Main-thread side of the face worker (workers/face.worker.ts). The worker (and the detector in
 * it) starts on the first request and stays for later clips; cancelling terminates it.
 */
import type { FaceRequests, FaceResults } from '../../../workers/faceProtocol';
import { WorkerClient } from '../../workers/client';

export class FaceError extends Error {
  override name = 'FaceError';
}

export class FaceClient {
  /** `fetchModel` gets the detector's files before the worker first loads them (the app keeps them). */
  constructor(private readonly fetchModel: (signal?: AbortSignal) => Promise<void>) {}

  readonly #worker = new WorkerClient<FaceRequests, FaceResults>(
    () => new Worker(new URL('../../../workers/face.worker.ts', import.meta.url), { type: 'module' }),
    {
      name: 'face',
      cancel: 'restart',
      toError: ({ message }) => new FaceError(message),
    },
  );

  /** Faces in frames of `recording` every `stepSec` from `start` to `end` (recording seconds). */
  async detect(
    recording: Blob,
    span: { start: number; end: number },
    stepSec: number,
    { signal, onProgress }: { signal?: AbortSignal; onProgress?: (ratio: number) => void } = {},
  ): Promise<FaceResults['detect']> {
    await this.fetchModel(signal);
    // The app's root (hash routes keep the document at it): the detector's files are under it.
    const base = new URL('./', document.baseURI).href;
    return this.#worker.request('detect', { recording, ...span, stepSec, base }, { signal, onProgress });
  }
}
