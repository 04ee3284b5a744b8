/**
 * Main-thread side of the face worker (workers/face.worker.ts). The worker (and the detector in
 * it) starts on the first request and stays for later clips; cancelling terminates it.
 */
import type { FaceNotes, FaceRequests, FaceResults } from '../../../workers/faceProtocol';
import { WorkerClient } from '../../workers/client';

export class FaceError extends Error {
  override name = 'FaceError';
}

export class FaceClient {
  /** `fetchModel` gets the detector's files before the worker first loads them (the app keeps them). */
  constructor(private readonly fetchModel: (signal?: AbortSignal) => Promise<void>) {}

  readonly #worker = new WorkerClient<FaceRequests, FaceResults, FaceNotes>(
    () => new Worker(new URL('../../../workers/face.worker.ts', import.meta.url), { type: 'module' }),
    {
      name: 'face',
      cancel: 'restart',
      toError: ({ message }) => new FaceError(message),
    },
  );

  /**
   * Faces in frames of `recording` every `stepSec` from `start` to `end` (recording seconds).
   * `hold` is told how to hold the search between frames (and go on), and returns its unsubscribe;
   * `still` is waited for before the detector loads.
   */
  async detect(
    recording: Blob,
    span: { start: number; end: number },
    stepSec: number,
    {
      signal,
      onProgress,
      hold,
      still,
    }: {
      signal?: AbortSignal;
      onProgress?: (ratio: number) => void;
      hold?: (held: (held: boolean) => void) => () => void;
      /** Waited for before the detector's files are fetched and before it loads (neither can hold). */
      still?: () => Promise<void>;
    } = {},
  ): Promise<FaceResults['detect']> {
    // Neither the files' fetch nor the detector's load can hold: both wait for the preview to stop.
    await still?.();
    await this.fetchModel(signal);
    await still?.();
    // The app's root (hash routes keep the document at it): the detector's files are under it.
    const base = new URL('./', document.baseURI).href;
    const job = this.#worker.start('detect', { recording, ...span, stepSec, base }, { signal, onProgress });
    const stop = hold?.((held) => job.note('hold', { held }));
    try {
      return await job.result;
    } finally {
      stop?.();
    }
  }
}
