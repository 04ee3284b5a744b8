/**
 * Main-thread side of the WebCodecs engine: sends jobs to the media workers, relays progress,
 * and cancels by terminating the worker (a new one starts with the next job). A short's audio mix
 * is made in the audio lane (or by ffmpeg.wasm) while the video lane draws and encodes, then
 * handed over.
 */
import { frameCount, type RenderAssets, type RenderPlan } from '../../domain/edit/plan';
import { type FrameRange, renderSegments } from '../../domain/edit/segments';
import { isWebKitEngine } from '../../domain/media/browserMix';
import type { OutputFacts } from '../../domain/media/outputCheck';
import { type Job, WorkerClient } from '../../workers/client';
import type { Loudness } from '../../domain/recording/loudness';
import type { RecordingMeta } from '../../domain/recording/meta';
import type { JobHooks } from '../engine';
import type { CopyRequest } from '../mediabunny/copyCut';
import type { PictureRequest } from './pictureFacts';
import { type CutDone, type MediaNotes, type MediaRequests, type MediaResults, mediaErrorOf, type RenderDone } from './protocol';

/** WebCodecs video encoding and OffscreenCanvas: what the fast engine needs from the browser. */
export const webCodecsAvailable = (): boolean =>
  typeof VideoEncoder !== 'undefined' && typeof VideoDecoder !== 'undefined' && typeof OffscreenCanvas !== 'undefined';

/** A media worker and the jobs queued for it, one at a time. */
interface Lane {
  worker: WorkerClient<MediaRequests, MediaResults, MediaNotes>;
  queue: Promise<unknown>;
}

// Decoding and encoding cannot be interrupted from outside: cancelling ends the worker.
const lane = (name: string): Lane => ({
  worker: new WorkerClient<MediaRequests, MediaResults, MediaNotes>(
    () => new Worker(new URL('../../../workers/media.worker.ts', import.meta.url), { type: 'module' }),
    { name, cancel: 'restart', toError: mediaErrorOf },
  ),
  queue: Promise.resolve(),
});

/**
 * How many workers render a short at once: one per core (the encoder and decoder run on threads of
 * their own beside each). One in WebKit: its GStreamer-backed WebCodecs crashed the page when audio
 * was decoded beside a render (domain/media/browserMix.ts), so it gets no parallel encoders untried.
 */
const renderWorkers = (): number => (isWebKitEngine(navigator.userAgent) ? 1 : (navigator.hardwareConcurrency ?? 1));

/** Copies of the plan's overlay PNGs for one worker (transferred to it; the caller keeps its assets). */
const overlayCopies = (plan: RenderPlan, assets: RenderAssets) =>
  plan.overlays.flatMap((o) => {
    const png = assets.overlays.get(o.id);
    return png ? [{ id: o.id, png: png.slice() }] : [];
  });

const pngBuffers = (overlays: ReadonlyArray<{ png: Uint8Array }>): Transferable[] => overlays.map((o) => o.png.buffer as ArrayBuffer);

export class WebCodecsEngine {
  /** Renders, cuts and checks. */
  readonly #video = lane('video');
  /** More video workers for a render shared between them (started on first use). */
  readonly #moreVideo: Lane[] = [];
  /** Probes and fast copies (mediabunny, no decoding): quick, so they never wait behind a render. */
  readonly #quick = lane('demux');
  /** Audio decoded: the loudness envelope (a whole recording's), a short's mix. It waits behind neither. */
  readonly #audio = lane('audio');

