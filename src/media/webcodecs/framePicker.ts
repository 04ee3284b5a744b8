/**
 * The source frame each output frame shows, from a decoder's samples in order: output frame k
 * shows the latest frame at or before `pick(k)`. Each frame shown is staged (copied to RGB) once,
 * however many output frames show it, and the next one is staged while this one is drawn when it
 * will be shown. Frames passed over (every other one of a 60 fps source, a cut pause) never are.
 */
import type { VideoSample } from 'mediabunny';
import type { DrawableFrame } from '../../canvas/framePainter';
import { EngineUnsupportedError } from '../engine';
import type { RgbStage } from './rgbStage';

export class FramePicker {
  /** Time spent waiting for the decoder, ms. */
  decodeMs = 0;
  #current: VideoSample;
  #upcoming: VideoSample | null;
  #staged: Promise<DrawableFrame>;
  #stagedNext: Promise<DrawableFrame> | undefined;

  private constructor(
    readonly samples: AsyncIterator<VideoSample, void>,
    readonly stage: RgbStage,
    readonly pick: (k: number) => number,
    readonly fps: number,
    first: VideoSample,
    second: VideoSample | null,
    k: number,
  ) {
    this.#current = first;
    this.#upcoming = second;
    this.#staged = stage.stage(first);
    this.#stagedNext = this.#prefetch(k - 1);
  }

  /** Starts on the first samples; output frame `from` is the first asked for. */
  static async open(samples: AsyncIterator<VideoSample, void>, stage: RgbStage, pick: (k: number) => number, fps: number, from: number): Promise<FramePicker> {
    const t0 = performance.now();
    const first = (await samples.next()).value ?? null;
    const second = first ? ((await samples.next()).value ?? null) : null;
    if (!first) throw new EngineUnsupportedError('decode', 'No frames could be decoded in this clip.');
    const picker = new FramePicker(samples, stage, pick, fps, first, second, from);
    picker.decodeMs = performance.now() - t0;
    return picker;
  }

  async #next(): Promise<VideoSample | null> {
    const t0 = performance.now();
    const sample = (await this.samples.next()).value ?? null;
    this.decodeMs += performance.now() - t0;
    return sample;
  }

  /** The next frame staged while this one is drawn, when output frame k + 1 shows it (a 60 fps source's next frame it doesn't). */
  #prefetch(k: number): Promise<DrawableFrame> | undefined {
    const next = this.#upcoming;
    return next && next.timestamp - this.#current.timestamp > 0.75 / this.fps && next.timestamp <= this.pick(k + 1) ? this.stage.stage(next) : undefined;
  }

  /** Output frame k's picture, ready to draw (frames are asked for in order). */
  async frame(k: number): Promise<DrawableFrame> {
    const before = this.pick(k);
    let moved = false;
    while (this.#upcoming && this.#upcoming.timestamp <= before) {
      this.#current.close();
      this.#current = this.#upcoming;
      this.#upcoming = await this.#next();
      if (this.#upcoming && this.#upcoming.timestamp <= before) {
        // Passed over: its prefetch (if any) is dropped.
        this.#stagedNext = undefined;
        continue;
      }
      this.#staged = this.#stagedNext ?? this.stage.stage(this.#current);
      moved = true;
    }
    if (moved) this.#stagedNext = this.#prefetch(k);
    return this.#staged;
  }

  async close(): Promise<void> {
    this.#current.close();
    this.#upcoming?.close();
    await this.samples.return?.(undefined);
  }
}
