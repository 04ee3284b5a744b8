/**
 * The live preview's sound, mixed as the render mixes it (media/ffmpeg/renderArgs.ts): the
 * recording's voice as it is, and the music looped from the clip's start with the same volume and
 * fades (domain/edit/mix.ts), ducked under the voice by the same curve. Web Audio has no sidechain
 * compressor, so the voice's level is read from an analyser each frame and the music's gain
 * follows it with the render's attack and release.
 */
import { duckGain, duckTimeConstant, musicGainAt, rms } from '../../domain/edit/mix';
import type { MusicPlan } from '../../domain/edit/plan';

export interface PreviewMusic {
  buffer: AudioBuffer;
  plan: MusicPlan;
}

export class PreviewAudio {
  readonly #ctx: AudioContext;
  readonly #analyser: AnalyserNode;
  readonly #block: Float32Array<ArrayBuffer>;
  readonly #envelope: GainNode;
  readonly #duck: GainNode;
  #music: PreviewMusic | undefined;
  readonly #clipSec: number;
  #source: AudioBufferSourceNode | null = null;

  constructor(ctx: AudioContext, video: HTMLVideoElement, clipSec: number, music: PreviewMusic | undefined) {
    this.#ctx = ctx;
    this.#clipSec = clipSec;
    this.#music = music;
    const voice = ctx.createMediaElementSource(video);
    // ~21 ms at 48 kHz: the level over about one attack time.
    this.#analyser = new AnalyserNode(ctx, { fftSize: 1024 });
    this.#block = new Float32Array(this.#analyser.fftSize);
    voice.connect(ctx.destination);
    voice.connect(this.#analyser);
    this.#envelope = new GainNode(ctx, { gain: 0 });
    this.#duck = new GainNode(ctx, { gain: 1 });
    this.#envelope.connect(this.#duck).connect(ctx.destination);
  }

  /** New music settings (the edit changed): heard from the next start. */
  setMusic(music: PreviewMusic | undefined): void {
    this.#music = music;
  }

  decode(data: Uint8Array): Promise<AudioBuffer> {
    return this.#ctx.decodeAudioData(data.slice().buffer);
  }

  /**
   * A context made before the user's gesture starts suspended. True once it runs; false when it
   * hasn't within `ms`: a browser with no audio output it can open (Firefox on a machine without
   * a sound server) never settles the promise, and the picture must not wait for it.
   */
  resume(ms = 1500): Promise<boolean> {
    const running = this.#ctx.resume().then(
      () => this.#ctx.state === 'running',
      () => false,
    );
    return Promise.race([running, new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  }

  /** Starts the music at clip time t (after a play, seek or loop). */
  start(t: number): void {
    this.stop();
    const music = this.#music;
    if (!music) return;
    const source = new AudioBufferSourceNode(this.#ctx, { buffer: music.buffer, loop: true });
    source.connect(this.#envelope);
    this.#envelope.gain.setValueAtTime(musicGainAt(music.plan, this.#clipSec, t), this.#ctx.currentTime);
    source.start(0, t % music.buffer.duration);
    this.#source = source;
  }

  stop(): void {
    this.#source?.stop();
    this.#source?.disconnect();
    this.#source = null;
  }

  /** Called with each drawn frame's clip time: the music's fade and its duck follow. */
  tick(t: number): { voice: number; duck: number; music: number } {
    const now = this.#ctx.currentTime;
    this.#analyser.getFloatTimeDomainData(this.#block);
    const voice = rms(this.#block);
    const from = this.#duck.gain.value;
    const to = this.#music?.plan.duck ? duckGain(voice) : 1;
    this.#duck.gain.setTargetAtTime(to, now, duckTimeConstant(from, to));
    const music = this.#music ? musicGainAt(this.#music.plan, this.#clipSec, t) : 0;
    this.#envelope.gain.setTargetAtTime(music, now, 0.01);
    return { voice, duck: from, music };
  }

  close(): Promise<void> {
    this.stop();
    return this.#ctx.close();
  }
}
