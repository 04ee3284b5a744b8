/**
 * A short's audio mix without ffmpeg.wasm: the recording's voice over the clip and the looped
 * music decoded by the browser (mediabunny over WebCodecs), resampled to 48 kHz stereo, mixed as
 * ffmpeg's graph mixes (domain/edit/audioMix.ts), and encoded to AAC in an MP4, which the
 * video render muxes. AAC comes from `@mediabunny/aac-encoder` (ffmpeg's AAC encoder in a 1 MB
 * wasm, loaded on the first mix; Chromium on Linux and Firefox have no AAC AudioEncoder). Null
 * where a source can't be decoded here, and in WebKit (domain/media/browserMix.ts): ffmpeg.wasm
 * mixes it then.
 */
import {
  ALL_FORMATS,
  type AudioSample,
  AudioSample as Sample,
  AudioSampleSink,
  AudioSampleSource,
  BlobSource,
  BufferSource,
  BufferTarget,
  canEncodeAudio,
  type InputAudioTrack,
  Input,
  Mp4OutputFormat,
  Output,
  type Source,
} from 'mediabunny';
import { ClipMixer, type Stereo } from '../../domain/edit/audioMix';
import { AUDIO_RATE, clipDuration, type RenderPlan, voiceSpans } from '../../domain/edit/plan';
import { mixesAudioHere } from '../../domain/media/browserMix';
import { qualityPreset } from '../../domain/edit/quality';
import { StereoResampler } from '../../domain/recording/stereoResampler';
import { spliceGain, type VoiceSplice, voiceSplices } from '../../domain/edit/tighten';
import { decodableAudioTrack } from './mpegAudio';

export interface MixRequest {
  recording: Blob;
  plan: RenderPlan;
  /** The music's file (the plan's music), when it has one. */
  music?: Uint8Array;
}

/** Frames mixed and encoded at a time (~85 ms). */
const BLOCK = 4096;

/** Decoded audio of one track as output-rate stereo, from `from` s of its own time, looped or not. */
class Feed implements Reader {
  readonly #resampler = new StereoResampler(AUDIO_RATE);
  readonly #planes: Stereo = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  #samples: AsyncGenerator<AudioSample, void>;
  #pushedSinceStart = false;

  constructor(
    readonly track: InputAudioTrack,
    readonly from: number,
    readonly to: number | undefined,
    readonly loop: boolean,
  ) {
    this.#samples = this.#open();
  }

