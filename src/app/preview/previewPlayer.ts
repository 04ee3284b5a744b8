/**
 * The editor's live preview: the clip played in real time, drawn on a canvas at display size from
 * the same render plan the engines get (app/renderClip.ts prepareRender at that size): the
 * source reframed by the engines' painter (canvas/framePainter.ts), the overlays by the engines'
 * overlay layer at each frame's time, and the sound mixed as rendered (previewAudio.ts).
 * Frames come from a playing <video>: each one it presents is drawn once, at its own media time,
 * so overlays change on the frame the short changes them.
 */
import { elementFrame, FramePainter } from '../../canvas/framePainter';
import { drawOverlays, type OverlayBitmap, overlayBitmaps } from '../../canvas/overlayLayer';
import { atTime, droppedBetween, lastFrameTime } from '../../domain/edit/playhead';
import { clipDuration, cropWindows, type RenderPlan, sourceTimeAt, teaserDuration } from '../../domain/edit/plan';
import { outputTimeOf } from '../../domain/edit/tighten';
import type { Rect } from '../../domain/edit/rect';
import { reframeGeometry } from '../../domain/edit/reframe';
import { messageOf } from '../../domain/errors/messageOf';
import { once } from '../browser/videoFrame';
import type { PreparedRender } from '../renderClip';
import { Store } from '../stores/store';
import { PreviewAudio } from './previewAudio';

export interface PreviewState {
  /** 'preparing': drawing the overlays at the preview's size; 'ready': can play. */
  status: 'preparing' | 'ready' | 'error';
  playing: boolean;
  /** It played to the clip's end and stopped there (not looping). */
  ended: boolean;
  loop: boolean;
  /** Clip time of the frame on the canvas, seconds (the recording's, less the clip's start: cut pauses included). */
  time: number;
  /** Frames drawn and frames the video showed that were not drawn, since the last play. */
  drawn: number;
  dropped: number;
  /** The mix's levels at the last frame: the voice's RMS, the music's duck and fade gains. */
  level: { voice: number; duck: number; music: number };
  /** The browser could not open an audio output: the picture plays without sound. */
  silent: boolean;
  error?: string;
}

interface Loaded {
  plan: RenderPlan;
  painter: FramePainter;
  /** Each frame's window, where pins move the crop. */
  cropAt: (t: number) => Rect | undefined;
  overlays: OverlayBitmap[];
  music: PreparedRender['assets']['music'];
}

export class PreviewPlayer extends Store<PreviewState> {
  readonly #video = document.createElement('video');
  readonly #url: string;
  readonly #clipStart: number;
  #canvas: HTMLCanvasElement | null = null;
  #loaded: Loaded | null = null;
  #audio: PreviewAudio | null = null;
  #presented: number | undefined;
  /** Playing the teaser (plan.teaser), before the clip: its frames' times are the teaser's. */
  #inTeaser = false;
  /** Bumped by every play, pause and seek: a frame callback from before it is stale. */
  #epoch = 0;

  constructor(recording: Blob, clipStart: number) {
    super({
      status: 'preparing',
      playing: false,
      ended: false,
      loop: true,
      time: 0,
      drawn: 0,
      dropped: 0,
      level: { voice: 0, duck: 1, music: 0 },
      silent: false,
    });
    this.#url = URL.createObjectURL(recording);
    this.#clipStart = clipStart;
    this.#video.preload = 'auto';
    this.#video.playsInline = true;
    this.#video.src = this.#url;
  }

  /** The canvas to draw on; its pixel size is the plan's output size. */
  attach(canvas: HTMLCanvasElement | null): void {
    this.#canvas = canvas;
  }

