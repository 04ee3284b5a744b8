/**
 * Moonshine (tiny, quantized ONNX) with onnxruntime-web: encoder once per utterance, then greedy
 * decoding with a key/value cache. Facts from moonshine-js (MIT) src/model.ts: tiny has 6 layers,
 * 8 KV heads, head dim 36; start token 1, end token 2; at most 6 tokens per second of audio.
 * Runs in a worker: onnxruntime's wasm is loaded from our own origin, one thread, no proxy worker.
 */
import llamaTokenizer from 'llama-tokenizer-js';
import * as ort from 'onnxruntime-web/wasm';
import { MOONSHINE_TINY_DIR } from './assets';
import { configureRuntime, fetchModel } from './runtime';
import { SPEECH_RATE, type SpeechModel } from './model';

const LAYERS = 6;
const KV_HEADS = 8;
const HEAD_DIM = 36;
const START_TOKEN = 1;
const END_TOKEN = 2;
const TOKENS_PER_SEC = 6;

const argMax = (values: Float32Array, from: number, to: number): number => {
  let best = from;
  for (let i = from + 1; i < to; i++) if (values[i]! > values[best]!) best = i;
  return best - from;
};

export class MoonshineTiny implements SpeechModel {
  readonly id = 'moonshine-tiny';
  readonly language = 'en';
  #encoder: ort.InferenceSession | undefined;
  #decoder: ort.InferenceSession | undefined;

  /** `base`: the app's root URL (the model files are under it). */
  constructor(private readonly base: string) {}

  async load(): Promise<void> {
    if (this.#encoder && this.#decoder) return;
    configureRuntime(this.base);
    const options: ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'] };
    const dir = new URL(MOONSHINE_TINY_DIR, this.base).href;
    this.#encoder = await ort.InferenceSession.create(await fetchModel(`${dir}encoder_model.onnx`), options);
    this.#decoder = await ort.InferenceSession.create(await fetchModel(`${dir}decoder_model_merged.onnx`), options);
  }

  async transcribe(pcm16k: Float32Array): Promise<string> {
    const encoder = this.#encoder;
    const decoder = this.#decoder;
    if (!encoder || !decoder) throw new Error('The speech model is not loaded.');
    const maxTokens = Math.trunc((pcm16k.length / SPEECH_RATE) * TOKENS_PER_SEC);
    if (maxTokens < 1) return '';
    const encoded = await encoder.run({ input_values: new ort.Tensor('float32', pcm16k, [1, pcm16k.length]) });
    const hidden = encoded.last_hidden_state;
    if (!hidden) throw new Error('The speech encoder returned no hidden state.');

    // The first step ignores the cache (use_cache_branch false) but still needs its inputs.
    const past: Record<string, ort.Tensor> = {};
    for (let i = 0; i < LAYERS; i++)
      for (const part of ['decoder', 'encoder'])
        for (const kind of ['key', 'value'])
          past[`past_key_values.${i}.${part}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [0, KV_HEADS, 1, HEAD_DIM]);

    const tokens: number[] = [];
    let next = START_TOKEN;
    for (let step = 0; step < maxTokens; step++) {
      const out = await decoder.run({
        input_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(next)), [1, 1]),
        encoder_hidden_states: hidden,
        use_cache_branch: new ort.Tensor('bool', [step > 0], [1]),
        ...past,
      });
      const logits = out.logits;
      if (!logits) throw new Error('The speech decoder returned no logits.');
      const data = logits.data as Float32Array;
      const vocab = logits.dims[logits.dims.length - 1] ?? data.length;
      next = argMax(data, data.length - vocab, data.length);
      if (next === END_TOKEN) break;
      tokens.push(next);
      // The self-attention cache grows every step; the cross-attention one is made once, on the first.
      for (const [name, tensor] of Object.entries(out)) {
        if (!name.startsWith('present.') || (step > 0 && name.includes('.encoder.'))) continue;
        past[`past_key_values.${name.slice('present.'.length)}`] = tensor;
      }
    }
    // The start token doubles as the tokenizer's BOS, which decode() drops.
    return llamaTokenizer.decode([START_TOKEN, ...tokens]).trim();
  }
}