  #open(): AsyncGenerator<AudioSample, void> {
    this.#pushedSinceStart = false;
    return new AudioSampleSink(this.track).samples(this.from, this.to);
  }

  /** `frames` output frames from output frame `at` (reads must go forward). */
  async read(at: number, frames: number): Promise<Stereo> {
    while (!this.#resampler.covers(at + frames)) {
      const next = await this.#samples.next();
      if (next.done) {
        // A loop that gave nothing would spin: end there.
        if (this.loop && this.#pushedSinceStart) this.#samples = this.#open();
        else this.#resampler.end();
        continue;
      }
      const sample = next.value;
      try {
        const planes = Array.from({ length: sample.numberOfChannels }, () => new Float32Array(sample.numberOfFrames));
        for (const [planeIndex, plane] of planes.entries()) sample.copyTo(plane, { planeIndex, format: 'f32-planar' });
        this.#resampler.push(planes, sample.timestamp - this.from, sample.sampleRate);
        this.#pushedSinceStart = true;
      } finally {
        sample.close();
      }
    }
    const out: Stereo = [this.#planes[0].subarray(0, frames), this.#planes[1].subarray(0, frames)];
    this.#resampler.read(at, out);
    return out;
  }

  stop(): void {
    void this.#samples.return();
  }
}

/** Audio read block by block, forwards. */
interface Reader {
  read(at: number, frames: number): Promise<Stereo>;
  stop(): void;
}

/**
 * The voice of a tightened or teased clip (plan.keep, plan.teaser): each span read from the
 * recording in turn, cross-faded into the next at each join (domain/edit/tighten.ts voiceSplices). A span's decoder
 * opens when the output reaches it and stops once it is past.
 */
class SplicedVoice implements Reader {
  readonly #feeds: Array<Feed | undefined> = [];
  readonly #planes: Stereo = [new Float32Array(BLOCK), new Float32Array(BLOCK)];

  constructor(
    readonly track: InputAudioTrack,
    readonly splices: readonly VoiceSplice[],
  ) {}

  async read(at: number, frames: number): Promise<Stereo> {
    const out: Stereo = [this.#planes[0].subarray(0, frames).fill(0), this.#planes[1].subarray(0, frames).fill(0)];
    for (const [i, s] of this.splices.entries()) {
      const lo = Math.max(at, s.first);
      const hi = Math.min(at + frames, s.first + s.frames);
      if (s.first + s.frames <= at) {
        this.#feeds[i]?.stop();
        this.#feeds[i] = undefined;
      }
      if (lo >= hi) continue;
      this.#feeds[i] ??= new Feed(this.track, s.from, s.from + s.frames / AUDIO_RATE, false);
      const [l, r] = await this.#feeds[i].read(lo - s.first, hi - lo);
      for (let f = lo; f < hi; f++) {
        const g = spliceGain(s, f - s.first);
        out[0][f - at]! += l[f - lo]! * g;
        out[1][f - at]! += r[f - lo]! * g;
      }
    }
    return out;
  }

  stop(): void {
    for (const feed of this.#feeds) feed?.stop();
  }
}

/** The source's first audio track, if this browser decodes it; null when it can't. */
async function decodableAudio(source: Source, inputs: Input[]): Promise<InputAudioTrack | null> {
  const input = new Input({ source, formats: ALL_FORMATS });
  inputs.push(input);
  return decodableAudioTrack(input);
}

/**
 * ffmpeg's AAC encoder delays its output by one frame of priming. Samples go in stamped that much
 * early, so the packets carry their true times and the MP4 gets an edit list that hides the priming,
 * as ffmpeg's own files do. A browser's AudioEncoder would be faster, but how much it primes is not
 * told, and no browser here has one to measure it: the wasm encoder is used everywhere.
 */
const ENCODER_DELAY = 1024;

let aacRegistered: Promise<void> | undefined;

/** Whether AAC at this rate can be encoded by the wasm encoder (registered once per worker). */
async function aacEncoder(bitrate: number): Promise<boolean> {
  aacRegistered ??= import('@mediabunny/aac-encoder').then((m) => m.registerAacEncoder());
  await aacRegistered;
  return canEncodeAudio('aac', { numberOfChannels: 2, sampleRate: AUDIO_RATE, bitrate });
}

export async function mixAudio({ recording, plan, music }: MixRequest, onProgress: (ratio: number) => void): Promise<ArrayBuffer | null> {
  if (!mixesAudioHere()) return null;
  const bitrate = qualityPreset(plan.quality).audioKbps * 1000;
  const inputs: Input[] = [];
  const feeds: Reader[] = [];
  try {
    let voice: Reader | undefined;
    if (plan.source.hasAudio) {
      const track = await decodableAudio(new BlobSource(recording), inputs);
      if (!track) return null;
      const spans = voiceSpans(plan);
      voice = spans ? new SplicedVoice(track, voiceSplices(spans, AUDIO_RATE)) : new Feed(track, plan.source.start, plan.source.end, false);
      feeds.push(voice);
    }
    let tune: Feed | undefined;
    if (plan.music && music) {
      const track = await decodableAudio(new BufferSource(music), inputs);
      if (!track) return null;
      tune = new Feed(track, 0, undefined, true);
      feeds.push(tune);
    }
    if (!(await aacEncoder(bitrate))) return null;

    const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
    const encoded = new AudioSampleSource({ codec: 'aac', bitrate });
    output.addAudioTrack(encoded);
    await output.start();
    const mixer = new ClipMixer(AUDIO_RATE, clipDuration(plan), plan.music);
    for (let at = 0; at < mixer.frames; at += BLOCK) {
      const frames = Math.min(BLOCK, mixer.frames - at);
      // A new block each time: the sample may still be read after `add` resolves.
      const block = new Float32Array(2 * frames);
      const out: Stereo = [block.subarray(0, frames), block.subarray(frames)];
      mixer.mix(at, voice ? await voice.read(at, frames) : null, tune ? await tune.read(at, frames) : null, out);
      const sample = new Sample({
        data: block,
        format: 'f32-planar',
        numberOfChannels: 2,
        sampleRate: AUDIO_RATE,
        timestamp: (at - ENCODER_DELAY) / AUDIO_RATE,
      });
      await encoded.add(sample);
      sample.close();
      onProgress(at / mixer.frames);
    }
    encoded.close();
    await output.finalize();
    return output.target.buffer;
  } finally {
    for (const feed of feeds) feed.stop();
    for (const input of inputs) input.dispose();
  }
}