  /** The video lane for part `i` of a render: the first is the usual one. */
  #videoLane(i: number): Lane {
    if (i === 0) return this.#video;
    this.#moreVideo[i - 1] ??= lane(`video-${i + 1}`);
    return this.#moreVideo[i - 1]!;
  }

  /** Runs one job in the lane's worker (the video one unless named) after the earlier ones; `started` may send it notes. */
  #run<K extends keyof MediaRequests>(
    kind: K,
    payload: MediaRequests[K],
    hooks: JobHooks,
    { on = this.#video, transfer = [], started }: { on?: Lane; transfer?: Transferable[]; started?: (job: Job<MediaResults[K], MediaNotes>) => void } = {},
  ): Promise<MediaResults[K]> {
    const run = () => {
      const job = on.worker.start(kind, payload, {
        signal: hooks.signal,
        transfer,
        onProgress: (ratio) => hooks.onProgress?.({ ratio }),
      });
      // A job cancelled before it started is never sent: nothing to feed.
      if (!hooks.signal?.aborted) started?.(job);
      return job.result;
    };
    const result = on.queue.then(run, run);
    on.queue = result.catch(() => undefined);
    return result;
  }

  /** The recording's metadata from mediabunny, or null where ffprobe must look (mediabunny/probe.ts). */
  probe(recording: Blob, hooks: JobHooks): Promise<RecordingMeta | null> {
    return this.#run('probe', { recording }, hooks, { on: this.#quick });
  }

  /** The loudness envelope from the browser's audio decoder, or null where it can't decode the track (mediabunny/loudness.ts). */
  loudness(recording: Blob, stepSec: number, hooks: JobHooks): Promise<Loudness | null> {
    return this.#run('loudness', { recording, stepSec }, hooks, { on: this.#audio });
  }

  /** A fast copy of the recording's packets (mediabunny/copyCut.ts). */
  async copy(request: CopyRequest, hooks: JobHooks): Promise<ArrayBuffer> {
    return (await this.#run('copy', request, hooks, { on: this.#quick })).data;
  }

  /** The plan's audio mix as AAC in MP4, or null where the browser can't decode a source (mediabunny/audioMix.ts). */
  async mixAudio(recording: Blob, plan: RenderPlan, assets: RenderAssets, hooks: JobHooks): Promise<Uint8Array | null> {
    // A copy of the music: the worker gets its own, the caller keeps its assets.
    const music = plan.music && assets.music?.data.slice();
    const done = await this.#run('mix', music ? { recording, plan, music } : { recording, plan }, hooks, {
      on: this.#audio,
      transfer: music ? [music.buffer] : [],
    });
    return done && new Uint8Array(done.data);
  }

  /**
   * Renders the plan's video while `mixAudio` makes its audio. On a machine with more than one
   * core the frames are shared between video workers (domain/edit/segments.ts), each rendering and
   * encoding its part, then joined with the sound (joinSegments.ts); else one worker renders and
   * muxes both. If the audio fails, the render fails with that error.
   */
  render(recording: Blob, plan: RenderPlan, assets: RenderAssets, mixAudio: () => Promise<Uint8Array>, hooks: JobHooks): Promise<RenderDone> {
    const parts = renderSegments(frameCount(plan), plan.output.fps, renderWorkers());
    return parts.length > 1
      ? this.#renderInParts(recording, plan, assets, parts, mixAudio, hooks)
      : this.#renderWhole(recording, plan, assets, mixAudio, hooks);
  }

  #renderWhole(recording: Blob, plan: RenderPlan, assets: RenderAssets, mixAudio: () => Promise<Uint8Array>, hooks: JobHooks): Promise<RenderDone> {
    const overlays = overlayCopies(plan, assets);
    let audioError: unknown;
    const started = (job: Job<RenderDone, MediaNotes>) => {
      mixAudio().then(
        (audio) => job.note('audio', { audio }, [audio.buffer as ArrayBuffer]),
        (err: unknown) => {
          audioError = err;
          job.note('audio', { audio: null });
        },
      );
    };
    return this.#run('render', { recording, plan, overlays }, hooks, { transfer: pngBuffers(overlays), started }).then((done) => {
      if (audioError) throw audioError;
      return done;
    });
  }

  async #renderInParts(
    recording: Blob,
    plan: RenderPlan,
    assets: RenderAssets,
    parts: readonly FrameRange[],
    mixAudio: () => Promise<Uint8Array>,
    hooks: JobHooks,
  ): Promise<RenderDone> {
    const t0 = performance.now();
    // A part that fails stops the others: the render fails (or falls back) as one.
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    if (hooks.signal?.aborted) stop.abort();
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    const audio = mixAudio();
    // Keep a failed mix from going unhandled while the video runs; it is thrown below.
    audio.catch(() => undefined);
    const frames = parts.reduce((n, p) => n + p.to - p.from, 0);
    const done = parts.map(() => 0);
    const report = () => hooks.onProgress?.({ ratio: (0.97 * done.reduce((sum, r, i) => sum + r * (parts[i]!.to - parts[i]!.from), 0)) / frames });
    try {
      const segments = await Promise.all(
        parts.map((segment, i) => {
          const overlays = overlayCopies(plan, assets);
          const onProgress = ({ ratio }: { ratio: number }) => {
            done[i] = ratio;
            report();
          };
          return this.#run(
            'render',
            { recording, plan, overlays, segment },
            { signal: stop.signal, onProgress },
            { on: this.#videoLane(i), transfer: pngBuffers(overlays) },
          ).catch((err: unknown) => {
            stop.abort();
            throw err;
          });
        }),
      );
      const videoSec = (performance.now() - t0) / 1000;
      const tAudio = performance.now();
      const aac = await audio;
      const audioWaitSec = (performance.now() - tAudio) / 1000;
      const tJoin = performance.now();
      const joined = await this.#run(
        'join',
        { plan, segments: segments.map((s, i) => ({ data: s.data, frames: parts[i]! })), audio: aac },
        { signal: stop.signal },
        { transfer: [...segments.map((s) => s.data), aac.buffer as ArrayBuffer] },
      );
      hooks.onProgress?.({ ratio: 1 });
      // Per-worker stages summed (time spent, not wall time), beside the wall-clock phases.
      const summed = (key: string) => segments.reduce((sum, s) => sum + (s.timings[key] ?? 0), 0);
      const timings: Record<string, number> = { segments: parts.length, videoSec, audioWaitSec, joinSec: (performance.now() - tJoin) / 1000 };
      for (const key of ['setupSec', 'drawSec', 'yuvSec', 'decodeWaitSec', 'encodeWaitSec']) timings[key] = summed(key);
      timings.totalSec = (performance.now() - t0) / 1000;
      return { data: joined.data, timings };
    } finally {
      hooks.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Frame-exact cut: re-encodes only the partial GOPs, copies the rest. */
  cut(recording: Blob, start: number, end: number, hooks: JobHooks): Promise<CutDone> {
    return this.#run('cut', { recording, start, end }, hooks);
  }

  /** Reads a written file back with this browser's demuxer and decoder (outputFacts.ts). */
  verify(file: Blob, picture: PictureRequest | undefined, hooks: JobHooks): Promise<OutputFacts> {
    return this.#run('verify', picture ? { file, picture } : { file }, hooks);
  }

  /** Ends the workers; a job running in them fails as cancelled. */
  dispose(): void {
    this.#video.worker.terminate();
    this.#quick.worker.terminate();
    this.#audio.worker.terminate();
    for (const more of this.#moreVideo) more.worker.terminate();
  }
}