  /** A new plan (the edit changed): its overlays are decoded, then drawn from the next frame. */
  async load({ plan, assets }: PreparedRender): Promise<void> {
    try {
      const overlays = await overlayBitmaps(plan, assets.overlays);
      const canvas = this.#canvas;
      const ctx = canvas?.getContext('2d', { alpha: false });
      if (!canvas || !ctx) throw new Error('The preview has no canvas to draw on.');
      canvas.width = plan.output.width;
      canvas.height = plan.output.height;
      const painter = new FramePainter(ctx, reframeGeometry(plan.source, plan.output, plan.reframe, plan.cropX));
      const old = this.#loaded;
      this.#loaded = { plan, painter, cropAt: cropWindows(plan), overlays, music: assets.music };
      for (const { bitmap } of old?.overlays ?? []) bitmap.close();
      if (this.#audio && old?.music !== assets.music) await this.#setMusic();
      this.update({ status: 'ready' });
    } catch (e) {
      this.update({ status: 'error', error: messageOf(e), playing: false });
    }
  }

  get clipSec(): number {
    return this.#loaded ? clipDuration(this.#loaded.plan) : 0;
  }

  get fps(): number {
    return this.#loaded?.plan.output.fps ?? 30;
  }

  /** Plays from clip time `from` (from the start when at the end); the frame counts start again. */
  play(from = this.snapshot.time): Promise<void> {
    if (!this.#loaded || this.snapshot.playing) return Promise.resolve();
    this.update({ drawn: 0, dropped: 0, ended: false });
    return this.#start(this.#outputFrom(from));
  }

  /** Plays from the short's time `from` (its start when at its end). */
  async #start(from: number): Promise<void> {
    const epoch = ++this.#epoch;
    // Made on the user's gesture, so the browser lets it sound.
    if (!this.#audio) {
      this.#audio = new PreviewAudio(new AudioContext(), this.#video, this.clipSec, undefined);
      await this.#setMusic();
    }
    const t = from >= lastFrameTime(this.clipSec, this.fps) ? 0 : from;
    this.#inTeaser = t < this.#teaserSec;
    this.update({ playing: true });
    this.#presented = undefined;
    await this.#seekVideo(this.#clipTime(t));
    if (epoch !== this.#epoch) return;
    const sound = await this.#audio.resume();
    if (epoch !== this.#epoch) return;
    this.update({ silent: !sound });
    this.#audio.start(t);
    try {
      await this.#video.play();
    } catch (e) {
      this.#audio.stop();
      this.update({ playing: false, status: 'error', error: `The preview could not play: ${messageOf(e)}` });
      return;
    }
    this.#schedule(epoch);
  }

  pause(): void {
    this.#stop();
    this.update({ playing: false });
  }

  #stop(): void {
    this.#epoch++;
    this.#video.pause();
    this.#audio?.stop();
  }

  setLoop(loop: boolean): void {
    this.update({ loop });
  }

  /** While playing, goes on from clip time t (paused, the editor's canvas shows the playhead). */
  async seek(t: number): Promise<void> {
    if (!this.snapshot.playing) return;
    await this.#restart(this.#outputFrom(Math.min(this.#clipTime(lastFrameTime(this.clipSec, this.fps)), Math.max(0, t))));
  }

  /** Goes on from the short's time t. */
  #restart(t: number): Promise<void> {
    this.#stop();
    return this.#start(t);
  }

  dispose(): void {
    this.pause();
    for (const { bitmap } of this.#loaded?.overlays ?? []) bitmap.close();
    this.#loaded = null;
    void this.#audio?.close();
    this.#video.removeAttribute('src');
    this.#video.load();
    URL.revokeObjectURL(this.#url);
  }

  async #setMusic(): Promise<void> {
    const loaded = this.#loaded;
    const music = loaded?.music && loaded.plan.music;
    this.#audio?.setMusic(loaded?.music && music && this.#audio ? { buffer: await this.#audio.decode(loaded.music.data), plan: music } : undefined);
  }

  async #seekVideo(t: number): Promise<void> {
    const v = this.#video;
    if (v.readyState < 1) await once(v, 'loadedmetadata');
    const seeked = once(v, 'seeked');
    v.currentTime = this.#clipStart + t;
    await seeked;
  }

  #schedule(epoch: number): void {
    const v = this.#video;
    const next = (mediaTime: number, presented?: number) => {
      if (epoch !== this.#epoch) return;
      this.#onFrame(epoch, mediaTime - this.#clipStart, presented);
    };
    // Every engine has it now (Firefox since 132); older ones draw on animation frames.
    if (typeof v.requestVideoFrameCallback === 'function') v.requestVideoFrameCallback((_now, meta) => next(meta.mediaTime, meta.presentedFrames));
    else requestAnimationFrame(() => next(this.#video.currentTime));
  }

  /** How long a teaser plays before the clip (0: none). */
  get #teaserSec(): number {
    return this.#loaded ? teaserDuration(this.#loaded.plan) : 0;
  }

  /** Clip time → the short's own time: after the teaser, over the cut pauses. */
  #outputTime(clipTime: number): number {
    const keep = this.#loaded?.plan.keep;
    return this.#teaserSec + (keep ? outputTimeOf(keep, this.#clipStart + clipTime) : clipTime);
  }

  /** Where playing from clip time t starts the short: from its very start (the teaser) at the clip's start. */
  #outputFrom(clipTime: number): number {
    return clipTime <= 0 ? 0 : this.#outputTime(clipTime);
  }

  #clipTime(outputTime: number): number {
    return this.#loaded ? sourceTimeAt(this.#loaded.plan, outputTime) - this.#clipStart : outputTime;
  }

  #onFrame(epoch: number, clipTime: number, presented: number | undefined): void {
    const teaser = this.#loaded?.plan.teaser;
    const t = this.#inTeaser && teaser ? clipTime + this.#clipStart - teaser.start : this.#outputTime(clipTime);
    // The teaser played: the clip starts. In a cut pause: the picture jumps to where the short goes on.
    const jumpTo = this.#inTeaser
      ? t >= this.#teaserSec - 0.5 / this.fps && this.#teaserSec
      : Math.abs(this.#clipTime(t) - clipTime) > 1 / this.fps && t < this.clipSec && t;
    if (jumpTo !== false) {
      void this.#restart(jumpTo);
      return;
    }
    const what = atTime(t, this.clipSec, this.fps, this.snapshot.loop);
    if (what === 'loop') {
      void this.#restart(0);
      return;
    }
    if (what === 'end') {
      this.#stop();
      this.update({ playing: false, ended: true, time: this.#clipTime(lastFrameTime(this.clipSec, this.fps)) });
      return;
    }
    const dropped = presented === undefined ? 0 : droppedBetween(this.#presented, presented);
    this.#presented = presented;
    // One state change per frame: the page re-renders the player once, not once per field.
    this.update({ ...this.#draw(t, clipTime), drawn: this.snapshot.drawn + 1, dropped: this.snapshot.dropped + dropped });
    this.#schedule(epoch);
  }

  /** Paints the frame at the short's time t (clip time `clipTime`); what changed with it (nothing when there is no frame yet). */
  #draw(t: number, clipTime: number): Partial<PreviewState> {
    const loaded = this.#loaded;
    const ctx = this.#canvas?.getContext('2d', { alpha: false });
    if (!loaded || !ctx || this.#video.readyState < 2) return {};
    loaded.painter.paint(elementFrame(this.#video), loaded.cropAt(t));
    drawOverlays(ctx, loaded.overlays, t);
    return { time: clipTime, ...(this.#audio && { level: this.#audio.tick(t) }) };
  }
}
