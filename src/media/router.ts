/**
 * The MediaEngine the app uses. Renders and exact cuts go to WebCodecs where the browser can
 * (several times faster), and fall back to ffmpeg.wasm with the same plan when it cannot or
 * fails mid-way; probing, copy cuts, loudness and preview proxies are ffmpeg's. The preference
 * can force either.
 */
import type { RenderAssets, RenderPlan } from '../domain/edit/plan';
import type { Loudness } from '../domain/recording/loudness';
import type { RecordingMeta } from '../domain/recording/meta';
import { CancelledError } from '../domain/errors/mediaFailure';
import { messageOf } from '../domain/errors/messageOf';
import type { CutRequest, CutResult, EnginePreference, JobHooks, MediaEngine, RenderResult } from './engine';
import { toMediaFailure } from './failures';
import type { FfmpegEngine } from './ffmpeg/engine';
import { webCodecsAvailable, type WebCodecsEngine } from './webcodecs/engine';

export class MediaRouter implements MediaEngine {
  constructor(
    private readonly ffmpeg: FfmpegEngine,
    private readonly webcodecs: WebCodecsEngine,
    private readonly preference: () => EnginePreference,
  ) {}

  probe(recording: Blob, fileName: string, hooks?: JobHooks): Promise<RecordingMeta> {
    return this.ffmpeg.probe(recording, fileName, hooks);
  }

  loudness(recording: Blob, fileName: string, durationSec: number, hooks?: JobHooks): Promise<Loudness> {
    return this.ffmpeg.loudness(recording, fileName, durationSec, hooks);
  }

  /** ffmpeg's: it decodes every audio codec, and resamples in the same pass. */
  speechPcm(recording: Blob, fileName: string, start: number, end: number, rate: number, hooks?: JobHooks): Promise<Float32Array> {
    return this.ffmpeg.speechPcm(recording, fileName, start, end, rate, hooks);
  }

  /** ffmpeg's: it is for codecs the browser (and so the fast engine) cannot decode. */
  previewProxy(recording: Blob, fileName: string, start: number, end: number, hooks?: JobHooks): Promise<Blob> {
    return this.ffmpeg.previewProxy(recording, fileName, start, end, hooks);
  }

  /**
   * WebCodecs first unless ffmpeg is forced; on failure ffmpeg, unless WebCodecs is forced. What
   * fails leaves named (ffmpeg's failures already are; the fast engine's are named here).
   */
  async #either<T>(fileName: string, fast: () => Promise<T>, slow: () => Promise<T>, hooks: JobHooks): Promise<{ value: T; fallbackReason?: string }> {
    const pref = this.preference();
    if (pref === 'ffmpeg' || (pref === 'auto' && !webCodecsAvailable())) return { value: await slow() };
    try {
      return { value: await fast() };
    } catch (err) {
      if (err instanceof CancelledError || hooks.signal?.aborted) throw err instanceof CancelledError ? err : new CancelledError();
      if (pref === 'webcodecs') throw toMediaFailure(err, fileName);
      console.warn('WebCodecs engine failed, using ffmpeg.wasm:', err);
      return { value: await slow(), fallbackReason: messageOf(err) };
    }
  }

  async cut(recording: Blob, fileName: string, request: CutRequest, hooks: JobHooks = {}): Promise<CutResult> {
    if (!request.exact) return this.ffmpeg.cut(recording, fileName, request, hooks);
    const { value } = await this.#either<CutResult>(
      fileName,
      async () => {
        const done = await this.webcodecs.cut(recording, request.start, request.end, hooks);
        return { blob: new Blob([done.data], { type: 'video/mp4' }), ext: 'mp4', method: done.method, engine: 'webcodecs' };
      },
      () => this.ffmpeg.cut(recording, fileName, request, hooks),
      hooks,
    );
    return value;
  }

  async render(recording: Blob, fileName: string, plan: RenderPlan, assets: RenderAssets, hooks: JobHooks = {}): Promise<RenderResult> {
    const { value, fallbackReason } = await this.#either<RenderResult>(
      fileName,
      async () => {
        const audioHooks: JobHooks = hooks.signal ? { signal: hooks.signal } : {};
        const done = await this.webcodecs.render(recording, plan, assets, () => this.ffmpeg.mixAudio(recording, fileName, plan, assets, audioHooks), hooks);
        return { blob: new Blob([done.data], { type: 'video/mp4' }), engine: 'webcodecs', timings: done.timings };
      },
      () => this.ffmpeg.render(recording, fileName, plan, assets, hooks),
      hooks,
    );
    return fallbackReason ? { ...value, fallbackReason } : value;
  }

  dispose(): void {
    this.ffmpeg.dispose();
    this.webcodecs.dispose();
  }
}
