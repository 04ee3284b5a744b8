/**
 * Main-thread side of the WebCodecs engine: sends jobs to the media worker, relays progress,
 * and cancels by terminating the worker (a new one starts with the next job). The audio mix is
 * made elsewhere (ffmpeg.wasm) while the worker draws and encodes the video, then handed over.
 */
import type { RenderAssets, RenderPlan } from '../../domain/edit/plan';
import { estimate } from '../../domain/progress';
import { CancelledError } from '../../domain/mediaErrors';
import { EngineUnsupportedError, MediaError, type JobHooks } from '../engine';
import type { CutDone, MediaWorkerRequest, MediaWorkerResponse, RenderDone, WorkerError } from './protocol';

type Job =
  | { type: 'render'; recording: Blob; plan: RenderPlan; overlays: Array<{ id: string; png: Uint8Array }> }
  | { type: 'cut'; recording: Blob; start: number; end: number };

/** WebCodecs video encoding and OffscreenCanvas: what the fast engine needs from the browser. */
export const webCodecsAvailable = (): boolean =>
  typeof VideoEncoder !== 'undefined' && typeof VideoDecoder !== 'undefined' && typeof OffscreenCanvas !== 'undefined';

function fromWorker(e: WorkerError): Error {
  if (e.code) return new EngineUnsupportedError(e.code, e.message);
  const err = new MediaError(e.message);
  err.name = e.name;
  return err;
}

export class WebCodecsEngine {
  #worker: Worker | undefined;
  #next = 1;
  #queue: Promise<unknown> = Promise.resolve();

  #spawn(): Worker {
    this.#worker ??= new Worker(new URL('../../../workers/media.worker.ts', import.meta.url), { type: 'module' });
    return this.#worker;
  }

  /** Runs one job in the worker after the earlier ones; `started` may post more messages to it. */
  #run<T extends RenderDone | CutDone>(job: Job, hooks: JobHooks, started?: (post: (m: MediaWorkerRequest) => void, id: number) => void): Promise<T> {
    const run = () =>
      new Promise<T>((resolve, reject) => {
        if (hooks.signal?.aborted) return reject(new CancelledError());
        const worker = this.#spawn();
        const id = this.#next++;
        const t0 = performance.now();
        const finish = () => {
          worker.removeEventListener('message', onMessage);
          worker.removeEventListener('error', onError);
          hooks.signal?.removeEventListener('abort', onAbort);
        };
        const onMessage = (e: MessageEvent<MediaWorkerResponse>) => {
          const msg = e.data;
          if (msg.id !== id) return;
          if (msg.type === 'progress') hooks.onProgress?.(estimate(msg.ratio, (performance.now() - t0) / 1000));
          else {
            finish();
            if (msg.type === 'done') resolve(msg.result as T);
            else reject(fromWorker(msg.error));
          }
        };
        const onError = (e: ErrorEvent) => {
          finish();
          this.dispose();
          reject(new MediaError(`The video worker stopped: ${e.message || 'unknown error'}`));
        };
        const onAbort = () => {
          finish();
          this.dispose();
          reject(new CancelledError());
        };
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', onError);
        hooks.signal?.addEventListener('abort', onAbort, { once: true });
        const request = { ...job, id } as MediaWorkerRequest;
        worker.postMessage(request, job.type === 'render' ? job.overlays.map((o) => o.png.buffer as ArrayBuffer) : []);
        started?.((m) => worker.postMessage(m, m.type === 'audio' && m.audio ? [m.audio.buffer as ArrayBuffer] : []), id);
      });
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Renders the plan's video in the worker while `mixAudio` makes its audio; the worker muxes
   * both. If the audio fails, the render fails with that error.
   */
  render(recording: Blob, plan: RenderPlan, assets: RenderAssets, mixAudio: () => Promise<Uint8Array>, hooks: JobHooks): Promise<RenderDone> {
    // Copies: the PNG buffers are transferred to the worker, the caller keeps its assets.
    const overlays = plan.overlays.flatMap((o) => {
      const png = assets.overlays.get(o.id);
      return png ? [{ id: o.id, png: png.slice() }] : [];
    });
    let audioError: unknown;
    return this.#run<RenderDone>({ type: 'render', recording, plan, overlays }, hooks, (post, id) => {
      mixAudio().then(
        (audio) => post({ type: 'audio', id, audio }),
        (err: unknown) => {
          audioError = err;
          post({ type: 'audio', id, audio: null });
        },
      );
    }).then((done) => {
      if (audioError) throw audioError;
      return done;
    });
  }

  /** Frame-exact cut: re-encodes only the partial GOPs, copies the rest. */
  cut(recording: Blob, start: number, end: number, hooks: JobHooks): Promise<CutDone> {
    return this.#run<CutDone>({ type: 'cut', recording, start, end }, hooks);
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
