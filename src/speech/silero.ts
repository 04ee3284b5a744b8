/**
 * Silero VAD v5 with onnxruntime-web: the probability that each 32 ms of 16 kHz audio is speech.
 * Loudness alone finds no pause under music at −15 dB; a speech detector does. Facts from
 * @ricky0123/vad-web (ISC) src/models/silero.ts: 512-sample frames after a 64-sample context (the
 * previous frame's tail), a [2, 1, 128] state carried from frame to frame, the rate as an int64.
 */
import * as ort from 'onnxruntime-web/wasm';
import { SILERO_VAD } from './assets';
import { SPEECH_RATE, VAD_FRAME } from './model';
import { configureRuntime, fetchModel } from './runtime';

const CONTEXT = 64;

export class SileroVad {
  #session: ort.InferenceSession | undefined;

  /** `base`: the app's root URL (the model file is under it). */
  constructor(private readonly base: string) {}

  async load(): Promise<void> {
    if (this.#session) return;
    configureRuntime(this.base);
    this.#session = await ort.InferenceSession.create(await fetchModel(new URL(SILERO_VAD, this.base).href), { executionProviders: ['wasm'] });
  }

  /** Speech probability per VAD_FRAME samples of 16 kHz mono PCM (the last partial frame padded with silence). */
  async probabilities(pcm16k: Float32Array): Promise<Float32Array> {
    await this.load();
    const session = this.#session!;
    const frames = Math.ceil(pcm16k.length / VAD_FRAME);
    const out = new Float32Array(frames);
    const sr = new ort.Tensor('int64', BigInt64Array.of(BigInt(SPEECH_RATE)), [1]);
    let state: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
    const input = new Float32Array(CONTEXT + VAD_FRAME);
    for (let f = 0; f < frames; f++) {
      // The context is the previous frame's tail, already at the start of `input`.
      input.copyWithin(0, VAD_FRAME, VAD_FRAME + CONTEXT);
      if (f === 0) input.fill(0, 0, CONTEXT);
      input.fill(0, CONTEXT);
      input.set(pcm16k.subarray(f * VAD_FRAME, (f + 1) * VAD_FRAME), CONTEXT);
      const result = await session.run({ input: new ort.Tensor('float32', input.slice(), [1, input.length]), state, sr });
      const next = result.stateN;
      const prob = result.output?.data[0];
      if (!next || typeof prob !== 'number') throw new Error('The speech detector returned no answer.');
      state = next;
      out[f] = prob;
    }
    return out;
  }
}
